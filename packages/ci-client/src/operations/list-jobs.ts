import {
  decodeListJobsResponse,
  isXmlModelError,
  type JobsDetail,
  type ListJobsQuery,
  listQueryToSearch,
} from "@cibatch/xml-model";
import {
  type CallOptions,
  type CiCore,
  type CoreInternals,
  internalsOf,
  metadataOf,
  runCall,
  type WithMetadata,
} from "../core.js";
import { JOBS_PATH } from "../endpoint.js";
import { CiError } from "../errors/ci-error.js";
import { ValidationError } from "../errors/validation-error.js";
import type { CallScope } from "../http/call-scope.js";

const LIST_MAX_BYTES = 4 * 1024 * 1024;

/**
 * One page of `listJobs`: the service's `<Response>` with its element names.
 *
 * @public
 */
export interface ListJobsResult extends WithMetadata {
  /** The jobs of this page. */
  readonly JobsDetail: JobsDetail[];
  /** Pass it as `nextToken` (same filters) for the next page; absent on the last page. */
  readonly NextToken?: string | undefined;
}

/** The query string of a list, checked: a bad filter is a `ValidationError` naming the query key. @internal */
export function listSearch(query: ListJobsQuery): string {
  try {
    return listQueryToSearch(query);
  } catch (error) {
    if (!isXmlModelError(error)) throw error;
    throw new ValidationError({
      problems: [{ path: `query${error.path ? `.${error.path}` : ""}`, message: error.message }],
      cause: error,
    });
  }
}

/** Lists one page in a call's scope. @internal */
export async function listJobsIn(core: CoreInternals, query: ListJobsQuery, scope: CallScope): Promise<ListJobsResult> {
  const search = listSearch(query).replace(/^\?/, "");
  const result = await core.pipeline.send(
    {
      operation: "list",
      method: "GET",
      path: search ? `${JOBS_PATH}?${search}` : JOBS_PATH,
      retry: "read",
      maxBodyBytes: LIST_MAX_BYTES,
      expectBody: true,
      decode: (text, onWarning) => decodeListJobsResponse(text, { maxBytes: LIST_MAX_BYTES, onWarning }),
    },
    scope,
  );
  const token = result.value.NextToken;
  return {
    JobsDetail: result.value.JobsDetail,
    ...(token !== undefined && token !== "" && { NextToken: token }),
    $metadata: metadataOf(result),
  };
}

/**
 * Lists one page of jobs (`GET /inventorytriggerjob?…`).
 *
 * @param core - From {@link createCiCore}.
 * @param query - Filters with the API's query names (`type`, `states`, `name`, `workflowId`,
 *   `jobId`, `startCreationTime`, `endCreationTime`, `orderByTime`, `size` 1..100) and
 *   `nextToken`; invalid values throw a `ValidationError`.
 * @param options - `signal`.
 * @returns `JobsDetail` and `NextToken` (absent on the last page), with `$metadata`.
 *
 * @example
 * ```ts
 * import { createCiCore, listJobs } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const page = await listJobs(core, { type: "Job", states: ["Running", "Failed"], size: 50 });
 * const next = page.NextToken && (await listJobs(core, { type: "Job", states: ["Running", "Failed"], nextToken: page.NextToken }));
 * ```
 * @public
 */
export function listJobs(core: CiCore, query: ListJobsQuery = {}, options: CallOptions = {}): Promise<ListJobsResult> {
  return runCall(core, options, (internals, scope) => listJobsIn(internals, query, scope));
}

async function* pages(
  core: CiCore,
  query: ListJobsQuery,
  options: CallOptions,
): AsyncGenerator<ListJobsResult, void, undefined> {
  let token = query.nextToken;
  const seen = new Set<string>();
  for (;;) {
    const page = await listJobs(core, token === undefined ? query : { ...query, nextToken: token }, options);
    yield page;
    const next = page.NextToken;
    if (next === undefined) return;
    if (seen.has(next)) {
      throw new CiError(
        `The service returned the page token ${JSON.stringify(next)} twice; stopping so as not to loop forever.`,
        { code: "PAGINATION_LOOP", category: "service" },
      );
    }
    if (seen.size >= 64) seen.clear();
    seen.add(next);
    token = next;
  }
}

/**
 * The pages of a list, each with its `$metadata` and `NextToken`; each page is requested only when
 * the previous one is consumed, and is a call of its own (own retries and deadline); `signal`
 * covers them all.
 *
 * @param core - From {@link createCiCore}.
 * @param query - Filters as for {@link listJobs} (checked at once: `ValidationError`).
 * @param options - `signal`.
 * @returns An async iterable of pages.
 * @public
 */
export function paginateJobPages(
  core: CiCore,
  query: ListJobsQuery = {},
  options: CallOptions = {},
): AsyncIterable<ListJobsResult> {
  internalsOf(core);
  listSearch(query);
  return pages(core, query, options);
}

/**
 * Every job matching `query`, across pages, one at a time, in constant memory.
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
 * for await (const job of paginateJobs(core, { states: ["Failed"], size: 100 })) console.log(job.JobId, job.Message);
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

async function* jobsOf(pageList: AsyncIterable<ListJobsResult>): AsyncGenerator<JobsDetail, void, undefined> {
  for await (const page of pageList) yield* page.JobsDetail;
}
