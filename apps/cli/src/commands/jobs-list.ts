import type { JobsDetail } from "@cibatch/ci-client";
import { jobToJson } from "../output/job-json.js";
import { jobsTable, jobsText } from "../output/job-views.js";
import type { CommandHandler } from "../support/context.js";
import { listQueryFromFlags, parseCount } from "../support/list-query.js";

/**
 * `cibatch jobs list`: follows `NextToken` until it is absent or empty (or `--max-items` is reached, or after one
 * page with `--no-paginate`). With `--max-items` the last request asks for exactly the jobs still wanted, so the
 * printed `NextToken` resumes right after the last job shown. `--query` runs once, on the whole result.
 *
 * @example
 * ```ts
 * import { execute } from "./jobs-list.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const options = ctx.options;
  const query = listQueryFromFlags(options, ctx.now());
  const pageSize = typeof options.pageSize === "string" ? parseCount(options.pageSize, "--page-size", 1, 100) : 100;
  const maxItems =
    typeof options.maxItems === "string"
      ? parseCount(options.maxItems, "--max-items", 1, Number.MAX_SAFE_INTEGER)
      : undefined;
  const paginate = options.paginate !== false;
  let token = typeof options.startingToken === "string" ? options.startingToken : undefined;
  const client = await ctx.client();
  const jobs: JobsDetail[] = [];
  let nextToken: string | undefined;
  for (;;) {
    const size = maxItems === undefined ? pageSize : Math.min(pageSize, maxItems - jobs.length);
    const page = await client.listJobs(
      { ...query, size, ...(token !== undefined && { nextToken: token }) },
      { signal: ctx.signal },
    );
    jobs.push(...page.JobsDetail);
    nextToken = page.NextToken ? page.NextToken : undefined;
    if (nextToken === undefined || !paginate) break;
    if (maxItems !== undefined && jobs.length >= maxItems) break;
    token = nextToken;
  }
  const shown = maxItems === undefined ? jobs : jobs.slice(0, maxItems);
  await ctx.emit({
    data: { Jobs: shown.map(jobToJson), ...(nextToken !== undefined && { NextToken: nextToken }) },
    table: jobsTable(shown, ctx.io.env.TZ),
    text: jobsText(shown),
  });
  if (nextToken !== undefined && (ctx.format === "table" || ctx.format === "text")) {
    ctx.note(`cibatch: more jobs: continue with --starting-token ${nextToken}`);
  }
  return 0;
};
