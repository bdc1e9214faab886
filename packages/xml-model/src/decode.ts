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
 * A problem found while decoding that did not stop it: a value that does not fit its type, a required element
 * that is missing, a duplicate of a single element, a namespaced element. The decoded value keeps what was
 * received: the element is left out of the typed field and kept, as written, in its parent's `$unknown`.
 *
 * @public
 * @example
 * ```ts
 * import { decodeListJobsResponse, type DecodeWarning } from "@cibatch/xml-model";
 *
 * declare const xml: string; // a response body
 * const warnings: DecodeWarning[] = [];
 * decodeListJobsResponse(xml, { onWarning: (warning) => warnings.push(warning) });
 * for (const w of warnings) console.warn(`${w.path}: ${w.message}`);
 * ```
 */
export interface DecodeWarning {
  /** Where: `Response.JobsDetail[3].Operation.TimeInterval.End`. */
  readonly path: string;
  /** What the schema expected, in words: `a time like 2022-06-27T15:23:10+0800`. */
  readonly expected: string;
  /** What was found, cut to 200 characters: `"60"`. */
  readonly found: string;
  /** One readable sentence saying all of it, and what was done with the value. */
  readonly message: string;
}

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
  /**
   * Called once per {@link DecodeWarning}, in document order. Without it, warnings are not reported (the values
   * are still kept in `$unknown`).
   */
  readonly onWarning?: ((warning: DecodeWarning) => void) | undefined;
  /**
   * Throw an {@link XmlModelError} (`InvalidValue` or `MissingElement`) at the first problem instead of warning.
   *
   * @defaultValue false
   */
  readonly strict?: boolean | undefined;
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
 * Structural rules, which throw: the size cap, UTF-8 (bytes and declared encoding) and XML characters, no DOCTYPE
 * (so no entity expansion at all) and no undeclared entity, the nesting cap, `__proto__`/`constructor`/
 * `prototype` element names rejected, well-formedness (a truncated document throws `Truncated`, an unbalanced one
 * `MalformedXml`: never partial data), the root name, and a union discriminant that names no variant.
 *
 * Everything else is tolerated and reported through `onWarning`: a value that does not fit its type (`<End>60</End>`
 * for a time), a missing required element, a duplicate of a single element, a namespaced element. The
 * offending element is kept as received in its parent's `$unknown`, so nothing is lost and encoding writes it
 * back. A required field can therefore be absent from a decoded value when a warning says so.
 *
 * Mapping: leaf text is never coerced; `optional` elements that are empty (and `-` times) are absent;
 * `repeated` elements are arrays whatever the count; unknown elements are kept in `$unknown`.
 *
 * @param schema - the schema of the root element
 * @param xml - the document, as text or UTF-8 bytes
 * @param options - `root` (required), `maxBytes`, `maxDepth`, `onWarning`, `strict`
 * @throws {@link XmlModelError} for a structural failure, with the element path, what was expected and what was found
 * @public
 * @example
 * ```ts
 * import { decode, object, optional, repeated, text, time } from "@cibatch/xml-model";
 *
 * const Page = object({ Item: repeated(object({ Id: text(), At: optional(time()) })), Next: optional(text()) });
 * const page = decode(Page, "<Page><Item><Id>0123</Id><At>soon</At></Item></Page>", {
 *   root: "Page",
 *   onWarning: (w) => console.warn(w.message), // Page.Item[0].At: expected a time like ..., found "soon"; ...
 * });
 * page.Item[0]?.Id; // "0123"
 * page.Item[0]?.$unknown; // [{ name: "At", children: ["soon"] }]
 * ```
 */
export function decode<S extends SchemaNode>(schema: S, xml: string | Uint8Array, options: DecodeOptions): Infer<S> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const document = parseDocument(xml, options.root, maxBytes, maxDepth);
  const walker = new Walker(document.xml, document.rootName, options.onWarning, options.strict === true);
  const value = walker.element(schema, document.root[document.rootName] as FxpNode[]);
  if (value === INVALID) {
    // The root itself held a value of the wrong type (a leaf schema as root): nothing typed can be returned.
    throw walker.lastProblem as XmlModelError;
  }
  return value as Infer<S>;
}

/** Returned by the walker for a value that does not fit its schema (after reporting it). */
const INVALID: unique symbol = Symbol("invalid");

/** Walks the parsed tree along the schema, keeping the element path for messages. */
class Walker {
  readonly xml: string;
  readonly path: (string | number)[];
  readonly pathFn: () => string;
  readonly onWarning: ((warning: DecodeWarning) => void) | undefined;
  readonly strict: boolean;
  lastProblem: XmlModelError | undefined;

  constructor(
    xml: string,
    rootName: string,
    onWarning: ((warning: DecodeWarning) => void) | undefined,
    strict: boolean,
  ) {
    this.xml = xml;
    this.path = [rootName];
    this.pathFn = () => formatPath(this.path);
    this.onWarning = onWarning;
    this.strict = strict;
  }

  /** Reports a tolerated problem at `path` (or throws it when strict). */
  warn(code: "InvalidValue" | "MissingElement", path: string, expected: string, found: string, kept: string): void {
    const error = new XmlModelError({ code, path, expected, found });
    if (this.strict) throw error;
    this.lastProblem = error;
    if (this.onWarning !== undefined) {
      this.onWarning({ path, expected, found: error.found, message: `${error.message.slice(0, -1)}; ${kept}.` });
    }
  }

