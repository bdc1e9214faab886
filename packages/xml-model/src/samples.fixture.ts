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

/**
 * Full-depth samples written from a source's element paths (see source-paths.fixture.ts): one element per named
 * path, nested as the source nests them, with a value of the model's kind at every leaf, plus whatever the model
 * requires that the source does not name (the Go SDK's detail has no `Name`, for one), so a sample is a complete
 * document the service could send.
 */
export interface SampleElement {
  readonly name: string;
  /** Dotted path as the decoder reports it: `Response.JobsDetail[0].Operation.Tag`. */
  readonly path: string;
  /** The schema of the element (after optional/repeated). */
  readonly schema: SchemaNode;
  readonly children: SampleElement[];
}

const TIME = "2022-06-27T15:23:10+0800";

function unwrap(schema: SchemaNode): SchemaNode {
  let node = schema;
  for (;;) {
    if (node.kind === "optional") node = (node as OptionalSchema<SchemaNode>).item;
    else if (node.kind === "repeated") node = (node as RepeatedSchema<SchemaNode>).item;
    else if (node.kind === "union") {
      const variants = (node as UnionSchema<string, VariantMap>).variants;
      node = variants.Job ?? (Object.values(variants)[0] as SchemaNode);
    } else return node;
  }
}

function isRepeated(schema: SchemaNode): boolean {
  return (
    schema.kind === "repeated" ||
    (schema.kind === "optional" && (schema as OptionalSchema<SchemaNode>).item.kind === "repeated")
  );
}

/**
 * Builds the sample of `root` (typed by `schema`) from the paths under it (`Request/Operation/Tag`...). Paths the
 * schema does not know are left out (a separate test proves there are none).
 */
export function sampleTree(root: string, schema: SchemaNode, paths: readonly string[]): SampleElement {
  const top: SampleElement = { name: root, path: root, schema: unwrap(schema), children: [] };
  for (const path of paths) {
    const segments = path.split("/");
    if (segments[0] !== root) continue;
    let node = top;
    for (const name of segments.slice(1)) {
      if (node.schema.kind !== "object") break;
      const field = (node.schema as ObjectSchema<FieldMap>).byName.get(name);
      if (field === undefined) break;
      let child = node.children.find((c) => c.name === name);
      if (child === undefined) {
        child = {
          name,
          path: `${node.path}.${name}${isRepeated(field) ? "[0]" : ""}`,
          schema: unwrap(field),
          children: [],
        };
        node.children.push(child);
      }
      node = child;
    }
  }
  fillRequired(top);
  return top;
}

function fillRequired(node: SampleElement): void {
  if (node.schema.kind !== "object") return;
  const object = node.schema as ObjectSchema<FieldMap>;
  for (const name of object.requiredNames) {
    if (!node.children.some((c) => c.name === name)) {
      const field = object.byName.get(name) as SchemaNode;
      node.children.push({ name, path: `${node.path}.${name}`, schema: unwrap(field), children: [] });
    }
  }
  for (const child of node.children) fillRequired(child);
}

/** A valid text for a leaf of `schema`. */
export function leafText(name: string, schema: SchemaNode): string {
  switch (schema.kind) {
    case "integer":
      return "1";
    case "boolean":
      return "true";
    case "time":
      return TIME;
    case "literal":
      return (schema as LiteralSchema<string>).value;
    case "enum":
      return (schema as OpenEnumSchema<string>).values[0] ?? name;
    default:
      return `${name}-value`;
  }
}

/**
 * Writes a sample as XML; `replace` may give the inner XML of any element instead (to plant a bad value).
 */
export function sampleXml(node: SampleElement, replace?: (node: SampleElement) => string | undefined): string {
  const own = replace?.(node);
  let inner: string;
  if (own !== undefined) inner = own;
  else if (node.schema.kind === "object") inner = node.children.map((child) => sampleXml(child, replace)).join("");
  else inner = escapeText(leafText(node.name, node.schema));
  return `<${node.name}>${inner}</${node.name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Every leaf of a sample, depth first. */
export function sampleLeaves(node: SampleElement): SampleElement[] {
  if (node.schema.kind !== "object") return [node];
  return node.children.flatMap(sampleLeaves);
}
