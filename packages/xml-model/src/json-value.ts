import { apiTimeSourceText, formatApiTime, parseApiTime } from "./api-time.js";
import type {
  FieldMap,
  ObjectSchema,
  OptionalSchema,
  RepeatedSchema,
  SchemaNode,
  UnionSchema,
  VariantMap,
} from "./schema.js";
import { UNKNOWN_KEY, type XmlElement, type XmlNode } from "./xml-node.js";

/**
 * A plain JSON value, as {@link toJsonValue} writes it and {@link fromJsonValue} reads it.
 *
 * @public
 * @example
 * ```ts
 * import type { JsonValue } from "@cibatch/xml-model";
 *
 * const job: JsonValue = { JobId: "b1", Operation: { JobParam: { Segment: { Duration: "5" } } } };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The key that holds the text of an element that also has child elements (mixed content; the API sends none). */
const TEXT_KEY = "#text";

/**
 * Turns a decoded value into plain JSON, losing nothing a user needs and keeping its XML shape:
 *
 * - fields in schema order, absent ones left out;
 * - `$unknown` nodes (and opaque subtrees) as ordinary nested JSON: an element becomes a key, a repeated element an
 *   array, a text-only element a string (`""` when empty), stray text a `#text` key;
 * - times exactly as the service sent them (`2022-06-27T15:23:10+0800`, see {@link apiTimeSourceText}); a `Date`
 *   that was not decoded is written with a `+0800` offset.
 *
 * {@link fromJsonValue} reads it back, so that decode → JSON → edit → encode writes the same XML.
 *
 * @param schema - the value's schema
 * @param value - a value that schema decoded (or that fits it)
 * @returns plain JSON
 * @public
 * @example
 * ```ts
 * import { JobsDetailSchema, decodeDescribeJobsResponse, toJsonValue } from "@cibatch/xml-model";
 *
 * declare const xml: string; // a response body
 * const [job] = decodeDescribeJobsResponse(xml).JobsDetail;
 * if (job) console.log(JSON.stringify(toJsonValue(JobsDetailSchema, job)));
 * ```
 */
export function toJsonValue(schema: SchemaNode, value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  switch (schema.kind) {
    case "optional":
      return toJsonValue((schema as OptionalSchema<SchemaNode>).item, value);
    case "repeated": {
      const item = (schema as RepeatedSchema<SchemaNode>).item;
      return Array.isArray(value) ? value.map((entry) => toJsonValue(item, entry)) : [toJsonValue(item, value)];
    }
    case "union": {
      const variant = unionVariant(schema as UnionSchema<string, VariantMap>, value);
      return variant === undefined ? plainJson(value) : toJsonValue(variant, value);
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value) || value instanceof Date) return plainJson(value);
      const record = value as Record<string, unknown>;
      const out: { [key: string]: JsonValue } = {};
      for (const [name, field] of (schema as ObjectSchema<FieldMap>).byName) {
        const fieldValue = record[name];
        if (fieldValue !== undefined) out[name] = toJsonValue(field, fieldValue);
      }
      const unknown = record[UNKNOWN_KEY];
      if (Array.isArray(unknown)) addXmlNodesToJson(out, unknown as XmlNode[]);
      return out;
    }
    case "opaque":
      return Array.isArray(value) ? xmlNodesToJson(value as XmlNode[]) : plainJson(value);
    default:
      return plainJson(value);
  }
}

/**
 * Plain JSON for a value without a schema: `Date`s as their source text (or `+0800`), `$unknown` merged as nested
 * JSON, other `$` keys (such as `$metadata`) and `undefined` left out.
 *
 * @param value - any value
 * @returns plain JSON
 * @public
 * @example
 * ```ts
 * import { plainJson } from "@cibatch/xml-model";
 *
 * plainJson({ a: 1, $unknown: [{ name: "B", children: ["2"] }] }); // { a: 1, B: "2" }
 * ```
 */
export function plainJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return timeText(value);
  if (Array.isArray(value)) return value.map(plainJson);
  if (typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || key.startsWith("$")) continue;
      out[key] = plainJson(item);
    }
    const unknown = (value as Record<string, unknown>)[UNKNOWN_KEY];
    if (Array.isArray(unknown)) addXmlNodesToJson(out, unknown as XmlNode[]);
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value as string | number | boolean;
}

function timeText(date: Date): JsonValue {
  return apiTimeSourceText(date) ?? formatApiTime(date) ?? null;
}

/**
 * The JSON of an element's children (see {@link toJsonValue}): `""` for none, a string for text only, else an
 * object of the child elements (repeated names as arrays) with any text under `#text`.
 *
 * @param nodes - the children
 * @returns plain JSON
 * @public
 * @example
 * ```ts
 * import { xmlNodesToJson } from "@cibatch/xml-model";
 *
 * xmlNodesToJson([{ name: "Region", children: ["ap-chongqing"] }, { name: "Topic", children: ["jobs"] }]);
 * // { Region: "ap-chongqing", Topic: "jobs" }
 * ```
 */
