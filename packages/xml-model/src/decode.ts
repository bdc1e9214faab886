import { parseApiTime } from "./api-time.js";
import { decodeEntities } from "./entities.js";
import { XmlModelError } from "./errors.js";
import {
  CDATA_KEY,
  checkClosed,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  type FxpNode,
  nodeName,
  parseDocument,
  TEXT_KEY,
} from "./parse-document.js";
import type {
  FieldMap,
  Infer,
  LiteralSchema,
  ObjectSchema,
  OptionalSchema,
  RepeatedSchema,
  SchemaNode,
  UnionSchema,
  VariantMap,
} from "./schema.js";
import { UNKNOWN_KEY, type XmlElement, type XmlNode } from "./xml-node.js";

/**
 * Options of {@link decode}.
 *
 * @public
 * @example
 * ```ts
 * import type { DecodeOptions } from "@cibatch/xml-model";
 *
 * const options: DecodeOptions = { root: "Response", maxBytes: 4 * 1024 * 1024 };
 * ```
 */
export interface DecodeOptions {
  /** The required name of the root element, e.g. `Response`. */
  readonly root: string;
  /**
   * Size cap in bytes (UTF-8); a larger document throws `TooLarge` before parsing.
   *
   * @defaultValue 1 MiB (`DEFAULT_MAX_BYTES`)
   */
  readonly maxBytes?: number;
  /**
   * Nesting cap: elements nested deeper throw `TooDeep`.
   *
   * @defaultValue 32 (`DEFAULT_MAX_DEPTH`)
   */
  readonly maxDepth?: number;
}

/**
 * The decoding options of the model helpers (`decodeListJobsResponse`...): {@link DecodeOptions} without `root`,
 * which each model fixes.
 *
 * @public
 * @example
 * ```ts
 * import { decodeListJobsResponse, type ModelDecodeOptions } from "@cibatch/xml-model";
 *
 * const options: ModelDecodeOptions = { maxBytes: 8 * 1024 * 1024 };
 * decodeListJobsResponse("<Response><RequestId>r</RequestId></Response>", options);
 * ```
 */
export type ModelDecodeOptions = Omit<DecodeOptions, "root">;

/**
 * Decodes an XML document into the typed value its schema describes.
 *
 * Safety rules applied first, in one place: the size cap, UTF-8 and XML characters, no DOCTYPE (so no
 * entity expansion at all), the nesting cap, `__proto__`/`constructor`/`prototype` element names rejected,
 * well-formedness (a truncated or unbalanced document throws: never partial data) and the root name.
 *
 * Mapping: leaf text is never coerced; `optional` elements that are empty (and `-` times) are absent;
 * `repeated` elements are arrays whatever the count; unknown elements are kept in `$unknown`.
 *
 * @param schema - the schema of the root element
 * @param xml - the document, as text or UTF-8 bytes
 * @param options - `root` (required), `maxBytes`, `maxDepth`
 * @throws {@link XmlModelError} for every failure, with the element path, what was expected and what was found
 * @public
 * @example
 * ```ts
 * import { decode, object, optional, repeated, text, time } from "@cibatch/xml-model";
 *
 * const Page = object({ Item: repeated(object({ Id: text(), At: optional(time()) })), Next: optional(text()) });
 * const page = decode(Page, "<Page><Item><Id>0123</Id><At>-</At></Item></Page>", { root: "Page" });
 * page.Item[0]?.Id; // "0123"
 * ```
 */
export function decode<S extends SchemaNode>(schema: S, xml: string | Uint8Array, options: DecodeOptions): Infer<S> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const document = parseDocument(xml, options.root, maxBytes, maxDepth);
  const walker = new Walker(document.xml, document.rootName);
  return walker.element(schema, document.root[document.rootName] as FxpNode[]) as Infer<S>;
}

/** Walks the parsed tree along the schema, keeping the element path for error messages. */
class Walker {
  readonly xml: string;
  readonly path: (string | number)[];
  readonly pathFn: () => string;

