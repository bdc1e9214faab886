import type { XMLBuilder } from "fast-xml-parser";
import { builderClass } from "#fxp";
import { DEFAULT_UTC_OFFSET_MINUTES, writeApiTime } from "./api-time.js";
import { formatPath, XML_NAME } from "./decode.js";
import { XmlModelError } from "./errors.js";
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
import { UNKNOWN_KEY } from "./xml-node.js";

/**
 * Options of {@link encode}.
 *
 * @public
 * @example
 * ```ts
 * import type { EncodeOptions } from "@cibatch/xml-model";
 *
 * const options: EncodeOptions = { root: "Request", declaration: false, utcOffsetMinutes: 480 };
 * ```
 */
export interface EncodeOptions {
  /** The name of the root element, e.g. `Request`. */
  readonly root: string;
  /**
   * Whether to start with `<?xml version="1.0" encoding="UTF-8"?>`.
   *
   * @defaultValue false (as the Go SDK and the API's samples)
   */
  readonly declaration?: boolean;
  /**
   * Offset written with times, in minutes east of UTC. A `Date` that a decoder (or {@link parseApiTime}) read
   * from text is written back as that text instead (see {@link apiTimeSourceText}), so echoes are exact.
   *
   * @defaultValue 480 (`+0800`, as in the API's samples)
   */
  readonly utcOffsetMinutes?: number;
}

/**
 * The encoding options of the model helpers (`encodeCreateJobRequest`...): {@link EncodeOptions} without
 * `root`, which each model fixes.
 *
 * @public
 * @example
 * ```ts
 * import type { ModelEncodeOptions } from "@cibatch/xml-model";
 *
 * const options: ModelEncodeOptions = { utcOffsetMinutes: 0 };
 * ```
 */
export type ModelEncodeOptions = Omit<EncodeOptions, "root">;

type Content = Record<string, unknown>[];

const TEXT_KEY = "#text";

let builder: XMLBuilder | undefined;

// Characters XML 1.0 cannot carry, and unpaired surrogates: encoding them would produce a document
// that our own decoder (and any XML parser) rejects.
const INVALID_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters rejected.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Encodes a typed value as an XML document. Elements follow the schema's field order, then the value's
 * `$unknown` nodes; absent optional values are omitted (or written as `absentAs`); arrays become repeated
 * elements; `Date`s are written `2022-06-27T15:23:10+0800`. All text is escaped by fast-xml-parser's
 * builder, never concatenated by hand.
 *
 * @param schema - the schema of the root element
 * @param value - the value to encode
 * @param options - `root` (required), `declaration`, `utcOffsetMinutes`
 * @throws {@link XmlModelError} `InvalidValue` (with the path) for a value that does not fit the schema:
 *   a missing required field, a wrong type, an unknown field, an invalid `Date`, a character XML forbids
 * @public
 * @example
 * ```ts
 * import { encode, object, optional, text } from "@cibatch/xml-model";
 *
 * const Output = object({ Region: text(), Bucket: text(), Object: optional(text()) });
 * encode(Output, { Region: "ap-chongqing", Bucket: "test-1234567890" }, { root: "Output" });
 * // "<Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket></Output>"
 * ```
 */
export function encode<S extends SchemaNode>(schema: S, value: Infer<S>, options: EncodeOptions): string {
  const encoder = new Encoder(options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES, options.root);
  if (!XML_NAME.test(options.root)) throw encoder.invalid("an XML element name as root", options.root);
  const tree = [{ [options.root]: encoder.content(schema, value) }];
  builder ??= new (builderClass())({
    preserveOrder: true,
    ignoreAttributes: true,
    suppressEmptyNode: true,
    format: false,
    processEntities: true,
  });
  const body = builder.build(tree) as string;
  return options.declaration === true ? `<?xml version="1.0" encoding="UTF-8"?>${body}` : body;
}

class Encoder {
  readonly utcOffsetMinutes: number;
  readonly path: (string | number)[];

  constructor(utcOffsetMinutes: number, root: string) {
    this.utcOffsetMinutes = utcOffsetMinutes;
    this.path = [root];
  }

  content(schema: SchemaNode, value: unknown): Content {
    switch (schema.kind) {
      case "object":
        return this.object(schema as ObjectSchema<FieldMap>, value);
      case "union":
        return this.union(schema as UnionSchema<string, VariantMap>, value);
      case "opaque":
        if (!Array.isArray(value)) throw this.invalid("an array of XML nodes", value);
        return this.nodes(value);
      default: {
        const text = this.leaf(schema, value);
        return text === "" ? [] : [{ [TEXT_KEY]: text }];
      }
    }
  }

