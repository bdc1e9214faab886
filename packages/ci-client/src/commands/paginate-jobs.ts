import type { JobsDetail, ListJobsQuery } from "@cibatch/xml-model";
import type { CiCore } from "../client/client-core.js";
import type { CallOptions } from "../client/options.js";
import { type ListJobsPage, listSearch } from "../operations/list-jobs.js";
import { jobsOf, paginatePages } from "../operations/paginate-jobs.js";
import { internalCore } from "./internal-core.js";
import { listJobs } from "./list-jobs.js";

/**
 * The pages of a list, each with its `$metadata` and `nextToken`; each page is fetched only when
 * the previous one is consumed. The standalone form of `CiClient.paginateJobPages`.
 *
 * @param core - From {@link createCiCore}.
 * @param query - Filters as for {@link listJobs} (validated at once: `ValidationError`).
 * @param options - `signal` (covers every page).
 * @returns An async iterable of pages.
 *
 * @example
 * ```ts
 * import { createCiCore, paginateJobPages } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * for await (const page of paginateJobPages(core, { size: 100 })) console.log(page.jobs.length);
 * ```
 * @public
 */
export function paginateJobPages(
  core: CiCore,
  query: ListJobsQuery = {},
  options: CallOptions = {},
): AsyncIterable<ListJobsPage> {
  internalCore(core);
  listSearch(query); // validate before the first page is requested
  return paginatePages((pageQuery) => listJobs(core, pageQuery, options), query);
}

/**
 * Every job matching `query`, across pages, one at a time, in constant memory. Each page is a call
 * of its own (own retries and deadline); `signal` covers them all. The standalone form of
 * `CiClient.paginateJobs`.
 *
 * @param core - From {@link createCiCore}.
 * @param query - Filters as for {@link listJobs} (`size` sets the page size).
 * @param options - `signal`.
 * @returns An async iterable of jobs.
 *
 * @example
 * ```ts
 * import { createCiCore, paginateJobs } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * for await (const job of paginateJobs(core, { states: ["Failed"] })) console.log(job.JobId, job.Message);
 * ```
 * @public
 */
export function paginateJobs(
  core: CiCore,
  query: ListJobsQuery = {},
  options: CallOptions = {},
): AsyncIterable<JobsDetail> {
  return jobsOf(paginateJobPages(core, query, options));
}