  constructor(xml: string, rootName: string) {
    this.xml = xml;
    this.path = [rootName];
    this.pathFn = () => formatPath(this.path);
  }

  element(schema: SchemaNode, children: FxpNode[]): unknown {
    switch (schema.kind) {
      case "object":
        return this.object(schema as ObjectSchema<FieldMap>, children);
      case "union":
        return this.union(schema as UnionSchema<string, VariantMap>, children);
      case "opaque":
        return this.nodes(children);
      default:
        return this.leaf(schema, this.text(children));
    }
  }

  object(schema: ObjectSchema<FieldMap>, children: FxpNode[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let unknown: XmlNode[] | undefined;
    let emptySeen: Set<string> | undefined;
    const { path, xml } = this;
    for (const child of children) {
      const name = nodeName(child);
      if (name === TEXT_KEY || name === CDATA_KEY) {
        const text = this.nodeText(child, name);
        if (text !== "") {
          unknown ??= [];
          unknown.push(text);
        }
        continue;
      }
      const grandChildren = child[name] as FxpNode[];
      const field = schema.byName.get(name);
      path.push(name);
      checkClosed(xml, child, name, this.pathFn);
      if (field === undefined) {
        unknown ??= [];
        unknown.push(this.unknownElement(name, grandChildren));
      } else if (field.kind === "repeated") {
        let list = out[name] as unknown[] | undefined;
        if (list === undefined) {
          list = [];
          out[name] = list;
        }
        path.push(list.length);
        list.push(this.element((field as RepeatedSchema<SchemaNode>).item, grandChildren));
        path.pop();
      } else if (field.kind === "optional" && (field as OptionalSchema<SchemaNode>).item.kind === "repeated") {
        const item = ((field as OptionalSchema<SchemaNode>).item as RepeatedSchema<SchemaNode>).item;
        let list = out[name] as unknown[] | undefined;
        if (list === undefined) {
          list = [];
          out[name] = list;
        }
        path.push(list.length);
        list.push(this.element(item, grandChildren));
        path.pop();
      } else {
        if (name in out || emptySeen?.has(name)) {
          throw new XmlModelError({
            code: "InvalidValue",
            path: formatPath(path),
            expected: `at most one <${name}>`,
            found: `another <${name}>`,
          });
        }
        if (field.kind === "optional") {
          const value = this.optional(field as OptionalSchema<SchemaNode>, grandChildren);
          if (value === undefined) {
            emptySeen ??= new Set();
            emptySeen.add(name);
          } else {
            out[name] = value;
          }
        } else {
          out[name] = this.element(field, grandChildren);
        }
      }
      path.pop();
    }
    for (const name of schema.repeatedNames) {
      if (!(name in out)) out[name] = [];
    }
    for (const name of schema.requiredNames) {
      if (name in out) continue;
      throw new XmlModelError({
        code: "MissingElement",
        path: `${formatPath(path)}.${name}`,
        expected: `a <${name}> element`,
        found: `<${lastName(path)}> without it`,
      });
    }
    if (unknown !== undefined) out[UNKNOWN_KEY] = unknown;
    return out;
  }

  optional(schema: OptionalSchema<SchemaNode>, children: FxpNode[]): unknown {
    const item = schema.item;
    if (item.kind === "object" || item.kind === "union" || item.kind === "opaque") return this.element(item, children);
    const text = this.text(children);
    if (text === "" || (text === "-" && item.kind === "time")) return undefined;
    return this.leaf(item, text);
  }

  union(schema: UnionSchema<string, VariantMap>, children: FxpNode[]): unknown {
    let discriminant: string | undefined;
    for (const child of children) {
      const name = nodeName(child);
      if (name === schema.key) {
        discriminant = this.text(child[name] as FxpNode[]);
        break;
      }
    }
    const variantName = discriminant ?? schema.absent;
    if (variantName === undefined || !Object.hasOwn(schema.variants, variantName)) {
      throw new XmlModelError({
        code: discriminant === undefined ? "MissingElement" : "InvalidValue",
        path: `${formatPath(this.path)}.${schema.key}`,
        expected: `<${schema.key}> one of ${Object.keys(schema.variants).join(", ")}`,
        found: discriminant ?? "no such element",
      });
    }
    return this.object(schema.variants[variantName] as ObjectSchema<FieldMap>, children);
  }

  /** The text content of a leaf element: texts and CDATA concatenated; a child element is an error. */
  text(children: FxpNode[]): string {
    if (children.length === 0) return "";
    let text = "";
    for (const child of children) {
      const name = nodeName(child);
      if (name !== TEXT_KEY && name !== CDATA_KEY) {
        throw new XmlModelError({
          code: "InvalidValue",
          path: formatPath(this.path),
          expected: "text",
          found: `a child element <${name}>`,
        });
      }
      text += this.nodeText(child, name);
    }
    return text;
  }

  nodeText(node: FxpNode, name: string): string {
    if (name === CDATA_KEY) {
      const parts = node[CDATA_KEY] as FxpNode[];
      let text = "";
      for (const part of parts) text += part[TEXT_KEY] as string;
      return text;
    }
    const raw = String(node[TEXT_KEY]);
    const decoded = decodeEntities(raw);
    if (decoded === undefined) {
      throw new XmlModelError({
        code: "MalformedXml",
        path: formatPath(this.path),
        expected: "character references to characters XML allows",
        found: raw,
      });
    }
    return decoded;
  }

  leaf(schema: SchemaNode, text: string): unknown {
    switch (schema.kind) {
      case "text":
      case "enum":
        return text;
      case "integer":
        if (/^-?\d{1,16}$/.test(text)) {
          const value = Number(text);
          if (Number.isSafeInteger(value)) return value === 0 ? 0 : value;
        }
        throw this.invalid("an integer", text);
      case "boolean":
        if (text === "true") return true;
        if (text === "false") return false;
        throw this.invalid("true or false", text);
      case "time": {
        const date = parseApiTime(text);
        if (date === undefined) throw this.invalid("a time like 2022-06-27T15:23:10+0800", text);
        return date;
      }
      case "literal": {
        const expected = (schema as LiteralSchema<string>).value;
        if (text === expected) return text;
        throw this.invalid(`"${expected}"`, text);
      }
      default:
        throw this.invalid(`a ${schema.kind} value (a schema error: ${schema.kind} cannot be used here)`, text);
    }
  }

  invalid(expected: string, found: string): XmlModelError {
    return new XmlModelError({ code: "InvalidValue", path: formatPath(this.path), expected, found });
  }

  nodes(children: FxpNode[]): XmlNode[] {
    const out: XmlNode[] = [];
    for (const child of children) {
      const name = nodeName(child);
      if (name === TEXT_KEY || name === CDATA_KEY) {
        const text = this.nodeText(child, name);
        const last = out.length - 1;
        if (last >= 0 && typeof out[last] === "string") out[last] += text;
        else if (text !== "") out.push(text);
        continue;
      }
      this.path.push(name);
      checkClosed(this.xml, child, name, this.pathFn);
      out.push(this.unknownElement(name, child[name] as FxpNode[]));
      this.path.pop();
    }
    return out;
  }

  unknownElement(name: string, children: FxpNode[]): XmlElement {
    if (!XML_NAME.test(name)) {
      throw new XmlModelError({
        code: "MalformedXml",
        path: formatPath(this.path),
        expected: "an XML element name",
        found: name,
      });
    }
    return { name, children: this.nodes(children) };
  }
}

/**
 * Names kept in opaque subtrees and `$unknown`: a letter, `_` or `:` (or a non-ASCII letter) first, then also
 * digits, `-` and `.`.
 *
 * @internal
 */
export const XML_NAME: RegExp = /^[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\u00B7\u00C0-\uFFFF-]*$/;

function lastName(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === "string") return segment;
  }
  return "";
}

/**
 * Formats an element path: `Response.JobsDetail[3].CreationTime`.
 *
 * @internal
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
