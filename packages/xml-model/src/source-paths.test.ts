import { describe, expect, it } from "vitest";
import { CreateJobRequestSchema } from "./models/create-job-request.js";
import { CreateJobResponseSchema, DescribeJobsResponseSchema, ListJobsResponseSchema } from "./models/responses.js";
import type {
  FieldMap,
  ObjectSchema,
  OptionalSchema,
  RepeatedSchema,
  SchemaNode,
  UnionSchema,
  VariantMap,
} from "./schema.js";
import { DOCS_PATHS, GO_PATHS, JAVA_PATHS, PHP_PATHS, PYTHON_PATHS } from "./source-paths.fixture.js";

/** Every element path a schema types, `Root/Child/...`, through optional, repeated and union nodes. */
export function typedPaths(schema: SchemaNode, path: string, out: Set<string> = new Set()): Set<string> {
  out.add(path);
  switch (schema.kind) {
    case "optional":
      typedPaths((schema as OptionalSchema<SchemaNode>).item, path, out).delete("");
      return out;
    case "repeated":
      return typedPaths((schema as RepeatedSchema<SchemaNode>).item, path, out);
    case "union":
      for (const variant of Object.values((schema as UnionSchema<string, VariantMap>).variants)) {
        typedPaths(variant, path, out);
      }
      return out;
    case "object":
      for (const [name, field] of (schema as ObjectSchema<FieldMap>).byName) typedPaths(field, `${path}/${name}`, out);
      return out;
    default:
      return out;
  }
}

/** Named paths read through another name: the Go SDK's `NonExistJobId` joins `NonExistJobIds`. */
const ALIASES = new Set(["Response/NonExistJobId"]);

const TYPED = new Set([
  ...typedPaths(CreateJobRequestSchema, "Request"),
  ...typedPaths(CreateJobResponseSchema, "Response"),
  ...typedPaths(DescribeJobsResponseSchema, "Response"),
  ...typedPaths(ListJobsResponseSchema, "Response"),
  ...ALIASES,
]);

const SOURCES = { docs: DOCS_PATHS, go: GO_PATHS, java: JAVA_PATHS, php: PHP_PATHS, python: PYTHON_PATHS };

describe("the models type every element the official sources name", () => {
  for (const [source, paths] of Object.entries(SOURCES)) {
    it(`${source}: ${paths.length} named paths, all typed`, () => {
      expect(paths.length).toBeGreaterThan(10);
      expect(paths.filter((path) => !TYPED.has(path))).toEqual([]);
    });
  }

  it("counts typed paths against named ones (the README's figures), and invents none", () => {
    // A detail's Input and Operation are the request's (the pages say so): count each such element once.
    const element = (path: string): string => path.replace(/^Response\/JobsDetail\/(Input|Operation)\b/, "Request/$1");
    const named = new Set(Object.values(SOURCES).flat().map(element));
    const typed = new Set([...TYPED].filter((path) => !ALIASES.has(path)).map(element));
    expect([...named].filter((path) => !typed.has(path) && !ALIASES.has(path))).toEqual([]);
    // Every typed path is one a source names, but the roots' own names.
    expect([...typed].filter((path) => !named.has(path))).toEqual([]);
    if (process.env.CIBATCH_PRINT_PATH_COUNTS === "1") {
      console.info(`element paths typed: ${typed.size}; named by the official sources: ${named.size}`);
    }
  });
});
