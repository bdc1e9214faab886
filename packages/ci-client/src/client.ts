import type { CreateJobRequest, JobsDetail, ListJobsQuery } from "@cibatch/xml-model";
import { type CallOptions, type CiClientOptions, type CiCore, createCiCore, type WithMetadata } from "./core.js";
import { type CancelJobResult, cancelJob } from "./operations/cancel-job.js";
import { type CreateJobOptions, createJob } from "./operations/create-job.js";
import { describeJob } from "./operations/describe-job.js";
import { type DescribeJobsResult, describeJobs } from "./operations/describe-jobs.js";
import { type ListJobsResult, listJobs, paginateJobPages, paginateJobs } from "./operations/list-jobs.js";
import { type WaitForJobOptions, waitForJob } from "./operations/wait-for-job.js";

/**
 * The client of the CI batch-job API (`/inventorytriggerjob`): one method per operation, each the
 * standalone function of the same name (`describeJob(core, …)`, …) on the client's own
 * {@link CiCore}; see those functions for the details. Results use the service's names
 * (`JobsDetail`, `NextToken`, `NonExistJobIds`) and carry `$metadata`; every failure is a
 * `CiError` with a `category`.
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
  /** The client's core, for the standalone functions. */
  readonly core: CiCore;

  /**
   * @param options - Bucket and region (validated: a `ValidationError` lists every problem), and
   *   optional credentials, endpoint, fetch, retry, timeouts, clock, random, logger and user agent.
   */
  constructor(options: CiClientOptions) {
    this.core = createCiCore(options);
  }

  /** The bucket this client addresses. */
  get bucket(): string {
    return this.core.bucket;
  }

  /** The region this client addresses. */
  get region(): string {
    return this.core.region;
  }

  /** The origin requests go to. */
  get endpointUrl(): string {
    return this.core.endpointUrl;
  }

  /** The clock-skew offset learnt from the service's `Date` headers (`server − local`, ms). */
  get clockSkewMs(): number {
    return this.core.clockSkewMs;
  }

  /** {@inheritDoc describeJob} */
  describeJob(jobId: string, options: CallOptions = {}): Promise<JobsDetail & WithMetadata> {
    return describeJob(this.core, jobId, options);
  }

  /** {@inheritDoc describeJobs} */
  describeJobs(jobIds: readonly string[], options: CallOptions = {}): Promise<DescribeJobsResult> {
    return describeJobs(this.core, jobIds, options);
  }

  /** {@inheritDoc listJobs} */
  listJobs(query: ListJobsQuery = {}, options: CallOptions = {}): Promise<ListJobsResult> {
    return listJobs(this.core, query, options);
  }

  /** {@inheritDoc paginateJobs} */
  paginateJobs(query: ListJobsQuery = {}, options: CallOptions = {}): AsyncIterable<JobsDetail> {
    return paginateJobs(this.core, query, options);
  }

  /** {@inheritDoc paginateJobPages} */
  paginateJobPages(query: ListJobsQuery = {}, options: CallOptions = {}): AsyncIterable<ListJobsResult> {
    return paginateJobPages(this.core, query, options);
  }

  /** {@inheritDoc createJob} */
  createJob(request: CreateJobRequest, options: CreateJobOptions = {}): Promise<JobsDetail & WithMetadata> {
    return createJob(this.core, request, options);
  }

  /** {@inheritDoc cancelJob} */
  cancelJob(jobId: string, options: CallOptions = {}): Promise<CancelJobResult> {
    return cancelJob(this.core, jobId, options);
  }

  /** {@inheritDoc waitForJob} */
  waitForJob(jobId: string, options: WaitForJobOptions = {}): Promise<JobsDetail & WithMetadata> {
    return waitForJob(this.core, jobId, options);
  }
}
