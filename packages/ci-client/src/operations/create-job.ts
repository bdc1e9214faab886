import {
  type CreateJobRequest,
  decodeCreateJobResponse,
  encodeCreateJobRequest,
  type JobsDetail,
  validateCreateJobRequest,
} from "@cibatch/xml-model";
import {
  type CallOptions,
  type CiCore,
  type CoreInternals,
  metadataOf,
  runCall,
  type WithMetadata,
  withMetadata,
} from "../core.js";
import { JOBS_PATH } from "../endpoint.js";
import { AmbiguousCreateError } from "../errors/ambiguous-create-error.js";
import { type CiError, isCiError } from "../errors/ci-error.js";
import { ValidationError } from "../errors/validation-error.js";
import type { CallScope } from "../http/call-scope.js";
import { FollowUpRequired } from "../http/pipeline.js";
import { listJobsIn } from "./list-jobs.js";

const CREATE_MAX_BYTES = 1024 * 1024;
const WINDOW_MS = 60_000;
const MAX_PAGES = 5;
const ROUNDS = 4;
const NONCE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * Options of `createJob`.
 *
 * @public
 */
export interface CreateJobOptions extends CallOptions {
  /**
   * Append `_` + 8 random lowercase base32 characters to `Name`, so that reconciliation after an
   * ambiguous failure cannot mistake an older job of the same name for this one. Changes the
   * visible name.
   *
   * @defaultValue false
   */
  readonly idempotencyNonce?: boolean | undefined;
}

function withNameNonce(name: string, random: () => number): string {
  let nonce = "";
  for (let i = 0; i < 8; i++) {
    const r = random();
    const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
    nonce += NONCE_ALPHABET[Math.floor(unit * NONCE_ALPHABET.length)];
  }
  return `${name.slice(0, 128 - 9)}_${nonce}`;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys)
    if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * Whether a listed job is the one a create request would have made: same `Name`, `Type`, `Input`
 * and workflow ids or `Tag`, created no earlier than a minute before the request was sent.
 * @internal
 */
export function matchesCreate(job: JobsDetail, request: CreateJobRequest, sentAt: number): boolean {
  const type = request.Type ?? "Workflow";
  if (job.Name !== request.Name || (job.Type ?? "Workflow") !== type) return false;
  if (job.CreationTime.getTime() < sentAt - WINDOW_MS) return false;
  if (!same(job.Input, request.Input)) return false;
  if (request.Type === "Job") return job.Type === "Job" && job.Operation.Tag === request.Operation.Tag;
  return job.Type !== "Job" && job.Operation.WorkflowIds === request.Operation.WorkflowIds;
}

interface Pending {
  readonly request: CreateJobRequest;
  readonly sentAt: number;
  readonly signal: FollowUpRequired;
}

/**
 * Finds the job an ambiguous create may have made: waits about a second, lists jobs of the same
 * name and type created since a minute before the request (up to 5 pages), keeps exact matches;
 * one match is the result; none: lists again, 4 rounds over about 10 s; several, or a list that
 * fails, end in `AmbiguousCreateError`.
 */
async function reconcile(core: CoreInternals, pending: Pending, scope: CallScope): Promise<JobsDetail> {
  const { request, signal } = pending;
  const base = {
    jobName: request.Name,
    jobType: request.Type ?? "Workflow",
    sentAt: new Date(pending.sentAt),
    requestId: signal.requestId,
    attempts: signal.attempts,
    bucket: core.endpoint.bucket,
    region: core.endpoint.region,
  };
  for (let round = 0; round < ROUNDS; round++) {
    let matches: JobsDetail[] = [];
    try {
      await core.sleep(Math.floor((round === 0 ? 1_000 : 3_300) * (0.5 + core.random())), scope.signal);
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await listJobsIn(
          core,
          {
            name: request.Name,
            type: request.Type ?? "Workflow",
            startCreationTime: new Date(pending.sentAt - WINDOW_MS),
            orderByTime: "Desc",
            size: 100,
            ...(nextToken !== undefined && { nextToken }),
          },
          scope,
        );
        matches = matches.concat(result.JobsDetail.filter((job) => matchesCreate(job, request, pending.sentAt)));
        nextToken = result.NextToken;
        if (nextToken === undefined) break;
      }
    } catch (cause) {
      const aborted = scope.aborted;
      throw new AmbiguousCreateError({
        ...base,
        reason: aborted ? "ABORTED" : "LIST_FAILED",
        candidates: matches,
        cause: aborted ? signal.failure : cause,
      });
    }
    if (matches.length === 1) return matches[0] as JobsDetail;
    if (matches.length > 1)
      throw new AmbiguousCreateError({
        ...base,
        reason: "SEVERAL_MATCHES",
        candidates: matches,
        cause: signal.failure,
      });
  }
  throw new AmbiguousCreateError({ ...base, reason: "NO_MATCH", candidates: [], cause: signal.failure });
}

