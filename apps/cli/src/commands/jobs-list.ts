import type { JobsDetail } from "@cibatch/ci-client";
import { CliError } from "../cli-error.js";
import { jobToJson } from "../output/job-json.js";
import { jobsTable, jobsText } from "../output/job-views.js";
import type { CommandHandler } from "../support/context.js";
import { noteDecodeWarnings } from "../support/decode-warnings.js";
import { listQueryFromFlags, parseCount } from "../support/list-query.js";

/** How many jobs `jobs list` shows unless `--limit` or `--all` says otherwise. */
export const DEFAULT_LIST_LIMIT: number = 50;

/**
 * `cibatch jobs list`: at most `--limit` jobs (50 by default, in every format), or every job with `--all`,
 * following `NextToken`. The last request asks for exactly the jobs still wanted, so the `NextToken` printed
 * when more exist resumes right after the last job shown; a note on stderr says how to get the rest. An empty
 * result prints "No jobs found" on stderr in table and text formats. `--query` runs once, on the whole result.
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
  const query = listQueryFromFlags(options, ctx.now(), ctx.io.env.TZ);
  const pageSize = typeof options.pageSize === "string" ? parseCount(options.pageSize, "--page-size", 1, 100) : 100;
  const limitFlag =
    typeof options.limit === "string" ? "--limit" : typeof options.maxItems === "string" ? "--max-items" : undefined;
  if (options.all === true && limitFlag !== undefined) {
    throw new CliError("USAGE", `give --all or ${limitFlag}, not both`);
  }
  const limit =
    options.all === true
      ? undefined
      : limitFlag !== undefined
        ? parseCount(String(options.limit ?? options.maxItems), limitFlag, 1, Number.MAX_SAFE_INTEGER)
        : DEFAULT_LIST_LIMIT;
  const paginate = options.paginate !== false;
  let token = typeof options.startingToken === "string" ? options.startingToken : undefined;
  const client = await ctx.client();
  const jobs: JobsDetail[] = [];
  let nextToken: string | undefined;
  for (;;) {
    const size = limit === undefined ? pageSize : Math.min(pageSize, limit - jobs.length);
    const page = await client.listJobs(
      { ...query, size, ...(token !== undefined && { nextToken: token }) },
      { signal: ctx.signal },
    );
    noteDecodeWarnings(ctx, page);
    jobs.push(...page.JobsDetail);
    nextToken = page.NextToken ? page.NextToken : undefined;
    if (nextToken === undefined || !paginate) break;
    if (limit !== undefined && jobs.length >= limit) break;
    token = nextToken;
  }
  const shown = limit === undefined ? jobs : jobs.slice(0, limit);
  const human = ctx.format === "table" || ctx.format === "text";
  if (shown.length === 0 && human) {
    ctx.note("No jobs found.");
  } else {
    await ctx.emit({
      data: { Jobs: shown.map(jobToJson), ...(nextToken !== undefined && { NextToken: nextToken }) },
      table: jobsTable(shown, ctx.times),
      text: jobsText(shown, ctx.times),
    });
  }
  if (nextToken !== undefined) {
    const why = !paginate
      ? "one page shown (--no-paginate)"
      : `showing the first ${shown.length} job${shown.length === 1 ? "" : "s"}`;
    ctx.note(
      `cibatch: ${why}; more exist. Add --all for every job, --limit <n> for more, or --starting-token ${nextToken} to continue.`,
    );
  }
  return 0;
};
