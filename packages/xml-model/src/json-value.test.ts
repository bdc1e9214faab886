import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseApiTime } from "./api-time.js";
import { createJobRequest } from "./arbitraries.fixture.js";
import {
  addXmlNodesToJson,
  fromJsonValue,
  type JsonProblem,
  plainJson,
  toJsonValue,
  xmlNodesToJson,
} from "./json-value.js";
import {
  type CreateJobRequest,
  CreateJobRequestSchema,
  decodeCreateJobRequest,
  encodeCreateJobRequest,
} from "./models/create-job-request.js";
import { JobsDetailSchema } from "./models/jobs-detail.js";
import { boolean, integer, object, opaque, optional, repeated, text, time } from "./schema.js";

const Doc = object({
  Id: text(),
  N: optional(integer()),
  At: optional(time()),
  Tags: optional(repeated(text())),
  Raw: optional(opaque()),
});

function withoutUnknown(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUnknown);
  if (typeof value !== "object" || value === null || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "$unknown")
      .map(([key, item]) => [key, withoutUnknown(item)]),
  );
}

describe("toJsonValue", () => {
  it("prints fields in schema order, times as received, unknown and opaque nodes as nested JSON", () => {
    const value = {
      Tags: ["a"],
      Id: "1",
      At: parseApiTime("2022-02-25T12:00:00z"),
      Raw: [{ name: "A", children: ["1"] }, { name: "A", children: [] }, "tail"],
      $unknown: [
        { name: "Tags", children: ["b"] },
        { name: "New", children: [{ name: "X", children: ["1"] }, "t"] },
        { name: "Id", children: ["2"] },
        "stray",
        "more",
      ],
    };
    expect(toJsonValue(Doc, value)).toEqual({
      Id: ["1", "2"],
      At: "2022-02-25T12:00:00z",
      Tags: ["a", "b"],
      Raw: { A: ["1", ""], "#text": "tail" },
      New: { X: "1", "#text": "t" },
      "#text": "straymore",
    });
    expect(Object.keys(toJsonValue(Doc, value) as object)).toEqual(["Id", "At", "Tags", "Raw", "New", "#text"]);
  });

  it("writes a Date it did not decode with +0800, and picks a union's variant by its key", () => {
    expect(toJsonValue(time(), new Date(Date.UTC(2022, 5, 27, 7, 23, 10)))).toBe("2022-06-27T15:23:10+0800");
    expect(toJsonValue(time(), new Date(Number.NaN))).toBeNull();
    const job = { Type: "Job", Name: "n", Operation: { Tag: "Transcode", JobLevel: 0 }, Extra: "kept as is" };
    expect(toJsonValue(JobsDetailSchema, job)).toEqual({
      Type: "Job",
      Name: "n",
      Operation: { Tag: "Transcode", JobLevel: 0 },
    });
    expect(toJsonValue(JobsDetailSchema, { Type: "Batch", A: 1 })).toEqual({ Type: "Batch", A: 1 });
    expect(toJsonValue(Doc, "not an object")).toBe("not an object");
    expect(toJsonValue(repeated(text()), "one")).toEqual(["one"]);
    expect(toJsonValue(opaque(), "x")).toBe("x");
  });

  it("plainJson needs no schema: $unknown merged, $metadata and undefined dropped, odd values made JSON", () => {
    expect(
      plainJson({ a: undefined, b: [1n, Number.NaN], $metadata: { x: 1 }, $unknown: [{ name: "C", children: [] }] }),
    ).toEqual({ b: ["1", null], C: "" });
    expect(plainJson(undefined)).toBeNull();
    expect(xmlNodesToJson([])).toBe("");
    const out = { A: "1" } as Record<string, import("./json-value.js").JsonValue>;
    addXmlNodesToJson(out, [
      { name: "A", children: ["2"] },
      { name: "A", children: ["3"] },
    ]);
    expect(out).toEqual({ A: ["1", "2", "3"] });
  });
});

