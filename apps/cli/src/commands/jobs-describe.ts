import type { JobsDetail } from "@cibatch/ci-client";
import { EXIT, worstExit } from "../exit-codes.js";
import { jobToJson } from "../output/job-json.js";
import type { CommandHandler } from "../support/context.js";
import { noteDecodeWarnings } from "../support/decode-warnings.js";
import { failureJson, type JobFailure, jobFailure, notFoundLine } from "../support/job-outcome.js";
import { mapLimit } from "../support/map-limit.js";

type Outcome =
  | { readonly kind: "found"; readonly job: JobsDetail }
  | { readonly kind: "missing"; readonly id: string }
  | { readonly kind: "failed"; readonly failure: JobFailure; readonly error: unknown };

/**
 * `cibatch jobs describe <jobId...>`: one request per id, up to 4 in flight (the API documents one id per
 * request). Every id gets its outcome in every format: JSON has `Jobs`, plus `NonExistJobIds` and `Errors`
 * (`JobId`, `Code`, `Message`, `RequestId`) when some were not found or failed; table and text print the detail
 * view of each job found and name every other id on stderr. The exit status is the worst outcome (7 when one was
 * not found, the error's own status when one failed). A single id that fails is reported as the command's error.
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
  const outcomes = await mapLimit(ids, 4, async (id): Promise<Outcome> => {
    try {
      const result = await client.describeJobs([id], { signal: ctx.signal });
      noteDecodeWarnings(ctx, result, id);
      const job = result.JobsDetail.find((j) => j.JobId === id) ?? result.JobsDetail[0];
      return job === undefined || result.NonExistJobIds.length > 0 ? { kind: "missing", id } : { kind: "found", job };
    } catch (error) {
      return { kind: "failed", failure: jobFailure(ctx, id, error), error };
    }
  });
  // One id that failed is the command's failure: reported like any other error (stderr, JSON envelope).
  const only = outcomes.length === 1 ? outcomes[0] : undefined;
  if (only?.kind === "failed") throw only.error;
  const jobs = outcomes.flatMap((o) => (o.kind === "found" ? [o.job] : []));
  const missing = outcomes.flatMap((o) => (o.kind === "missing" ? [o.id] : []));
  const failures = outcomes.flatMap((o) => (o.kind === "failed" ? [o.failure] : []));
  if (jobs.length > 0 || ctx.format === "json" || ctx.format === "yaml") {
    await ctx.emit({
      data: {
        Jobs: jobs.map(jobToJson),
        ...(missing.length > 0 && { NonExistJobIds: missing }),
        ...(failures.length > 0 && { Errors: failures.map(failureJson) }),
      },
      // The detail view (and string-width with it) loads only for table and text output.
      detail: async ({ styles, maxWidth }) => {
        const { jobDetail } = await import("../output/job-views.js");
        return jobs.map((job) => jobDetail(job, ctx.times, styles, maxWidth)).join("\n");
      },
    });
  }
  for (const id of missing) {
    ctx.note(notFoundLine(id, client));
  }
  for (const failure of failures) {
    ctx.note(
      `cibatch: job ${failure.JobId}: ${failure.Message}${failure.RequestId ? ` (request id ${failure.RequestId})` : ""}`,
    );
  }
  return worstExit([
    ...jobs.map(() => EXIT.OK),
    ...missing.map(() => EXIT.NOT_FOUND),
    ...failures.map((f) => f.exitCode),
  ]);
};
