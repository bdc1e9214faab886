import type { XmlNode } from "./xml-node.js";

/**
 * The kinds of schema node.
 *
 * @public
 * @example
 * ```ts
 * import type { SchemaKind } from "@cibatch/xml-model";
 *
 * const kind: SchemaKind = "text";
 * ```
 */
export type SchemaKind =
  | "text"
  | "integer"
  | "boolean"
  | "time"
  | "literal"
  | "enum"
  | "optional"
  | "repeated"
  | "object"
  | "union"
  | "opaque";

/**
 * What every schema node has at run time. Constraint of the generic schema types.
 *
 * @public
 * @example
 * ```ts
 * import { text, type SchemaNode } from "@cibatch/xml-model";
 *
 * const node: SchemaNode = text();
 * console.log(node.kind); // "text"
 * ```
 */
export interface SchemaNode {
  /** Which kind of node this is. */
  readonly kind: SchemaKind;
}

/**
 * A schema node whose decoded value has type `T`.
 *
 * The `~type` member exists only in the type system. It makes `Schema<T>` invariant in `T`, so a
 * schema value checked against a written-out schema type must match it exactly (no missing and no extra
 * field), which is how the exported models keep their declared types and their runtime schemas equal.
 *
 * @public
 * @example
 * ```ts
 * import { text, type Schema } from "@cibatch/xml-model";
 *
 * const name: Schema<string> = text();
 * ```
 */
export interface Schema<T> extends SchemaNode {
  /** Type-level only: never set at run time. */
  readonly "~type"?: (value: T) => T;
}

/**
 * The TypeScript type of the values a schema decodes to (and its encoder accepts).
 *
 * @public
 * @example
 * ```ts
 * import { object, optional, repeated, text, type Infer } from "@cibatch/xml-model";
 *
 * const Queue = object({ QueueId: text(), Name: optional(text()), Tags: repeated(text()) });
 * type Queue = Infer<typeof Queue>; // { QueueId: string; Name?: string; Tags: string[]; $unknown?: XmlNode[] }
 * ```
 */
export type Infer<S> = S extends {
  /** The type-level marker of {@link Schema}. */
  readonly "~type"?: (value: infer T) => unknown;
}
  ? T
  : never;

/**
 * Text: the element's trimmed, entity-decoded text. Ids stay strings (`0123` is never `123`).
 *
 * @public
 * @example
 * ```ts
 * import type { TextSchema } from "@cibatch/xml-model";
 * ```
 */
export interface TextSchema extends Schema<string> {
  readonly kind: "text";
}

/**
 * A decimal integer (`-?[0-9]+`, a safe integer), as a `number`.
 *
 * @public
 * @example
 * ```ts
 * import type { IntegerSchema } from "@cibatch/xml-model";
 * ```
 */
export interface IntegerSchema extends Schema<number> {
  readonly kind: "integer";
}

/**
 * `true` or `false`, as a `boolean`.
 *
 * @public
 * @example
 * ```ts
 * import type { BooleanSchema } from "@cibatch/xml-model";
 * ```
 */
export interface BooleanSchema extends Schema<boolean> {
  readonly kind: "boolean";
}

/**
 * A time in the API's format (`2022-06-27T15:23:10+0800`), as a `Date`. See {@link parseApiTime}.
 *
 * @public
 * @example
 * ```ts
 * import type { TimeSchema } from "@cibatch/xml-model";
 * ```
 */
export interface TimeSchema extends Schema<Date> {
  readonly kind: "time";
}

/**
 * Exactly one string, e.g. the `Type` discriminant of a {@link union}.
 *
 * @public
 * @example
 * ```ts
 * import type { LiteralSchema } from "@cibatch/xml-model";
 *
 * type JobType = LiteralSchema<"Job">;
 * ```
 */
export interface LiteralSchema<L extends string> extends Schema<L> {
  readonly kind: "literal";
  /** The only accepted value. */
  readonly value: L;
}

