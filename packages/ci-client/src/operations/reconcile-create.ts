import type { CreateJobRequest, JobsDetail } from "@cibatch/xml-model";
import type { ClientCore } from "../client/client-core.js";
import { AmbiguousCreateError } from "../errors/ambiguous-create-error.js";
import type { CiError } from "../errors/ci-error.js";
import type { CallScope } from "../transport/transport.js";
import { listJobsCall } from "./list-jobs.js";

/** How far before `t0` a matching job may have been created (server and client clocks differ). */
const WINDOW_MS = 60_000;
/** List pages read per attempt. */
const MAX_PAGES = 5;
/** List attempts when nothing matches: the first, then 3 more over about 10 s. */
const ROUNDS = 4;

/**
 * What reconciliation knows about the create it settles.
 *
 * @example
 * ```ts
 * import type { PendingCreate } from "./reconcile-create.js";
 *
 * declare const failure: import("../errors/ci-error.js").CiError;
 * const pending: PendingCreate = {
 *   request: { Name: "demo", Input: { Prefix: "in/" }, Operation: { WorkflowIds: "w1" } },
 *   sentAt: Date.now(), attempts: 1, requestId: undefined, failure,
 * };
 * ```
 * @internal
 */
export interface PendingCreate {
  /** The request as sent. */
  readonly request: CreateJobRequest;
  /** `t0`: when it was sent, on the server's clock (local clock plus skew offset). */
  readonly sentAt: number;
  /** Attempts made. */
  readonly attempts: number;
  /** The last response's request id, if any. */
  readonly requestId: string | undefined;
  /** The failure that made the outcome unknown. */
  readonly failure: CiError;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x instanceof Date || y instanceof Date) {
      if (!(x instanceof Date && y instanceof Date && x.getTime() === y.getTime())) return false;
    } else if (!same(x, y)) return false;
  }
  return true;
}

/**
 * Whether a listed job is the one the request would have created (reliability §2.2 step 4): the
 * same `Name` exactly, the same `Type`, created no earlier than `t0 − 60 s`, the same `Input`, and
 * the same `WorkflowIds` (Workflow) or `Tag` (Job).
 *
 * @param job - A listed job.
 * @param request - The create request.
 * @param sentAt - `t0`.
 * @returns Whether it matches.
 *
 * @example
 * ```ts
 * import { matchesCreate } from "./reconcile-create.js";
 *
 * declare const job: import("@cibatch/xml-model").JobsDetail;
 * matchesCreate(job, { Name: "demo", Input: { Prefix: "in/" }, Operation: { WorkflowIds: "w1" } }, Date.now());
 * ```
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

function jitter(core: ClientCore, ms: number): number {
  return Math.floor(ms * (0.5 + core.random()));
}

/**
 * Settles an ambiguous create by listing (reliability §2.2): waits about 1 s, lists the jobs of
 * that name and type created since `t0 − 60 s` (newest first, up to 5 pages of 100), and keeps the
 * ones that match. Exactly one → it is the job, returned as reconciled. None → lists again, up to
 * 3 more times over about 10 s. Several, a failed list, or still none → `AmbiguousCreateError`.
 * The create is never resent.
 *
 * @param core - The client.
 * @param pending - The create and its failure.
 * @param scope - The call's signals and deadline (reconciliation counts against the deadline).
 * @returns The job that was created.
 *
 * @example
 * ```ts
 * import { reconcileCreate } from "./reconcile-create.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * declare const pending: import("./reconcile-create.js").PendingCreate;
 * const job = await reconcileCreate(core, pending, core.scope(undefined));
 * ```
 * @internal
 */
export async function reconcileCreate(core: ClientCore, pending: PendingCreate, scope: CallScope): Promise<JobsDetail> {
  const { request } = pending;
  const base = {
    jobName: request.Name,
    jobType: request.Type ?? "Workflow",
    sentAt: new Date(pending.sentAt),
    requestId: pending.requestId,
    attempts: pending.attempts,
    bucket: core.endpoint.bucket,
    region: core.endpoint.region,
  };
  for (let round = 0; round < ROUNDS; round++) {
    let matches: JobsDetail[] = [];
    try {
      await core.sleep(jitter(core, round === 0 ? 1_000 : 3_300), scope.signal);
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await listJobsCall(
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
        matches = matches.concat(result.jobs.filter((job) => matchesCreate(job, request, pending.sentAt)));
        nextToken = result.nextToken;
        if (nextToken === undefined) break;
      }
    } catch (cause) {
      const aborted = scope.aborted;
      throw new AmbiguousCreateError({
        ...base,
        reason: aborted ? "ABORTED" : "LIST_FAILED",
        candidates: matches,
        cause: aborted ? pending.failure : cause,
      });
    }
    if (matches.length === 1) return matches[0] as JobsDetail;
    if (matches.length > 1) {
      throw new AmbiguousCreateError({
        ...base,
        reason: "SEVERAL_MATCHES",
        candidates: matches,
        cause: pending.failure,
      });
    }
  }
  throw new AmbiguousCreateError({ ...base, reason: "NO_MATCH", candidates: [], cause: pending.failure });
}
