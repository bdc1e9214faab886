import { describe, expect, it } from "vitest";
import type { DecodeWarning } from "./decode.js";
import { CreateJobRequestSchema, decodeCreateJobRequest, encodeCreateJobRequest } from "./models/create-job-request.js";
import { decodeListJobsResponse, encodeListJobsResponse, ListJobsResponseSchema } from "./models/responses.js";
import { sampleLeaves, sampleTree, sampleXml } from "./samples.fixture.js";
import { DOCS_PATHS, GO_PATHS, JAVA_PATHS, PHP_PATHS, PYTHON_PATHS } from "./source-paths.fixture.js";
import { UNKNOWN_KEY } from "./xml-node.js";

const SOURCES = { docs: DOCS_PATHS, go: GO_PATHS, java: JAVA_PATHS, php: PHP_PATHS, python: PYTHON_PATHS };

/** A detail's Input and Operation are the request's: a request path also names the element in a response. */
const asResponse = (paths: readonly string[]): string[] =>
  paths.map((path) => path.replace(/^Request\/(Input|Operation)\b/, "Response/JobsDetail/$1"));

function unknownPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => unknownPaths(item, `${path}[${index}]`));
  if (typeof value !== "object" || value === null || value instanceof Date) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === UNKNOWN_KEY ? [path] : unknownPaths(item, `${path}.${key}`),
  );
}

describe("a full-depth sample of each official source decodes fully typed, without a warning", () => {
  for (const [source, paths] of Object.entries(SOURCES)) {
    it(`${source}: the independent-node request and a list response holding its job`, () => {
      const warnings: DecodeWarning[] = [];
      const onWarning = (warning: DecodeWarning): void => {
        warnings.push(warning);
      };
      const requestXml = sampleXml(sampleTree("Request", CreateJobRequestSchema.variants.Job, paths));
      const request = decodeCreateJobRequest(requestXml, { onWarning });
      expect(unknownPaths(request)).toEqual([]);
      expect(decodeCreateJobRequest(encodeCreateJobRequest(request))).toEqual(request);

      const responseXml = sampleXml(sampleTree("Response", ListJobsResponseSchema, [...paths, ...asResponse(paths)]));
      const page = decodeListJobsResponse(responseXml, { onWarning });
      expect(page.JobsDetail).toHaveLength(1);
      expect(unknownPaths(page)).toEqual([]);
      expect(decodeListJobsResponse(encodeListJobsResponse(page))).toEqual(page);
      expect(warnings).toEqual([]);
      // Deep: the sample reaches as far as the source does.
      const depth = Math.max(...paths.map((path) => path.split("/").length));
      expect(requestXml.split("<").length).toBeGreaterThan(depth);
    });
  }

  it("docs: the workflow request", () => {
    const xml = sampleXml(sampleTree("Request", CreateJobRequestSchema.variants.Workflow, DOCS_PATHS));
    const request = decodeCreateJobRequest(xml, { strict: true });
    expect(request.Operation).toMatchObject({
      WorkflowIds: "WorkflowIds-value",
      TimeInterval: { Start: expect.any(Date) },
    });
  });
});

describe("one bad value in any typed field still returns the job, with a warning naming it", () => {
  // Every element any source names, at full depth, in one job.
  const all = Object.values(SOURCES).flat();
  const tree = sampleTree("Response", ListJobsResponseSchema, [...all, ...asResponse(all)]);
  // The job's Type selects its variant: a discriminant naming none is structural, and refused (tested elsewhere).
  const leaves = sampleLeaves(tree).filter((leaf) => leaf.path !== "Response.JobsDetail[0].Type");

  it("covers hundreds of leaves", () => {
    expect(leaves.length).toBeGreaterThan(500);
  });

  it("for each leaf: a text, integer, boolean or time that does not fit is kept as received", () => {
    for (const leaf of leaves) {
      // Text accepts any text, so its bad value is a child element; the others get text that is not their kind.
      const bad = leaf.schema.kind === "text" || leaf.schema.kind === "enum" ? "<Bad>x</Bad>" : "not-a-value";
      const xml = sampleXml(tree, (node) => (node === leaf ? bad : undefined));
      const warnings: DecodeWarning[] = [];
      const page = decodeListJobsResponse(xml, { onWarning: (warning) => warnings.push(warning) });
      if (leaf.path !== "Response.RequestId") expect(page.JobsDetail, leaf.path).toHaveLength(1);
      expect(
        warnings.map((w) => w.path),
        leaf.path,
      ).toEqual([leaf.path]);
      expect(encodeListJobsResponse(page), leaf.path).toContain(`<${leaf.name}>${bad}</${leaf.name}>`);
    }
    // Several hundred decodes of a large job: generous on a shared machine (a bound, not a benchmark).
  }, 60_000);
});
