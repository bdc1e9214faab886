import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyText,
  createJobRequest,
  jobsDetail,
  opaqueNodes,
  someText,
  unknownNodes,
  wholeSecondDate,
} from "./arbitraries.fixture.js";
import { decode } from "./decode.js";
import { encode } from "./encode.js";
import { JOB_STATES } from "./models/common.js";
import { type CreateJobRequest, decodeCreateJobRequest, encodeCreateJobRequest } from "./models/create-job-request.js";
import { decodeErrorBody, type ErrorBody, encodeErrorBody } from "./models/error-body.js";
import type { JobsDetail } from "./models/jobs-detail.js";
import { type ListJobsQuery, listQueryFromParams, listQueryToParams, listQueryToSearch } from "./models/list-query.js";
import {
  decodeCreateJobResponse,
  decodeDescribeJobsResponse,
  decodeListJobsResponse,
  encodeCreateJobResponse,
  encodeDescribeJobsResponse,
  encodeListJobsResponse,
} from "./models/responses.js";
import { boolean, integer, object, opaque, optional, repeated, text, time } from "./schema.js";

const RUNS = { numRuns: 300, seed: 7 };
/** Full-depth requests and details are large (every JobParam element may appear): fewer runs. */
const DEEP_RUNS = { numRuns: 120, seed: 7 };
const request = createJobRequest as fc.Arbitrary<CreateJobRequest>;
const detail = jobsDetail as fc.Arbitrary<JobsDetail>;

describe("decode(encode(v)) deep-equals v", () => {
  it("create requests (both variants), with and without an XML declaration and other offsets", () => {
    fc.assert(
      fc.property(request, fc.boolean(), fc.integer({ min: -720, max: 840 }), (value, declaration, offset) => {
        const xml = encodeCreateJobRequest(value, { declaration, utcOffsetMinutes: offset });
        expect(decodeCreateJobRequest(xml)).toEqual(value);
      }),
      DEEP_RUNS,
    );
  });

  it("create responses", () => {
    fc.assert(
      fc.property(fc.record({ RequestId: someText, JobsDetail: detail }, { requiredKeys: ["JobsDetail"] }), (value) => {
        expect(decodeCreateJobResponse(encodeCreateJobResponse(value))).toEqual(value);
      }),
      DEEP_RUNS,
    );
  });

  it("describe responses", () => {
    fc.assert(
      fc.property(
        fc.record({
          RequestId: anyText,
          JobsDetail: fc.array(detail, { maxLength: 3 }),
          // An empty <NonExistJobIds/> names no id (the describe page's sample sends one when all jobs exist).
          NonExistJobIds: fc.array(someText, { maxLength: 3 }),
        }),
        (value) => {
          expect(decodeDescribeJobsResponse(encodeDescribeJobsResponse(value))).toEqual(value);
        },
      ),
      DEEP_RUNS,
    );
  });

  it("list responses", () => {
    fc.assert(
      fc.property(
        fc.record(
          { RequestId: anyText, JobsDetail: fc.array(detail, { maxLength: 3 }), NextToken: someText },
          { requiredKeys: ["RequestId", "JobsDetail"] },
        ),
        (value) => {
          expect(decodeListJobsResponse(encodeListJobsResponse(value))).toEqual(value);
        },
      ),
      DEEP_RUNS,
    );
  });

  it("error bodies", () => {
    fc.assert(
      fc.property(
        fc.record(
          { Code: anyText, Message: someText, Resource: someText, RequestId: someText, TraceId: someText },
          { requiredKeys: ["Code"] },
        ),
        (value: ErrorBody) => {
          expect(decodeErrorBody(encodeErrorBody(value))).toEqual(value);
        },
      ),
      RUNS,
    );
  });

  it("list queries, through pairs and through a percent-encoded query string", () => {
    const query: fc.Arbitrary<ListJobsQuery> = fc.record(
      {
        nextToken: someText,
        size: fc.integer({ min: 1, max: 100 }),
        type: fc.constantFrom("Workflow" as const, "Job" as const),
        orderByTime: fc.constantFrom("Desc" as const, "Asc" as const),
        states: fc.oneof(fc.constant("All" as const), fc.subarray([...JOB_STATES], { minLength: 1 })),
        startCreationTime: wholeSecondDate,
        endCreationTime: wholeSecondDate,
        workflowId: someText,
        jobId: someText,
        name: someText,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(query, fc.integer({ min: -720, max: 840 }), (value, offset) => {
        expect(listQueryFromParams(listQueryToParams(value, { utcOffsetMinutes: offset }))).toEqual(value);
        const search = listQueryToSearch(value, { utcOffsetMinutes: offset });
        expect(search).not.toContain("+");
        expect(listQueryFromParams(new URLSearchParams(search))).toEqual(value);
      }),
      RUNS,
    );
  });

  it("a schema using every DSL kind", () => {
    const Doc = object({
      T: text(),
      I: integer(),
      B: boolean(),
      At: time(),
      Maybe: optional(text()),
      Many: repeated(object({ V: text() })),
      Raw: opaque(),
    });
    fc.assert(
      fc.property(
        fc.record({
          T: anyText,
          I: fc.maxSafeInteger(),
          B: fc.boolean(),
          At: wholeSecondDate,
          Maybe: fc.option(someText, { nil: undefined }),
          Many: fc.array(fc.record({ V: anyText }), { maxLength: 3 }),
          Raw: opaqueNodes,
          $unknown: fc.option(unknownNodes, { nil: undefined }),
        }),
        (raw) => {
          const value = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as typeof raw;
          const back = decode(Doc, encode(Doc, value as never, { root: "Doc" }), { root: "Doc" });
          expect(back).toEqual(value);
        },
      ),
      RUNS,
    );
  });
});
