import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import {
  DESCRIBE_SAMPLE,
  ERROR_SAMPLE,
  GO_JOB_REQUEST_BODY,
  LIST_SAMPLE,
  WORKFLOW_REQUEST_SAMPLE,
} from "./docs-samples.fixture.js";
import { XmlModelError } from "./errors.js";
import { decodeCreateJobRequest } from "./models/create-job-request.js";
import { decodeErrorBody } from "./models/error-body.js";
import { decodeDescribeJobsResponse, decodeListJobsResponse } from "./models/responses.js";

type Decoder = (xml: string) => unknown;

const corpus: [string, Decoder][] = [
  [DESCRIBE_SAMPLE, decodeDescribeJobsResponse],
  [LIST_SAMPLE, decodeListJobsResponse],
  [GO_JOB_REQUEST_BODY, decodeCreateJobRequest],
  [WORKFLOW_REQUEST_SAMPLE, decodeCreateJobRequest],
  [ERROR_SAMPLE, decodeErrorBody],
];

// Characters that matter to XML, plus a few letters and whitespace.
const SIGNIFICANT = [
  "<",
  ">",
  "/",
  "&",
  ";",
  "#",
  '"',
  "'",
  "!",
  "?",
  "[",
  "]",
  "-",
  "=",
  "A",
  "x",
  " ",
  "\n",
  "amp",
  "<!--",
  "]]>",
  "<![CDATA[",
];

type Mutation =
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "duplicate"; at: number; length: number }
  | { kind: "truncate"; at: number }
  | { kind: "swap"; at: number; other: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: position,
    text: fc.array(fc.constantFrom(...SIGNIFICANT), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("")),
  }),
  fc.record({ kind: fc.constant("duplicate" as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({
    kind: fc.constant("swap" as const),
    at: position,
    other: position,
    length: fc.integer({ min: 1, max: 20 }),
  }),
);

function apply(doc: string, m: Mutation): string {
  const at = Math.floor(m.at * doc.length);
  switch (m.kind) {
    case "delete":
      return doc.slice(0, at) + doc.slice(at + m.length);
    case "insert":
      return doc.slice(0, at) + m.text + doc.slice(at);
    case "duplicate":
      return doc.slice(0, at + m.length) + doc.slice(at, at + m.length) + doc.slice(at + m.length);
    case "truncate":
      return doc.slice(0, at);
    case "swap": {
      const a = doc.slice(at, at + m.length);
      const to = Math.floor(m.other * doc.length);
      const without = doc.slice(0, at) + doc.slice(at + m.length);
      return without.slice(0, to) + a + without.slice(to);
    }
  }
}

describe("fuzzing the decoders with mutated samples", () => {
  it("throws only XmlModelError on 12,000 mutated documents, and rejects every one XMLValidator finds unbalanced", () => {
    let runs = 0;
    let rejected = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (index, mutations) => {
          const [original, decodeDoc] = corpus[index] as [string, Decoder];
          const doc = mutations.reduce(apply, original);
          runs++;
          let threw: unknown;
          try {
            decodeDoc(doc);
          } catch (error) {
            threw = error;
          }
          if (threw !== undefined) {
            rejected++;
            if (!(threw instanceof XmlModelError)) throw threw;
            return;
          }
          // Accepted: the document's tags must be balanced (the validator's tag and structure errors).
          const verdict = XMLValidator.validate(doc);
          if (verdict !== true && (verdict.err.code === "InvalidTag" || verdict.err.code === "InvalidXml")) {
            throw new Error(`accepted a document XMLValidator rejects (${verdict.err.msg}): ${JSON.stringify(doc)}`);
          }
        },
      ),
      { numRuns: 12_000, seed: 20_260_704 },
    );
    expect(runs).toBe(12_000);
    // The mutations are not all benign: most documents are rejected.
    expect(rejected).toBeGreaterThan(6_000);
  });
});
