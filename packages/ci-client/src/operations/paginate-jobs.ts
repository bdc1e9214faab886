import type { JobsDetail, ListJobsQuery } from "@cibatch/xml-model";
import { CiError } from "../errors/ci-error.js";
import type { ListJobsPage } from "./list-jobs.js";

/**
 * Walks the pages of a list: each page is requested only when the previous one has been
 * consumed, so memory stays constant however many jobs there are. Stops when `NextToken` is absent
 * or empty (api.md §5.3); a token that repeats would loop forever, so it stops with a `CiError`
 * (`PAGINATION_LOOP`).
 *
 * @param listPage - Fetches one page.
 * @param query - The filters; its `nextToken` is where to start.
 * @returns The pages, in order.
 *
 * @example
 * ```ts
 * import { paginatePages } from "./paginate-jobs.js";
 *
 * declare const listPage: (query: import("@cibatch/xml-model").ListJobsQuery) => Promise<import("./list-jobs.js").ListJobsPage>;
 * for await (const page of paginatePages(listPage, { size: 100 })) console.log(page.jobs.length);
 * ```
 * @internal
 */
export async function* paginatePages(
  listPage: (query: ListJobsQuery) => Promise<ListJobsPage>,
  query: ListJobsQuery,
): AsyncGenerator<ListJobsPage, void, undefined> {
  let token = query.nextToken;
  const seen = new Set<string>();
  for (;;) {
    const page = await listPage(token === undefined ? { ...query } : { ...query, nextToken: token });
    yield page;
    const next = page.nextToken;
    if (next === undefined || next === "") return;
    if (seen.has(next)) {
      throw new CiError(
        `The service returned the page token ${JSON.stringify(next)} twice; stopping so as not to loop forever.`,
        { code: "PAGINATION_LOOP" },
      );
    }
    if (seen.size >= 64) seen.clear();
    seen.add(next);
    token = next;
  }
}

/**
 * The jobs of {@link paginatePages}, one at a time.
 *
 * @param pages - The pages.
 * @returns The jobs, in order.
 *
 * @example
 * ```ts
 * import { jobsOf, paginatePages } from "./paginate-jobs.js";
 *
 * declare const listPage: (query: import("@cibatch/xml-model").ListJobsQuery) => Promise<import("./list-jobs.js").ListJobsPage>;
 * for await (const job of jobsOf(paginatePages(listPage, {}))) console.log(job.JobId);
 * ```
 * @internal
 */
export async function* jobsOf(pages: AsyncIterable<ListJobsPage>): AsyncGenerator<JobsDetail, void, undefined> {
  for await (const page of pages) yield* page.jobs;
}
