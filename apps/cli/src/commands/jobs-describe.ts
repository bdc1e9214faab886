import type { JobsDetail } from "@cibatch/ci-client";
import { EXIT } from "../exit-codes.js";
import { jobToJson } from "../output/job-json.js";
import { jobsTable, jobsText } from "../output/job-views.js";
import type { CommandHandler } from "../support/context.js";
import { mapLimit } from "../support/map-limit.js";

/**
 * `cibatch jobs describe <jobId...>`: one request per id, up to 4 in flight (the service does not document
 * several ids in one request). Prints `{"Jobs": [...]}` (plus `NonExistJobIds` when some are missing); each missing id is named
 * on stderr and the exit status is 7.
 *
 * @example
 * ```ts
 * import { execute } from "./jobs-describe.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const ids = [...new Set(ctx.args[0] as string[])];
  const client = await ctx.client();
  const results = await mapLimit(ids, 4, (id) => client.describeJobs([id], { signal: ctx.signal }));
  const jobs: JobsDetail[] = [];
  const missing: string[] = [];
  results.forEach((result, i) => {
    jobs.push(...result.JobsDetail);
    if (result.JobsDetail.length === 0 || result.NonExistJobIds.length > 0) missing.push(ids[i] as string);
  });
  if (jobs.length > 0 || ctx.format === "json" || ctx.format === "yaml") {
    await ctx.emit({
      data: { Jobs: jobs.map(jobToJson), ...(missing.length > 0 && { NonExistJobIds: missing }) },
      table: jobsTable(jobs, ctx.io.env.TZ),
      text: jobsText(jobs),
    });
  }
  for (const id of missing) {
    ctx.note(
      `cibatch: job ${id} not found in bucket ${client.bucket} (${client.region}); check the id, --bucket and --region`,
    );
  }
  return missing.length > 0 ? EXIT.NOT_FOUND : EXIT.OK;
};
