import type { CreateJobRequest, JobsDetail, ListJobsQuery } from "@cibatch/xml-model";
import { cancelJob } from "../commands/cancel-job.js";
import { createJob } from "../commands/create-job.js";
import { describeJob } from "../commands/describe-job.js";
import { describeJobs } from "../commands/describe-jobs.js";
import { listJobs } from "../commands/list-jobs.js";
import { paginateJobPages, paginateJobs } from "../commands/paginate-jobs.js";
import { waitForJob } from "../commands/wait-for-job.js";
import type { CancelJobResult } from "../operations/cancel-job.js";
import type { CreateJobOptions } from "../operations/create-job.js";
import type { DescribeJobsResult } from "../operations/describe-jobs.js";
import type { ListJobsPage } from "../operations/list-jobs.js";
import type { WaitForJobOptions } from "../operations/wait-for-job.js";
import type { CiCore } from "./client-core.js";
import { createCiCore } from "./create-ci-core.js";
import type { WithMetadata } from "./metadata.js";
import type { CallOptions, CiClientOptions } from "./options.js";

/**
 * The typed client of the CI batch-job API (`/inventorytriggerjob`): one method per operation,
 * each taking a `{ signal }`, returning typed results with `$metadata` (request id, status,
 * attempts), and throwing only `CiError`s.
 *
 * Built in: full-jitter retries with a per-client quota, classification by XML `<Code>` first,
 * `Retry-After` honoured and capped, a fresh signature per attempt, clock-skew correction,
 * credential refresh on `ExpiredToken`, per-attempt and total timeouts, response size caps, and
 * creates that are never resent blindly (an ambiguous failure is reconciled by listing).
 *
 * Built on {@link createCiCore}; each method calls the standalone function of the same name
 * (`describeJob(core, …)`, …), which a size-conscious app can import on its own instead.
 *
 * @example
 * ```ts
 * import { CiClient } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
 * console.log(job.Name, job.State, job.$metadata.requestId);
 * ```
 * @public
 */
export class CiClient {
  readonly #core: CiCore;

  /**
   * @param options - Bucket and region (validated: a `ValidationError` lists every problem), and
   *   optional credentials, endpoint, fetch, retry, timeouts, clock, random, logger and user agent.
   */
  constructor(options: CiClientOptions) {
    this.#core = createCiCore(options);
  }

  /** The bucket this client addresses. */
  get bucket(): string {
    return this.#core.bucket;
  }

  /** The region this client addresses. */
  get region(): string {
    return this.#core.region;
  }

  /** The origin requests go to (`https://<bucket>.ci.<region>.myqcloud.com`, or the endpoint override). */
  get endpointUrl(): string {
    return this.#core.endpointUrl;
  }

  /** The clock-skew offset learnt from the service's `Date` headers (`server − local`, ms). */
  get clockSkewMs(): number {
    return this.#core.clockSkewMs;
  }