  element(schema: SchemaNode, children: FxpNode[]): unknown {
    switch (schema.kind) {
      case "object":
        return this.object(schema as ObjectSchema<FieldMap>, children);
      case "union":
        return this.union(schema as UnionSchema<string, VariantMap>, children);
      case "opaque":
        return this.nodes(children);
      default: {
        const text = this.text(children);
        return text === INVALID ? INVALID : this.leaf(schema, text);
      }
    }
  }

  object(schema: ObjectSchema<FieldMap>, children: FxpNode[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let unknown: XmlNode[] | undefined;
    let emptySeen: Set<string> | undefined;
    let seen: Map<string, number> | undefined;
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
      let keep = false;
      if (field === undefined) {
        if (name.includes(":")) {
          this.warn(
            "InvalidValue",
            formatPath(path),
            `element names without a namespace prefix (the API uses none)`,
            `<${name}>`,
            "kept in $unknown",
          );
        }
        keep = true;
      } else if (
        field.kind === "repeated" ||
        (field.kind === "optional" && (field as OptionalSchema<SchemaNode>).item.kind === "repeated")
      ) {
        const item =
          field.kind === "repeated"
            ? (field as RepeatedSchema<SchemaNode>).item
            : ((field as OptionalSchema<SchemaNode>).item as RepeatedSchema<SchemaNode>).item;
        const list = out[name] as unknown[] | undefined;
        // The element's position among its namesakes (an unreadable one is not in the list, but counts).
        const index = seen?.get(name) ?? 0;
        seen ??= new Map();
        seen.set(name, index + 1);
        path.push(index);
        const value = this.element(item, grandChildren);
        path.pop();
        if (value === INVALID) keep = true;
        else if (list === undefined) out[name] = [value];
        else list.push(value);
      } else if (name in out || emptySeen?.has(name)) {
        this.warn("InvalidValue", formatPath(path), `at most one <${name}>`, `another <${name}>`, "kept in $unknown");
        keep = true;
      } else if (field.kind === "optional") {
        const value = this.optional(field as OptionalSchema<SchemaNode>, grandChildren);
        if (value === INVALID) keep = true;
        else if (value === undefined) {
          emptySeen ??= new Set();
          emptySeen.add(name);
        } else {
          out[name] = value;
        }
      } else {
        const value = this.element(field, grandChildren);
        if (value === INVALID) keep = true;
        else out[name] = value;
      }
      if (keep) {
        unknown ??= [];
        unknown.push(this.unknownElement(name, grandChildren));
      }
      path.pop();
    }
    for (const name of schema.repeatedNames) {
      if (!(name in out)) out[name] = [];
    }
    for (const name of schema.requiredNames) {
      if (name in out) continue;
      const kept = unknown?.some((node) => typeof node !== "string" && node.name === name) === true;
      if (kept) continue; // already reported as a value that does not fit
      this.warn(
        "MissingElement",
        `${formatPath(path)}.${name}`,
        `a <${name}> element`,
        `<${lastName(path)}> without it`,
        "left absent",
      );
    }
    if (unknown !== undefined) out[UNKNOWN_KEY] = unknown;
    return out;
  }

  optional(schema: OptionalSchema<SchemaNode>, children: FxpNode[]): unknown {
    const item = schema.item;
    if (item.kind === "object" || item.kind === "union" || item.kind === "opaque") return this.element(item, children);
    const text = this.text(children);
    if (text === INVALID) return INVALID;
    if (text === "" || (text === "-" && item.kind === "time")) return undefined;
    return this.leaf(item, text);
  }

  union(schema: UnionSchema<string, VariantMap>, children: FxpNode[]): unknown {
    let discriminant: string | undefined;
    for (const child of children) {
      const name = nodeName(child);
      if (name === schema.key) {
        const text = this.text(child[name] as FxpNode[]);
        discriminant = text === INVALID ? "(an element)" : text;
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

  /** The text content of a leaf element: texts and CDATA concatenated; a child element is reported. */
  text(children: FxpNode[]): string | typeof INVALID {
    if (children.length === 0) return "";
    let text = "";
    for (const child of children) {
      const name = nodeName(child);
      if (name !== TEXT_KEY && name !== CDATA_KEY) {
        this.warn("InvalidValue", formatPath(this.path), "text", `a child element <${name}>`, "kept in $unknown");
        return INVALID;
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
    if (typeof decoded !== "string") {
      throw decoded.kind === "undeclared-entity"
        ? new XmlModelError({
            code: "UndeclaredEntity",
            path: formatPath(this.path),
            expected: "only the entities XML predefines (&lt; &gt; &amp; &quot; &apos;) and character references",
            found: decoded.reference,
            hint: "The document uses an entity that nothing declares; it is not kept as written.",
          })
        : new XmlModelError({
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
        return this.invalid("an integer", text);
      case "boolean":
        if (text === "true") return true;
        if (text === "false") return false;
        return this.invalid("true or false", text);
      case "time": {
        const date = parseApiTime(text);
        if (date === undefined) return this.invalid("a time like 2022-06-27T15:23:10+0800", text);
        return date;
      }
      case "literal": {
        const expected = (schema as LiteralSchema<string>).value;
        if (text === expected) return text;
        return this.invalid(`"${expected}"`, text);
      }
      default:
        throw new XmlModelError({
          code: "InvalidValue",
          path: formatPath(this.path),
          expected: `a ${schema.kind} value (a schema error: ${schema.kind} cannot be used here)`,
          found: text,
        });
    }
  }

  invalid(expected: string, found: string): typeof INVALID {
    this.warn("InvalidValue", formatPath(this.path), expected, found, "kept as received in $unknown");
    return INVALID;
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