/**
 * An open enumeration: the known values autocomplete, yet any string is accepted, so a value the API adds
 * later never breaks decoding.
 *
 * @public
 * @example
 * ```ts
 * import type { OpenEnum } from "@cibatch/xml-model";
 *
 * const state: OpenEnum<"Running" | "Success"> = "Paused"; // accepted
 * ```
 */
export type OpenEnum<L extends string> = L | (string & {});

/**
 * An open enumeration (see {@link OpenEnum}).
 *
 * @public
 * @example
 * ```ts
 * import type { OpenEnumSchema } from "@cibatch/xml-model";
 *
 * type State = OpenEnumSchema<"Running" | "Success">;
 * ```
 */
export interface OpenEnumSchema<L extends string> extends Schema<OpenEnum<L>> {
  readonly kind: "enum";
  /** The known values, in the order given. */
  readonly values: readonly L[];
}

/**
 * Options of {@link optional}.
 *
 * @public
 * @example
 * ```ts
 * import { optional, text, type OptionalOptions } from "@cibatch/xml-model";
 *
 * const options: OptionalOptions = { absentAs: "" };
 * const Message = optional(text(), options); // absent is written <Message/>
 * ```
 */
export interface OptionalOptions {
  /**
   * Text written when the value is absent, instead of omitting the element: `""` writes `<Message/>`, `"-"`
   * writes `<StartTime>-</StartTime>`. Decoding maps both back to "absent".
   *
   * @defaultValue undefined (the element is omitted)
   */
  readonly absentAs?: "" | "-";
}

/**
 * An element that may be absent (0..1). Its key is optional in the object type. An empty element
 * (`<Prefix/>`) decodes as absent; so does `-` for a time.
 *
 * @public
 * @example
 * ```ts
 * import type { OptionalSchema, TextSchema } from "@cibatch/xml-model";
 *
 * type Prefix = OptionalSchema<TextSchema>;
 * ```
 */
export interface OptionalSchema<S extends SchemaNode> extends Schema<Infer<S>> {
  readonly kind: "optional";
  /** The schema of the value when present. */
  readonly item: S;
  /** See {@link OptionalOptions.absentAs}. */
  readonly absentAs: "" | "-" | undefined;
}

/**
 * A repeated element (0..n): always an array, whatever the count (`[]` when there is none).
 *
 * @public
 * @example
 * ```ts
 * import type { RepeatedSchema, TextSchema } from "@cibatch/xml-model";
 *
 * type Ids = RepeatedSchema<TextSchema>;
 * ```
 */
export interface RepeatedSchema<S extends SchemaNode> extends Schema<Infer<S>[]> {
  readonly kind: "repeated";
  /** The schema of each element. */
  readonly item: S;
}

/**
 * The fields of an {@link object} schema: XML element name (PascalCase, as in the API docs) to schema.
 *
 * @public
 * @example
 * ```ts
 * import { text, type FieldMap } from "@cibatch/xml-model";
 *
 * const fields: FieldMap = { Region: text(), Bucket: text() };
 * ```
 */
export type FieldMap = { readonly [name: string]: SchemaNode };

/**
 * What an {@link optional} schema node has at run time, whatever its item: how {@link ObjectValue} tells optional
 * fields from required ones.
 *
 * @public
 * @example
 * ```ts
 * import { optional, text, type OptionalSchemaNode } from "@cibatch/xml-model";
 *
 * const node: OptionalSchemaNode = optional(text());
 * ```
 */
export interface OptionalSchemaNode extends SchemaNode {
  /** Always `"optional"`. */
  readonly kind: "optional";
}