  object(schema: ObjectSchema<FieldMap>, value: unknown): Content {
    if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) {
      throw this.invalid("an object", value);
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== UNKNOWN_KEY && !schema.byName.has(key) && record[key] !== undefined) {
        this.path.push(key);
        throw this.invalid(`one of the fields ${[...schema.byName.keys()].join(", ")}`, `unknown field "${key}"`);
      }
    }
    const out: Content = [];
    const { path } = this;
    for (const [name, field] of schema.byName) {
      const fieldValue = record[name];
      path.push(name);
      if (
        field.kind === "repeated" ||
        (field.kind === "optional" && (field as OptionalSchema<SchemaNode>).item.kind === "repeated")
      ) {
        if (fieldValue !== undefined || field.kind === "repeated") {
          if (!Array.isArray(fieldValue)) throw this.invalid("an array", fieldValue);
          const item =
            field.kind === "repeated"
              ? (field as RepeatedSchema<SchemaNode>).item
              : ((field as OptionalSchema<SchemaNode>).item as RepeatedSchema<SchemaNode>).item;
          for (let i = 0; i < fieldValue.length; i++) {
            path.push(i);
            out.push({ [name]: this.content(item, fieldValue[i]) });
            path.pop();
          }
        }
      } else if (field.kind === "optional") {
        const optional = field as OptionalSchema<SchemaNode>;
        if (fieldValue !== undefined) {
          out.push({ [name]: this.content(optional.item, fieldValue) });
        } else if (optional.absentAs !== undefined) {
          out.push({ [name]: optional.absentAs === "" ? [] : [{ [TEXT_KEY]: optional.absentAs }] });
        }
      } else {
        if (fieldValue === undefined) {
          // A decoder keeps an unreadable required value in $unknown (with a warning): it is written back from there.
          if (keptAsUnknown(record[UNKNOWN_KEY], name)) {
            path.pop();
            continue;
          }
          throw this.invalid(`a value (<${name}> is required)`, undefined);
        }
        out.push({ [name]: this.content(field, fieldValue) });
      }
      path.pop();
    }
    const unknown = record[UNKNOWN_KEY];
    if (unknown !== undefined) {
      path.push(UNKNOWN_KEY);
      if (!Array.isArray(unknown)) throw this.invalid("an array of XML nodes", unknown);
      out.push(...this.nodes(unknown));
      path.pop();
    }
    return out;
  }

  union(schema: UnionSchema<string, VariantMap>, value: unknown): Content {
    if (typeof value !== "object" || value === null) throw this.invalid("an object", value);
    const discriminant = (value as Record<string, unknown>)[schema.key];
    const variantName = discriminant === undefined ? schema.absent : discriminant;
    if (typeof variantName !== "string" || !Object.hasOwn(schema.variants, variantName)) {
      this.path.push(schema.key);
      throw this.invalid(`one of ${Object.keys(schema.variants).join(", ")}`, discriminant);
    }
    return this.object(schema.variants[variantName] as ObjectSchema<FieldMap>, value);
  }

  nodes(nodes: readonly unknown[]): Content {
    const out: Content = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      this.path.push(i);
      if (typeof node === "string") {
        this.checkText(node);
        out.push({ [TEXT_KEY]: node });
      } else {
        const element = node as { name?: unknown; children?: unknown } | null;
        if (typeof element !== "object" || element === null || typeof element.name !== "string") {
          throw this.invalid("a string or an element { name, children }", node);
        }
        if (!XML_NAME.test(element.name) || RESERVED.has(element.name)) {
          throw this.invalid("an XML element name other than __proto__, constructor, prototype", element.name);
        }
        if (!Array.isArray(element.children)) throw this.invalid("children as an array", element.children);
        this.path.push(element.name);
        out.push({ [element.name]: this.nodes(element.children) });
        this.path.pop();
      }
      this.path.pop();
    }
    return out;
  }

  leaf(schema: SchemaNode, value: unknown): string {
    switch (schema.kind) {
      case "text":
      case "enum":
        if (typeof value !== "string") throw this.invalid("a string", value);
        return this.checkText(value);
      case "integer":
        if (typeof value !== "number" || !Number.isSafeInteger(value)) throw this.invalid("a safe integer", value);
        return String(value);
      case "boolean":
        if (typeof value !== "boolean") throw this.invalid("a boolean", value);
        return value ? "true" : "false";
      case "time": {
        const text = value instanceof Date ? writeApiTime(value, this.utcOffsetMinutes) : undefined;
        if (text === undefined) throw this.invalid("a valid Date (years 0..9999) and a valid utcOffsetMinutes", value);
        return text;
      }
      case "literal": {
        const expected = (schema as LiteralSchema<string>).value;
        if (value !== expected) throw this.invalid(`"${expected}"`, value);
        return expected;
      }
      default:
        throw this.invalid(`a ${schema.kind} value (a schema error: ${schema.kind} cannot be used here)`, value);
    }
  }

  checkText(text: string): string {
    const bad = INVALID_CHAR.exec(text);
    if (bad !== null) {
      throw this.invalid("text with only characters XML allows", text);
    }
    return text;
  }

  invalid(expected: string, found: unknown): XmlModelError {
    return new XmlModelError({ code: "InvalidValue", path: formatPath(this.path), expected, found: describe(found) });
  }
}

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

function keptAsUnknown(unknown: unknown, name: string): boolean {
  return (
    Array.isArray(unknown) &&
    unknown.some((node) => typeof node === "object" && node !== null && (node as { name?: unknown }).name === name)
  );
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return value;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