describe("fromJsonValue", () => {
  it("reads typed fields into their kinds and everything else into $unknown", () => {
    const problems: JsonProblem[] = [];
    const value = fromJsonValue(
      Doc,
      {
        Id: 7,
        N: "12",
        At: "2022-06-27T15:23:10+0800",
        Tags: "single",
        Raw: { A: ["1", "2"], "#text": "t" },
        New: { X: [1, true], Y: null, "#text": "" },
        Flag: false,
        Gone: null,
        "#text": "stray",
      },
      { onProblem: (problem) => problems.push(problem) },
    ) as Record<string, unknown>;
    expect(value).toEqual({
      Id: "7",
      N: 12,
      At: parseApiTime("2022-06-27T15:23:10+0800"),
      Tags: ["single"],
      Raw: [{ name: "A", children: ["1"] }, { name: "A", children: ["2"] }, "t"],
      $unknown: [
        {
          name: "New",
          children: [
            { name: "X", children: ["1"] },
            { name: "X", children: ["true"] },
          ],
        },
        { name: "Flag", children: ["false"] },
        "stray",
      ],
    });
    expect(problems).toEqual([]);
  });

  it("sends the rest of an array given for a single field back as repeated elements, and passes $unknown through", () => {
    expect(fromJsonValue(Doc, { Id: ["1", "2"], $unknown: [{ name: "Z", children: [] }] })).toEqual({
      Id: "1",
      $unknown: [
        { name: "Id", children: ["2"] },
        { name: "Z", children: [] },
      ],
    });
    expect(fromJsonValue(Doc, { Raw: [{ name: "A", children: ["1"] }, "t", 5] })).toEqual({
      Raw: [{ name: "A", children: ["1"] }, "t"],
    });
  });

  it("leaves what does not fit as it was, reporting each with its path", () => {
    const problems: JsonProblem[] = [];
    const onProblem = (problem: JsonProblem): void => {
      problems.push(problem);
    };
    const value = fromJsonValue(
      object({ A: optional(integer()), B: optional(time()), C: optional(text()), D: optional(Doc) }),
      { A: "many", B: "yesterday", C: { x: 1 }, D: [] },
      { onProblem, path: "Operation" },
    );
    // A time no API format matches stays a string for the caller (the CLI reads relative times such as "7d");
    // an empty list for a single element means none.
    expect(value).toEqual({ A: "many", B: "yesterday", C: { x: 1 } });
    expect(problems.map((p) => p.path)).toEqual(["Operation.A", "Operation.C"]);
    expect(fromJsonValue(JobsDetailSchema, { Type: "Batch" }, { onProblem })).toEqual({ Type: "Batch" });
    expect(fromJsonValue(time(), 5, { onProblem })).toBe(5);
    expect(fromJsonValue(optional(object({ B: optional(integer()) })), { B: true }, { onProblem })).toEqual({
      B: true,
    });
    expect(problems).toHaveLength(5);
    expect(problems[2]?.message).toContain("names a variant");
  });

  it("accepts true/false in either spelling for a boolean", () => {
    const Flag = object({ F: optional(boolean()) });
    expect(fromJsonValue(Flag, { F: "true" })).toEqual({ F: true });
    expect(fromJsonValue(Flag, { F: false })).toEqual({ F: false });
  });
});

describe("decode → JSON → text → JSON → encode", () => {
  it("keeps every typed field of a full-depth request, and its XML is a fixed point after one pass", () => {
    fc.assert(
      fc.property(createJobRequest as fc.Arbitrary<CreateJobRequest>, (value) => {
        const once = fromJsonValue(
          CreateJobRequestSchema,
          JSON.parse(JSON.stringify(toJsonValue(CreateJobRequestSchema, value))),
        ) as CreateJobRequest;
        expect(withoutUnknown(once)).toEqual(withoutUnknown(value));
        const xml = encodeCreateJobRequest(once);
        const twice = fromJsonValue(
          CreateJobRequestSchema,
          JSON.parse(JSON.stringify(toJsonValue(CreateJobRequestSchema, decodeCreateJobRequest(xml)))),
        ) as CreateJobRequest;
        expect(encodeCreateJobRequest(twice)).toBe(xml);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
