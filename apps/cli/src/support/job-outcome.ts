import type { Json } from "../output/job-json.js";
import { classifyError } from "./classify-error.js";
import type { CommandContext } from "./context.js";
import { explainError } from "./explain-error.js";

/**
 * What happened to one job of a multi-id command that failed: the exit status it alone would have, and the
 * fields shown for it.
 *
 * @example
 * ```ts
 * import type { JobFailure } from "./job-outcome.js";
 * const failure: JobFailure = { JobId: "b1", exitCode: 5, Code: "InvalidArgument", Message: "bad", RequestId: null };
 * ```
 * @internal
 */
export interface JobFailure {
  readonly JobId: string;
  readonly exitCode: number;
  readonly Code: string;
  readonly Message: string;
  readonly RequestId: string | null;
}

/**
 * Turns an error of one job's request into that job's outcome, so the other jobs' outcomes are still printed.
 * Errors that are not about the job (an interruption, missing credentials, the CLI's own errors) are thrown
 * again: every other job would fail the same way.
 *
 * @param ctx - The command context (its signal tells an interruption).
 * @param jobId - The job.
 * @param error - What its request threw.
 * @returns The outcome.
 * @throws The error itself when it is not about this job.
 * @example
 * ```ts
 * import { jobFailure } from "./job-outcome.js";
 * declare const ctx: import("./context.js").CommandContext;
 * try { await Promise.reject(new Error("x")); } catch (error) { jobFailure(ctx, "b1", error); }
 * ```
 * @internal
 */
export function jobFailure(ctx: CommandContext, jobId: string, error: unknown): JobFailure {
  const name = (error as { name?: unknown } | null)?.name;
  if (ctx.signal.aborted || name === "CliError" || name === "CredentialsError" || name === "CiAbortError") throw error;
  const report = explainError(error, classifyError(error));
  return {
    JobId: jobId,
    exitCode: report.exitCode,
    Code: report.code,
    Message: report.message,
    RequestId: report.requestId ?? null,
  };
}

/**
 * A failure as printed in JSON (`{"JobId", "Code", "Message", "RequestId"}`).
 *
 * @param failure - The failure.
 * @returns Plain JSON.
 * @internal
 */
export function failureJson(failure: JobFailure): { [key: string]: Json } {
  return { JobId: failure.JobId, Code: failure.Code, Message: failure.Message, RequestId: failure.RequestId };
}

/**
 * The line naming a job the service does not know.
 *
 * @param jobId - The job.
 * @param where - The client's bucket and region.
 * @returns The line.
 * @internal
 */
export function notFoundLine(jobId: string, where: { readonly bucket: string; readonly region: string }): string {
  return `cibatch: job ${jobId} not found in bucket ${where.bucket} (${where.region}); check the id, --bucket and --region.`;
}
