import type { DecodeWarning, ResponseMetadata } from "@cibatch/ci-client";
import type { CommandContext } from "./context.js";

/** A result of the client: a job, or a page or answer holding jobs, with the `$metadata` of its response. */
interface ClientResult {
  readonly $metadata?: ResponseMetadata | undefined;
  /** The jobs of a page or an answer (absent on a job, which is itself the job warned about). */
  readonly JobsDetail?: readonly unknown[] | undefined;
}

/** The warnings already printed in one run, so that a job polled many times is warned about once. */
const printed = new WeakMap<CommandContext, Set<string>>();

const JOB_PATH = /^(?:Response\.)?JobsDetail(?:\[(\d+)\])?(?:\.(.*))?$/;

function jobIdOf(value: unknown): string | undefined {
  const id = (value as { JobId?: unknown } | undefined)?.JobId;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Which job and which field of it a warning is about: `Response.JobsDetail[2].Operation.TimeInterval.End` of a list
 * page is field `Operation.TimeInterval.End` of the page's third job; on a job result the job is the result itself.
 */
function locate(warning: DecodeWarning, result: ClientResult, jobId: string | undefined): [string, string] {
  const match = JOB_PATH.exec(warning.path);
  if (match === null) return [jobId === undefined ? "the response" : `job ${jobId}`, warning.path];
  const job = result.JobsDetail === undefined ? result : result.JobsDetail[Number(match[1] ?? 0)];
  const id = jobIdOf(job) ?? jobId;
  return [id === undefined ? "a job" : `job ${id}`, match[2] ?? "JobsDetail"];
}

/**
 * One warning in the user's words: which field of which job had what value, and what the CLI did with it.
 *
 * @param warning - A warning of the client's response decoding.
 * @param result - The result it came with (to name the job).
 * @param jobId - The job asked for, when the result itself does not name it.
 * @returns The line, without the `cibatch: warning:` prefix.
 * @example
 * ```ts
 * import { decodeWarningLine } from "./decode-warnings.js";
 * const warning = {
 *   path: "Response.JobsDetail[0].Operation.TimeInterval.End",
 *   expected: "a time like 2022-06-27T15:23:10+0800",
 *   found: '"60"',
 *   message: "",
 * };
 * decodeWarningLine(warning, { JobsDetail: [{ JobId: "b1" }] });
 * // 'job b1: Operation.TimeInterval.End: expected a time like 2022-06-27T15:23:10+0800, found "60"; the raw text was
 * // kept and is shown as received'
 * ```
 * @internal
 */
export function decodeWarningLine(warning: DecodeWarning, result: ClientResult, jobId?: string): string {
  const [job, field] = locate(warning, result, jobId);
  // The decoder leaves a missing required element absent and keeps every other odd value as it came.
  if (/left absent\.?$/.test(warning.message)) {
    return `${job}: ${field}: expected ${warning.expected}, found ${warning.found}; the job is shown without it`;
  }
  return `${job}: ${field}: expected ${warning.expected}, found ${warning.found}; the raw text was kept and is shown as received`;
}

/**
 * Prints on stderr, one line each in the CLI's warning style, the decode warnings of a client result
 * (`$metadata.warnings`: a value the service sent that does not fit its type). Never on stdout, so `-o json`
 * stays parseable; the value itself is in the output as the raw text received. A warning already printed in this
 * run (the same job, field and value seen by another poll) is not repeated.
 *
 * @param ctx - The command context (its `note` and styles).
 * @param result - What the client returned.
 * @param jobId - The job asked for, when the result does not name it (`cancelJob`).
 * @example
 * ```ts
 * import { noteDecodeWarnings } from "./decode-warnings.js";
 * declare const ctx: import("./context.js").CommandContext;
 * const page = await (await ctx.client()).listJobs({});
 * noteDecodeWarnings(ctx, page);
 * ```
 * @internal
 */
export function noteDecodeWarnings(ctx: CommandContext, result: ClientResult, jobId?: string): void {
  const warnings = result.$metadata?.warnings ?? [];
  if (warnings.length === 0) return;
  let seen = printed.get(ctx);
  if (seen === undefined) {
    seen = new Set();
    printed.set(ctx, seen);
  }
  for (const warning of warnings) {
    const line = decodeWarningLine(warning, result, jobId);
    if (seen.has(line)) continue;
    seen.add(line);
    ctx.note(`${ctx.stderrStyles.yellow("cibatch: warning:")} ${line}`);
  }
}