/**
 * The decoded value of an {@link object} schema with fields `F`: required keys for required and repeated
 * fields, optional keys for {@link optional} ones, and `$unknown` for the child nodes the schema does not know.
 *
 * @public
 * @example
 * ```ts
 * import type { ObjectValue, OptionalSchema, TextSchema } from "@cibatch/xml-model";
 *
 * type Output = ObjectValue<{ Bucket: TextSchema; Object: OptionalSchema<TextSchema> }>;
 * const output: Output = { Bucket: "test-1234567890" };
 * ```
 */
export type ObjectValue<F extends FieldMap> =
  // Key filtering with `as` (not a key union computed apart) keeps each key linked to its field in `F`, so the
  // documentation written on a schema type's fields shows on the decoded value's properties too.
  { -readonly [K in keyof F as F[K] extends OptionalSchemaNode ? never : K]: Infer<F[K]> } & {
    -readonly [K in keyof F as F[K] extends OptionalSchemaNode ? K : never]?: Infer<F[K]>;
  } & {
    /** Child elements the schema does not know, in document order (absent when there are none). */
    $unknown?: XmlNode[];
  } extends infer T
    ? { -readonly [K in keyof T]: T[K] }
    : never;

/**
 * An element with child elements, mapped to an object whose keys are the element names.
 *
 * @public
 * @example
 * ```ts
 * import type { ObjectSchema, TextSchema } from "@cibatch/xml-model";
 *
 * type Output = ObjectSchema<{ Region: TextSchema; Bucket: TextSchema }>;
 * ```
 */
export interface ObjectSchema<F extends FieldMap> extends Schema<ObjectValue<F>>, ObjectSchemaNode {
  readonly kind: "object";
  /** The fields, in the order they are encoded. */
  readonly fields: F;
}

/**
 * The variants of a {@link union}: discriminant value to object schema.
 *
 * @public
 * @example
 * ```ts
 * import type { ObjectSchema, VariantMap } from "@cibatch/xml-model";
 *
 * type Variants = VariantMap;
 * ```
 */
export type VariantMap = { readonly [discriminant: string]: ObjectSchemaNode };

/**
 * What every {@link ObjectSchema} has at run time, whatever its fields: the constraint of {@link VariantMap}.
 *
 * @public
 * @example
 * ```ts
 * import { object, text, type ObjectSchemaNode } from "@cibatch/xml-model";
 *
 * const node: ObjectSchemaNode = object({ Region: text() });
 * ```
 */
export interface ObjectSchemaNode extends SchemaNode {
  readonly kind: "object";
  /** Field name to schema, in field order. */
  readonly byName: ReadonlyMap<string, SchemaNode>;
  /** Names of the required (neither optional nor repeated) fields. */
  readonly requiredNames: readonly string[];
  /** Names of the repeated fields (decoded as `[]` when absent). */
  readonly repeatedNames: readonly string[];
}

/**
 * A discriminated union of object schemas, selected by the text of one child element (e.g. `Type`).
 *
 * @public
 * @example
 * ```ts
 * import type { UnionSchema, VariantMap } from "@cibatch/xml-model";
 *
 * type Detail<V extends VariantMap> = UnionSchema<"Type", V>;
 * ```
 */
export interface UnionSchema<K extends string, V extends VariantMap>
  extends Schema<{ [P in keyof V]: Infer<V[P]> }[keyof V]> {
  readonly kind: "union";
  /** The name of the discriminant element. */
  readonly key: K;
  /** The variants by discriminant value. */
  readonly variants: V;
  /** The variant used when the discriminant element is absent, if any. */
  readonly absent: (keyof V & string) | undefined;
}

/**
 * An element kept losslessly as its child nodes ({@link XmlNode}), for subtrees whose shape is open.
 *
 * @public
 * @example
 * ```ts
 * import type { OpaqueSchema } from "@cibatch/xml-model";
 * ```
 */
export interface OpaqueSchema extends Schema<XmlNode[]> {
  readonly kind: "opaque";
}