  /**
   * Describes one job: `GET /inventorytriggerjob/<jobId>` (the seed's call).
   *
   * @param jobId - The job id (`b` + 32 hex); empty ids, `/`, `%2F`, `../`, whitespace and control
   *   characters are rejected with a `ValidationError` before anything is sent.
   * @param options - `signal`.
   * @returns The typed job, with `$metadata`.
   * @throws `CiServiceError` (code `NoSuchJob` when the service lists the id as not existing), and
   *   the other `CiError`s.
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * const job = await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
   * if (job.Type === "Job") console.log(job.Operation.Tag);
   * ```
   */
  describeJob(jobId: string, options: CallOptions = {}): Promise<JobsDetail & WithMetadata> {
    return describeJob(this.#core, jobId, options);
  }

  /**
   * Describes several jobs in one request (`GET /inventorytriggerjob/<id1>,<id2>`).
   *
   * @param jobIds - The ids (each validated as for {@link CiClient.describeJob}).
   * @param options - `signal`.
   * @returns The jobs found and `nonExistJobIds`.
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * const { jobs, nonExistJobIds } = await client.describeJobs(["b3deffea2f84911ec9cb15254008618d9", "b0"]);
   * ```
   */
  describeJobs(jobIds: readonly string[], options: CallOptions = {}): Promise<DescribeJobsResult> {
    return describeJobs(this.#core, jobIds, options);
  }

  /**
   * Lists one page of jobs (`GET /inventorytriggerjob?…`).
   *
   * @param query - Filters (`type`, `states`, `name`, `workflowId`, `jobId`, creation-time range,
   *   `orderByTime`, `size` 1..100) and `nextToken`; invalid values throw a `ValidationError`.
   * @param options - `signal`.
   * @returns The page and its `nextToken` (absent on the last page).
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * const page = await client.listJobs({ type: "Job", states: ["Running", "Failed"], size: 50 });
   * ```
   */
  listJobs(query: ListJobsQuery = {}, options: CallOptions = {}): Promise<ListJobsPage> {
    return listJobs(this.#core, query, options);
  }

  /**
   * Every job matching `query`, across pages, one at a time; each page is fetched only when the
   * previous one is consumed (constant memory). Each page is a call of its own (own retries and
   * deadline); `signal` covers them all.
   *
   * @param query - Filters as for {@link CiClient.listJobs} (`size` sets the page size).
   * @param options - `signal`.
   * @returns An async iterable of jobs.
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * for await (const job of client.paginateJobs({ states: ["Failed"], size: 100 })) console.log(job.JobId, job.Message);
   * ```
   */
  paginateJobs(query: ListJobsQuery = {}, options: CallOptions = {}): AsyncIterable<JobsDetail> {
    return paginateJobs(this.#core, query, options);
  }

  /**
   * The pages of {@link CiClient.paginateJobs}, with their `$metadata` and `nextToken`.
   *
   * @param query - Filters as for {@link CiClient.listJobs}.
   * @param options - `signal`.
   * @returns An async iterable of pages.
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * for await (const page of client.paginateJobPages({ size: 100 })) console.log(page.jobs.length, page.$metadata.requestId);
   * ```
   */
  paginateJobPages(query: ListJobsQuery = {}, options: CallOptions = {}): AsyncIterable<ListJobsPage> {
    return paginateJobPages(this.#core, query, options);
  }

  /**
   * Creates a batch job (`POST /inventorytriggerjob`), Workflow or Job variant. The request is
   * validated first (`ValidationError`, nothing sent). A create is resent only when the service
   * certainly did not act; after an ambiguous failure (5xx, reset or timeout after sending,
   * malformed 2xx) the job is looked for by listing, never created twice.
   *
   * @param request - The create request.
   * @param options - `signal` and `idempotencyNonce`.
   * @returns The job; `$metadata.reconciled` is `true` when it was found by reconciliation.
   * @throws `AmbiguousCreateError` when the outcome stays unknown (the job MAY exist).
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * const job = await client.createJob({
   *   Name: "nightly",
   *   Type: "Workflow",
   *   Input: { Prefix: "media/" },
   *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
   * });
   * console.log(job.JobId, job.$metadata.reconciled);
   * ```
   */
  createJob(request: CreateJobRequest, options: CreateJobOptions = {}): Promise<JobsDetail & WithMetadata> {
    return createJob(this.#core, request, options);
  }

  /**
   * Cancels a job (`PUT /inventorytriggerjob/<jobId>?cancel`).
   *
   * @param jobId - The job id (validated as for {@link CiClient.describeJob}).
   * @param options - `signal`.
   * @returns The job id, whether the cancel had to be verified by a describe, and `$metadata`.
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * await client.cancelJob("b3deffea2f84911ec9cb15254008618d9");
   * ```
   */
  cancelJob(jobId: string, options: CallOptions = {}): Promise<CancelJobResult> {
    return cancelJob(this.#core, jobId, options);
  }

  /**
   * Polls a job until it reaches a state of `until` (default: `Success`, `Failed` or `Cancel`).
   *
   * @param jobId - The job id.
   * @param options - `until`, `interval` (5 s), `timeout` (30 min; `CiTimeoutError` after it),
   *   `signal`, `onProgress`.
   * @returns The job in the state reached.
   *
   * @example
   * ```ts
   * import { CiClient } from "@cibatch/ci-client";
   *
   * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
   * const job = await client.waitForJob("b3deffea2f84911ec9cb15254008618d9", { onProgress: (j) => console.log(j.State) });
   * if (job.State === "Failed") console.error(job.Code, job.Message);
   * ```
   */
  waitForJob(jobId: string, options: WaitForJobOptions = {}): Promise<JobsDetail & WithMetadata> {
    return waitForJob(this.#core, jobId, options);
  }
}