/**
 * Creates a batch job (`POST /inventorytriggerjob`), Workflow or Job variant. The request is
 * validated first (`ValidationError`, nothing sent). A create is resent only when the service
 * certainly did not act (nothing was sent, or a coded refusal such as `SlowDown`); after an
 * ambiguous failure (5xx, a connection lost after sending, a timeout, an unreadable 2xx) the job is
 * looked for by listing, never created twice.
 *
 * @param core - From {@link createCiCore}.
 * @param request - The create request.
 * @param options - `signal` and `idempotencyNonce`.
 * @returns The job; `$metadata.reconciled` is `true` when it was found by reconciliation.
 * @throws `AmbiguousCreateError` (category `ambiguous-create`) when the outcome stays unknown: the
 *   job MAY exist, check before creating again.
 *
 * @example
 * ```ts
 * import { createCiCore, createJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await createJob(core, {
 *   Name: "nightly",
 *   Type: "Workflow",
 *   Input: { Prefix: "media/" },
 *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * });
 * console.log(job.JobId, job.$metadata.reconciled);
 * ```
 * @public
 */
export function createJob(
  core: CiCore,
  request: CreateJobRequest,
  options: CreateJobOptions = {},
): Promise<JobsDetail & WithMetadata> {
  return runCall(core, options, async (internals, scope) => {
    const input: CreateJobRequest =
      options.idempotencyNonce === true && typeof request?.Name === "string"
        ? { ...request, Name: withNameNonce(request.Name, internals.random) }
        : request;
    const problems = validateCreateJobRequest(input);
    if (problems.length > 0) throw new ValidationError({ problems });
    const body = encodeCreateJobRequest(input);
    const sentAt = internals.skew.signingTime();
    try {
      const result = await internals.pipeline.send(
        {
          operation: "create",
          method: "POST",
          path: JOBS_PATH,
          body,
          retry: "create",
          maxBodyBytes: CREATE_MAX_BYTES,
          expectBody: true,
          decode: (text, onWarning) =>
            decodeCreateJobResponse(text, { maxBytes: CREATE_MAX_BYTES, onWarning }).JobsDetail,
        },
        scope,
      );
      return withMetadata(result.value, { ...metadataOf(result), reconciled: false });
    } catch (error) {
      if (error instanceof FollowUpRequired) {
        const job = await reconcile(internals, { request: input, sentAt, signal: error }, scope);
        return withMetadata(job, {
          requestId: error.requestId,
          httpStatusCode: 200,
          attempts: error.attempts,
          warnings: [],
          reconciled: true,
          reconciledAfter: error.failure,
        });
      }
      throw ambiguousAfterAbort(error, input, sentAt, internals) ?? error;
    }
  });
}

/** A create stopped by its caller or deadline after the request was sent: the job may exist. */
function ambiguousAfterAbort(
  error: unknown,
  request: CreateJobRequest,
  sentAt: number,
  core: CoreInternals,
): AmbiguousCreateError | undefined {
  if (!isCiError(error)) return undefined;
  const { sent, attempts, timeout } = error as CiError & { sent?: boolean; attempts?: number; timeout?: string };
  const stopped = error.category === "aborted" || (error.category === "timeout" && timeout === "total");
  if (!stopped || sent !== true) return undefined;
  return new AmbiguousCreateError({
    jobName: request.Name,
    jobType: request.Type ?? "Workflow",
    sentAt: new Date(sentAt),
    reason: "ABORTED",
    attempts: attempts ?? 1,
    candidates: [],
    bucket: core.endpoint.bucket,
    region: core.endpoint.region,
    cause: error,
  });
}