const TEXT: TextSchema = { kind: "text" };
const INTEGER: IntegerSchema = { kind: "integer" };
const BOOLEAN: BooleanSchema = { kind: "boolean" };
const TIME: TimeSchema = { kind: "time" };
const OPAQUE: OpaqueSchema = { kind: "opaque" };

/**
 * A text element. Leaf text is never coerced: `<JobId>0123</JobId>` decodes to `"0123"`.
 *
 * @public
 * @example
 * ```ts
 * import { decode, text } from "@cibatch/xml-model";
 *
 * decode(text(), "<JobId>0123</JobId>", { root: "JobId" }); // "0123"
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function text(): TextSchema {
  return TEXT;
}

/**
 * A decimal integer element, decoded to a `number` (a safe integer).
 *
 * @public
 * @example
 * ```ts
 * import { decode, integer } from "@cibatch/xml-model";
 *
 * decode(integer(), "<JobLevel>2</JobLevel>", { root: "JobLevel" }); // 2
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function integer(): IntegerSchema {
  return INTEGER;
}

/**
 * A `true`/`false` element, decoded to a `boolean`.
 *
 * @public
 * @example
 * ```ts
 * import { boolean, decode } from "@cibatch/xml-model";
 *
 * decode(boolean(), "<IgnoreError>true</IgnoreError>", { root: "IgnoreError" }); // true
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function boolean(): BooleanSchema {
  return BOOLEAN;
}

/**
 * A time element in the API's format, decoded to a `Date` and encoded with a `±HHMM` offset
 * (`+0800` unless the encoder is told otherwise). Use `optional(time())` where the API may send `-` or
 * an empty element.
 *
 * @public
 * @example
 * ```ts
 * import { decode, time } from "@cibatch/xml-model";
 *
 * decode(time(), "<T>2022-06-27T15:23:10+0800</T>", { root: "T" }).toISOString(); // "2022-06-27T07:23:10.000Z"
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function time(): TimeSchema {
  return TIME;
}

/**
 * An element whose text must be exactly `value`.
 *
 * @public
 * @example
 * ```ts
 * import { literal } from "@cibatch/xml-model";
 *
 * const JobType = literal("Job");
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function literal<const L extends string>(value: L): LiteralSchema<L> {
  return { kind: "literal", value };
}

/**
 * An open enumeration: the listed values autocomplete, any other string is accepted too.
 *
 * @public
 * @example
 * ```ts
 * import { openEnum, type Infer } from "@cibatch/xml-model";
 *
 * const CallBackFormat = openEnum(["JSON", "XML"]);
 * type CallBackFormat = Infer<typeof CallBackFormat>; // "JSON" | "XML" | (string & {})
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const L extends string>(values: readonly L[]): OpenEnumSchema<L> {
  return { kind: "enum", values: [...values] };
}

/**
 * An element that may be absent. Empty elements decode as absent.
 *
 * @param item - the schema of the value when present
 * @param options - `absentAs`: write `<X/>` (`""`) or `<X>-</X>` (`"-"`) instead of omitting an absent value
 * @public
 * @example
 * ```ts
 * import { optional, text, time } from "@cibatch/xml-model";
 *
 * const Prefix = optional(text());
 * const StartTime = optional(time(), { absentAs: "-" });
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function optional<S extends SchemaNode>(item: S, options?: OptionalOptions): OptionalSchema<S> {
  if (item.kind === "optional") throw new TypeError("optional() cannot wrap optional()");
  if (item.kind === "repeated" && options?.absentAs !== undefined) {
    throw new TypeError("optional(repeated(x)) cannot have absentAs");
  }
  return { kind: "optional", item, absentAs: options?.absentAs };
}

/**
 * A repeated element: an array whatever the count (`[]`, one, many). Wrap it in {@link optional} to make
 * the key optional (absent when there is no element).
 *
 * @public
 * @example
 * ```ts
 * import { repeated, text } from "@cibatch/xml-model";
 *
 * const NonExistJobIds = repeated(text());
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function repeated<S extends SchemaNode>(item: S): RepeatedSchema<S> {
  if (item.kind === "optional" || item.kind === "repeated") {
    throw new TypeError(`repeated() cannot wrap ${item.kind}()`);
  }
  return { kind: "repeated", item };
}

/**
 * An element with child elements. Keys are the XML element names; the key order is the encoding order.
 * Unknown child elements never make decoding fail: they are kept in `$unknown`.
 *
 * @public
 * @example
 * ```ts
 * import { object, optional, text } from "@cibatch/xml-model";
 *
 * const Output = object({ Region: text(), Bucket: text(), Object: optional(text()) });
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function object<const F extends FieldMap>(fields: F): ObjectSchema<F> {
  const byName = new Map<string, SchemaNode>();
  const requiredNames: string[] = [];
  const repeatedNames: string[] = [];
  for (const name of Object.keys(fields)) {
    if (!isPlainName(name)) throw new TypeError(`object(): field "${name}" is not a usable XML element name`);
    const field = fields[name] as SchemaNode;
    byName.set(name, field);
    if (field.kind === "repeated") repeatedNames.push(name);
    else if (field.kind !== "optional") requiredNames.push(name);
  }
  return { kind: "object", fields, byName, requiredNames, repeatedNames };
}

/**
 * Options of {@link union}.
 *
 * @public
 * @example
 * ```ts
 * import type { UnionOptions } from "@cibatch/xml-model";
 *
 * const options: UnionOptions<"Workflow"> = { absent: "Workflow" };
 * ```
 */
