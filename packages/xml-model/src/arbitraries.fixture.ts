import fc from "fast-check";
import { CreateJobRequestSchema } from "./models/create-job-request.js";
import { JobsDetailSchema } from "./models/jobs-detail.js";
import type {
  FieldMap,
  LiteralSchema,
  ObjectSchema,
  OpenEnumSchema,
  OptionalSchema,
  RepeatedSchema,
  SchemaNode,
  UnionSchema,
  VariantMap,
} from "./schema.js";
import type { XmlElement, XmlNode } from "./xml-node.js";

/**
 * Arbitrary values of the models, within the domain where `decode(encode(v))` must equal `v`:
 * texts are trimmed and free of `\r` (XML parsing normalises line ends and trims), optional texts are
 * non-empty (an empty optional element means "absent"), times have whole seconds, opaque and unknown
 * nodes have no adjacent or empty texts, and unknown element names never collide with a field.
 */

const CHARS = [
  "a",
  "Z",
  "0",
  "9",
  " ",
  "-",
  "_",
  ".",
  "/",
  "$",
  "{",
  "}",
  "<",
  ">",
  "&",
  '"',
  "'",
  ";",
  "#",
  "é",
  "数",
  "据",
  "😀",
  "\n",
  "\t",
  "]]>",
  "&amp;",
];

/** A text that survives trimming (possibly empty). */
export const anyText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...CHARS), { maxLength: 12 })
  .map((parts) => parts.join("").trim());

/** A non-empty trimmed text. */
export const someText: fc.Arbitrary<string> = anyText.filter((s) => s !== "");

/** A time with whole seconds between 1970 and 2100. */
export const wholeSecondDate: fc.Arbitrary<Date> = fc
  .integer({ min: 0, max: 4_102_444_800 })
  .map((seconds) => new Date(seconds * 1000));

/** A value of an open enum: a known value or any other non-empty text. */
export function openEnumValue(values: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...values), someText);
}

const UNKNOWN_NAMES = ["Extra", "Unlisted", "ns:Extra", "x.y-z", "Ü", "toString", "hasOwnProperty"];

/** Nodes without adjacent or empty texts. */
function withoutAdjacentTexts(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if (typeof node === "string" && (node === "" || typeof out[out.length - 1] === "string")) continue;
    out.push(node);
  }
  return out;
}

const { tree } = fc.letrec<{ tree: XmlElement; node: XmlNode }>((tie) => ({
  tree: fc.record({
    name: fc.constantFrom(...UNKNOWN_NAMES, "Watermark", "Segment", "Duration"),
    children: fc.array(tie("node"), { maxLength: 3 }).map(withoutAdjacentTexts),
  }),
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, someText, tie("tree")),
}));

/** Child nodes of an opaque element. */
export const opaqueNodes: fc.Arbitrary<XmlNode[]> = fc
  .array(fc.oneof(someText, tree), { maxLength: 3 })
  .map(withoutAdjacentTexts);

/** Unknown elements (and texts) of an object: names outside every schema. */
export const unknownNodes: fc.Arbitrary<XmlNode[]> = fc
  .array(fc.oneof(someText, fc.record({ name: fc.constantFrom(...UNKNOWN_NAMES), children: opaqueNodes })), {
    minLength: 1,
    maxLength: 2,
  })
  .map(withoutAdjacentTexts);

/** Adds an optional `$unknown` to an object arbitrary, with names none of `fields` uses. */
export function withUnknown<T extends object>(
  arb: fc.Arbitrary<T>,
  fields?: ReadonlyMap<string, unknown>,
): fc.Arbitrary<T> {
  const names = UNKNOWN_NAMES.filter((name) => fields === undefined || !fields.has(name));
  const nodes = fc
    .array(fc.oneof(someText, fc.record({ name: fc.constantFrom(...names), children: opaqueNodes })), {
      minLength: 1,
      maxLength: 2,
    })
    .map(withoutAdjacentTexts);
  return fc
    .tuple(arb, fc.option(nodes, { nil: undefined }))
    .map(([value, unknown]) => (unknown === undefined ? value : { ...value, $unknown: unknown }));
}

/**
 * Random values of any schema, at full depth: every field of every object may appear (required ones always do),
 * leaves within the round-trip domain (see above), and each object may carry `$unknown` nodes whose names
 * collide with none of its fields.
 */
export function arbitraryOf(schema: SchemaNode, inOptional = false): fc.Arbitrary<unknown> {
  switch (schema.kind) {
    case "text":
      return inOptional ? someText : anyText;
    case "enum":
      return openEnumValue((schema as OpenEnumSchema<string>).values);
    case "integer":
      return fc.integer({ min: -5, max: 1_000_000 });
    case "boolean":
      return fc.boolean();
    case "time":
      return wholeSecondDate;
    case "literal":
      return fc.constant((schema as LiteralSchema<string>).value);
    case "opaque":
      return opaqueNodes;
    case "optional":
      return arbitraryOf((schema as OptionalSchema<SchemaNode>).item, true);
    case "repeated":
      return fc.array(arbitraryOf((schema as RepeatedSchema<SchemaNode>).item), {
        minLength: inOptional ? 1 : 0,
        maxLength: 2,
      });
    case "union": {
      const union = schema as UnionSchema<string, VariantMap>;
      return fc.oneof(...Object.values(union.variants).map((variant) => arbitraryOf(variant)));
    }
    case "object": {
      const object = schema as ObjectSchema<FieldMap>;
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, field] of object.byName) fields[name] = arbitraryOf(field);
      const requiredKeys = [...object.requiredNames, ...object.repeatedNames];
      return withUnknown(fc.record(fields, { requiredKeys }), object.byName);
    }
    default:
      throw new TypeError(`no arbitrary for ${schema.kind}`);
  }
}

/** A create request of either variant, at full depth (every `JobParam` element the models type). */
export const createJobRequest: fc.Arbitrary<unknown> = arbitraryOf(CreateJobRequestSchema);

/** A job detail of either variant, at full depth. */
export const jobsDetail: fc.Arbitrary<unknown> = arbitraryOf(JobsDetailSchema);
