import {
  type CreateJobRequest,
  type CreateJobResponse,
  decodeCreateJobRequest,
  encodeCreateJobResponse,
  encodeDescribeJobsResponse,
  encodeErrorBody,
  encodeListJobsResponse,
  isXmlModelError,
  JOB_TAGS,
  type JobsDetail,
  parseApiTime,
  validateCreateJobRequest,
} from "@cibatch/xml-model";
import type { Codec, CreateSpec } from "./codec-types.js";
import type { FakeJobView, JobOperationValue } from "./job-types.js";
import { parseTzOffset } from "./time-format.js";

/** Decode errors that mean "not a well-formed XML document" rather than "a wrong value in a good document". */
const CONTENT_ERRORS: ReadonlySet<string> = new Set([
  "EmptyDocument",
  "Truncated",
  "UndeclaredEntity",
  "InvalidEncoding",
  "TooLarge",
  "TooDeep",
  "UnsafeXml",
  "MalformedXml",
  "WrongRoot",
]);

function toDetail(job: FakeJobView): JobsDetail {
  const detail: Record<string, unknown> = {
    Code: job.code,
    Type: job.type,
    Name: job.name,
    JobId: job.jobId,
    State: job.state,
    CreationTime: new Date(job.creationTime),
    Input: job.input,
    Operation: job.operation,
  };
  if (job.type === undefined) delete detail.Type;
  if (job.message !== "") detail.Message = job.message;
  if (job.startTime !== undefined) detail.StartTime = new Date(job.startTime);
  if (job.endTime !== undefined) detail.EndTime = new Date(job.endTime);
  return detail as unknown as JobsDetail;
}

function asDate(value: unknown): unknown {
  if (typeof value === "string") return parseApiTime(value) ?? value;
  if (typeof value === "number") return new Date(value);
  return value;
}

/**
 * @internal Accepts the JSON-friendly spellings of seeded values: `TimeInterval` times as API time strings or
 * epoch ms, `JobLevel` as a string.
 */
export function normalizeOperation(operation: JobOperationValue): JobOperationValue {
  const out: Record<string, unknown> = { ...operation };
  const interval = out.TimeInterval as Record<string, unknown> | undefined;
  if (interval && typeof interval === "object") {
    const next: Record<string, unknown> = { ...interval };
    if (next.Start !== undefined) next.Start = asDate(next.Start);
    if (next.End !== undefined) next.End = asDate(next.End);
    out.TimeInterval = next;
  }
  if (typeof out.JobLevel === "string" && /^\d+$/.test(out.JobLevel)) out.JobLevel = Number(out.JobLevel);
  return out;
}

/** @internal The fake's XML, entirely through @cibatch/xml-model. */
export function createCodec(bodyLimit: number = 1024 * 1024): Codec {
  const offsetCache = new Map<string, number>();
  const offset = (tz: string): number => {
    let minutes = offsetCache.get(tz);
    if (minutes === undefined) {
      minutes = parseTzOffset(tz);
      offsetCache.set(tz, minutes);
    }
    return minutes;
  };
  return {
    decodeCreate(xml) {
      let request: CreateJobRequest;
      try {
        // Strict, as a server is: a value that does not fit its type is a 400, not a warning.
        request = decodeCreateJobRequest(xml, { maxBytes: Math.max(bodyLimit, 1024), strict: true });
      } catch (error) {
        if (!isXmlModelError(error)) throw error;
        return CONTENT_ERRORS.has(error.code)
          ? { ok: false, code: "InvalidContent", message: `the body is not a well-formed <Request>: ${error.message}` }
          : { ok: false, code: "InvalidArgument", message: error.message };
      }
      const spec: CreateSpec = {
        name: request.Name,
        type: request.Type,
        input: request.Input as unknown as CreateSpec["input"],
        operation: request.Operation as unknown as CreateSpec["operation"],
      };
      return { ok: true, spec };
    },

    validateCreate(spec, rules) {
      const request = { Name: spec.name, Input: spec.input, Operation: spec.operation } as Record<string, unknown>;
      if (spec.type !== undefined) request.Type = spec.type;
      const problems = validateCreateJobRequest(request as unknown as CreateJobRequest, {
        inputRule: rules.inputRule === "exactly-one" ? "exactly-one" : "at-least-one",
      }).map((p) => `${p.path}: ${p.message}`);
      const op = spec.operation as Record<string, unknown>;
      if (spec.type === "Job") {
        const tag = op.Tag;
        if (rules.strictTags && typeof tag === "string" && !(JOB_TAGS as readonly string[]).includes(tag)) {
          problems.push(`Request.Operation.Tag: unknown Tag ${JSON.stringify(tag)} (create.strictTags is on)`);
        }
        if (rules.requireQueueId && (typeof op.QueueId !== "string" || op.QueueId === "")) {
          problems.push("Request.Operation.QueueId: QueueId is required for a Job (create.requireQueueId is on)");
        }
      }
      return problems;
    },

    encodeCreated(requestId, job, tzOffset) {
      const value: CreateJobResponse = { RequestId: requestId, JobsDetail: toDetail(job) };
      return encodeCreateJobResponse(value, { utcOffsetMinutes: offset(tzOffset) });
    },

    encodeDescribe(requestId, jobs, nonExist, tzOffset) {
      return encodeDescribeJobsResponse(
        { RequestId: requestId, JobsDetail: jobs.map(toDetail), NonExistJobIds: [...nonExist] },
        { utcOffsetMinutes: offset(tzOffset) },
      );
    },

    encodeList(requestId, jobs, nextToken, tzOffset) {
      return encodeListJobsResponse(
        {
          RequestId: requestId,
          JobsDetail: jobs.map(toDetail),
          ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
        },
        { utcOffsetMinutes: offset(tzOffset) },
      );
    },

    encodeError(error) {
      return encodeErrorBody({
        Code: error.code,
        Message: error.message,
        ...(error.resource !== "" ? { Resource: error.resource } : {}),
        RequestId: error.requestId,
        TraceId: error.traceId,
      });
    },

    workflowIdsOf(operation) {
      const ids = (operation as { WorkflowIds?: unknown }).WorkflowIds;
      if (typeof ids !== "string") return [];
      return ids
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== "");
    },

    queueIdOf(operation) {
      const queue = (operation as { QueueId?: unknown }).QueueId;
      return typeof queue === "string" && queue !== "" ? queue : undefined;
    },
  };
}