export function xmlNodesToJson(nodes: readonly XmlNode[]): JsonValue {
  let text = "";
  let elements = false;
  for (const node of nodes) {
    if (typeof node === "string") text += node;
    else elements = true;
  }
  if (!elements) return text;
  const out: { [key: string]: JsonValue } = {};
  addXmlNodesToJson(out, nodes);
  return out;
}

/**
 * Adds XML nodes to a JSON object as {@link xmlNodesToJson} does: an element name already present becomes an
 * array (or grows one).
 *
 * @param target - the object to add to
 * @param nodes - the nodes
 * @public
 * @example
 * ```ts
 * import { addXmlNodesToJson, type JsonValue } from "@cibatch/xml-model";
 *
 * const out: { [key: string]: JsonValue } = { Id: "1" };
 * addXmlNodesToJson(out, [{ name: "Id", children: ["2"] }]); // out.Id is ["1", "2"]
 * ```
 */
export function addXmlNodesToJson(target: { [key: string]: JsonValue }, nodes: readonly XmlNode[]): void {
  for (const node of nodes) {
    const [key, value] = typeof node === "string" ? [TEXT_KEY, node] : [node.name, xmlNodesToJson(node.children)];
    if (!Object.hasOwn(target, key)) {
      target[key] = value;
      continue;
    }
    const existing = target[key] as JsonValue;
    if (key === TEXT_KEY && typeof existing === "string" && typeof value === "string") target[key] = existing + value;
    else if (Array.isArray(existing)) existing.push(value);
    else target[key] = [existing, value];
  }
}

/**
 * One thing {@link fromJsonValue} could not turn into the schema's type; the value is left as it was, for the
 * caller's validation to report in its own words.
 *
 * @public
 * @example
 * ```ts
 * import type { JsonProblem } from "@cibatch/xml-model";
 *
 * const problem: JsonProblem = { path: "Operation.JobLevel", message: "expected an integer, found \"high\"" };
 * ```
 */
export interface JsonProblem {
  /** Where, as a dotted path from the value's root: `Operation.JobLevel`. */
  readonly path: string;
  /** What was expected and found. */
  readonly message: string;
}

/**
 * Options of {@link fromJsonValue}.
 *
 * @public
 * @example
 * ```ts
 * import type { FromJsonOptions } from "@cibatch/xml-model";
 *
 * const options: FromJsonOptions = { onProblem: (p) => console.warn(p.path, p.message) };
 * ```
 */
export interface FromJsonOptions {
  /** Called for each value left as it was. */
  readonly onProblem?: ((problem: JsonProblem) => void) | undefined;
  /** The path of `json` itself, prefixed to every problem's path. @defaultValue "" */
  readonly path?: string | undefined;
}

/**
 * Reads JSON written by {@link toJsonValue} (or by hand) back into a value of the schema, ready to validate and
 * encode: keys the schema knows become typed fields (numbers and `true`/`false` as text where the schema wants
 * text, digit strings as integers, `"true"`/`"false"` as booleans, API times as `Date`s that remember their text),
 * `null` means absent, and every other key becomes `$unknown` XML nodes (an object → child elements, an array →
 * repeated elements, a string → text). A single field given an array keeps the first item and sends the rest as
 * repeated elements, as the JSON of a duplicated element shows them.
 *
 * Values that do not fit (a time no API format matches, a non-numeric integer...) are left as they are and
 * reported through `onProblem`: validate the result before encoding it.
 *
 * @param schema - the schema to read into
 * @param json - parsed JSON (or YAML)
 * @param options - `onProblem`, `path`
 * @returns the value, typed loosely until validated
 * @public
 * @example
 * ```ts
 * import { NodeJobOperationSchema, fromJsonValue } from "@cibatch/xml-model";
 *
 * fromJsonValue(NodeJobOperationSchema, { Tag: "Segment", JobLevel: "1", JobParam: { Segment: { Duration: 5 } } });
 * // { Tag: "Segment", JobLevel: 1, JobParam: { Segment: { Duration: "5" } } }
 * ```
 */
export function fromJsonValue(schema: SchemaNode, json: unknown, options?: FromJsonOptions): unknown {
  return new JsonReader(options?.onProblem).read(schema, json, options?.path ?? "");
}

class JsonReader {
  readonly onProblem: ((problem: JsonProblem) => void) | undefined;

  constructor(onProblem: ((problem: JsonProblem) => void) | undefined) {
    this.onProblem = onProblem;
  }