export interface UnionOptions<D extends string> {
  /** The variant chosen when the discriminant element is absent. @defaultValue undefined (absent is an error) */
  readonly absent?: D;
}

/**
 * A discriminated union of object schemas selected by the text of the child element `key`. Each variant
 * should declare `key` itself as a {@link literal} (optional in the variant named by `absent`), so that the
 * TypeScript union narrows on it.
 *
 * @public
 * @example
 * ```ts
 * import { literal, object, optional, text, union } from "@cibatch/xml-model";
 *
 * const Operation = union(
 *   "Type",
 *   {
 *     Workflow: object({ Type: optional(literal("Workflow")), WorkflowIds: text() }),
 *     Job: object({ Type: literal("Job"), Tag: text() }),
 *   },
 *   { absent: "Workflow" },
 * );
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function union<const K extends string, const V extends VariantMap>(
  key: K,
  variants: V,
  options?: UnionOptions<keyof V & string>,
): UnionSchema<K, V> {
  for (const [value, variant] of Object.entries(variants)) {
    const field = variant.byName.get(key);
    const literalOf = field?.kind === "optional" ? (field as OptionalSchema<SchemaNode>).item : field;
    if (literalOf?.kind !== "literal" || (literalOf as LiteralSchema<string>).value !== value) {
      throw new TypeError(`union(): variant "${value}" must declare ${key}: literal("${value}")`);
    }
  }
  if (options?.absent !== undefined && !Object.hasOwn(variants, options.absent)) {
    throw new TypeError(`union(): absent variant "${options.absent}" is not one of the variants`);
  }
  return { kind: "union", key, variants, absent: options?.absent };
}

/**
 * An element kept losslessly as its child nodes (elements and texts in order), for open subtrees such as
 * media-job parameters.
 *
 * @public
 * @example
 * ```ts
 * import { decode, object, opaque } from "@cibatch/xml-model";
 *
 * const Doc = object({ Extra: opaque() });
 * decode(Doc, "<D><Extra><A>1</A>x</Extra></D>", { root: "D" }).Extra; // [{ name: "A", children: ["1"] }, "x"]
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function opaque(): OpaqueSchema {
  return OPAQUE;
}

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function isPlainName(name: string): boolean {
  return NAME_PATTERN.test(name) && name !== "constructor" && name !== "prototype";
}