  problem(path: string, expected: string, found: unknown): void {
    this.onProblem?.({ path, message: `expected ${expected}, found ${JSON.stringify(found) ?? String(found)}` });
  }

  read(schema: SchemaNode, json: unknown, path: string): unknown {
    switch (schema.kind) {
      case "optional":
        return this.read((schema as OptionalSchema<SchemaNode>).item, json, path);
      case "repeated": {
        const item = (schema as RepeatedSchema<SchemaNode>).item;
        const list = Array.isArray(json) ? json : [json];
        return list.map((entry, index) => this.read(item, entry, `${path}[${index}]`));
      }
      case "union": {
        const variant = unionVariant(schema as UnionSchema<string, VariantMap>, json);
        if (variant === undefined) {
          this.problem(
            path,
            `an object whose ${(schema as UnionSchema<string, VariantMap>).key} names a variant`,
            json,
          );
          return json;
        }
        return this.read(variant, json, path);
      }
      case "object":
        return this.object(schema as ObjectSchema<FieldMap>, json, path);
      case "opaque":
        return jsonToChildren(json);
      case "text":
      case "enum":
        if (typeof json === "string") return json;
        if (typeof json === "number" || typeof json === "boolean") return String(json);
        this.problem(path, "text", json);
        return json;
      case "integer":
        if (typeof json === "number" && Number.isSafeInteger(json)) return json;
        if (typeof json === "string" && /^-?\d{1,16}$/.test(json.trim())) return Number(json.trim());
        this.problem(path, "an integer", json);
        return json;
      case "boolean":
        if (typeof json === "boolean") return json;
        if (json === "true" || json === "false") return json === "true";
        this.problem(path, "true or false", json);
        return json;
      case "time":
        if (json instanceof Date) return json;
        if (typeof json === "string") return parseApiTime(json.trim()) ?? json;
        this.problem(path, "a time such as 2022-06-27T15:23:10+0800", json);
        return json;
      default:
        return json;
    }
  }

  object(schema: ObjectSchema<FieldMap>, json: unknown, path: string): unknown {
    if (typeof json !== "object" || json === null || Array.isArray(json) || json instanceof Date) {
      this.problem(path, "an object", json);
      return json;
    }
    const out: Record<string, unknown> = {};
    const unknown: XmlNode[] = [];
    const at = (key: string): string => (path === "" ? key : `${path}.${key}`);
    for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
      if (value === null || value === undefined) continue;
      if (key === UNKNOWN_KEY && Array.isArray(value)) {
        unknown.push(...(value as XmlNode[]));
        continue;
      }
      if (key === TEXT_KEY) {
        unknown.push(String(value));
        continue;
      }
      const field = schema.byName.get(key);
      if (field === undefined) {
        unknown.push(...jsonToElements(key, value));
        continue;
      }
      const item = field.kind === "optional" ? (field as OptionalSchema<SchemaNode>).item : field;
      if (item.kind === "repeated" || item.kind === "opaque" || !Array.isArray(value)) {
        out[key] = this.read(field, value, at(key));
        continue;
      }
      // A single element shown as an array (the JSON of a duplicate): the first is the value, the rest go back as
      // they came.
      const [first, ...rest] = value as unknown[];
      if (first !== undefined && first !== null) out[key] = this.read(field, first, at(key));
      for (const extra of rest) unknown.push(...jsonToElements(key, extra));
    }
    if (unknown.length > 0) out[UNKNOWN_KEY] = unknown;
    return out;
  }
}

function unionVariant(schema: UnionSchema<string, VariantMap>, value: unknown): SchemaNode | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const discriminant = (value as Record<string, unknown>)[schema.key];
  const name = discriminant === undefined || discriminant === null ? schema.absent : discriminant;
  return typeof name === "string" && Object.hasOwn(schema.variants, name) ? schema.variants[name] : undefined;
}

function jsonToElements(name: string, value: unknown): XmlElement[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonToElements(name, item));
  return [{ name, children: jsonToChildren(value) }];
}

function jsonToChildren(value: unknown): XmlNode[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    // Already XML nodes (an opaque value given as is).
    return value.filter((node): node is XmlNode => typeof node === "string" || isElement(node));
  }
  if (value instanceof Date) return [String(timeText(value))];
  if (typeof value === "object") {
    const out: XmlNode[] = [];
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key === TEXT_KEY) {
        if (item !== null && item !== undefined && String(item) !== "") out.push(String(item));
      } else out.push(...jsonToElements(key, item));
    }
    return out;
  }
  const text = String(value);
  return text === "" ? [] : [text];
}

function isElement(value: unknown): value is XmlElement {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as XmlElement).name === "string" &&
    Array.isArray((value as XmlElement).children)
  );
}
