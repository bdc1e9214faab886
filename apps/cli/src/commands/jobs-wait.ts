import { EXIT } from "../exit-codes.js";
import { jobToJson } from "../output/job-json.js";
import type { CommandContext, CommandHandler } from "../support/context.js";
import { noteDecodeWarnings } from "../support/decode-warnings.js";
import { parseDuration } from "../support/duration.js";
import { describePollError } from "../support/poll-error.js";
import { isTerminal, stopStates, waitJob } from "../support/wait-job.js";

/**
 * Waits for a job the way `jobs wait`, `jobs create --wait` and `jobs cancel --wait` do, and returns the exit
 * status: 0 when the condition is met, 9 when the job ended `Failed`/`Cancel` instead (unless that was the
 * condition), 8 on timeout, 6 when the service never answered, 130 on Ctrl-C (with a line saying the job keeps
 * running). Failed polls are named on stderr; `print` prints the final job.
 *
 * @param ctx - The command context.
 * @param jobId - The job.
 * @param until - `success`, `terminal`, `running` or `cancel`.
 * @param flags - Interval and timeout flag texts, and whether to print the final job.
 * @returns The exit status.
 * @example
 * ```ts
 * import { waitForState } from "./jobs-wait.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await waitForState(ctx, "b3deffea2f84911ec9cb15254008618d9", "success", { interval: "5s" });
 * ```
 * @internal
 */
export async function waitForState(
  ctx: CommandContext,
  jobId: string,
  until: string,
  flags: { interval?: unknown; timeout?: unknown; print?: boolean },
): Promise<number> {
  const intervalMs = typeof flags.interval === "string" ? parseDuration(flags.interval, "--interval") : 5000;
  const timeoutMs = typeof flags.timeout === "string" ? parseDuration(flags.timeout, "--timeout") : 30 * 60_000;
  const client = await ctx.client();
  let lastState = "unknown";
  let pauseNoted = false;
  let job: Awaited<ReturnType<typeof waitJob>>;
  try {
    job = await waitJob(client, {
      jobId,
      until: stopStates(until),
      intervalMs,
      timeoutMs,
      signal: ctx.signal,
      now: () => ctx.now(),
      onProgress: (seen) => {
        noteDecodeWarnings(ctx, seen, jobId);
        lastState = String(seen.State);
        if (lastState === "Pause" && !pauseNoted) {
          pauseNoted = true;
          ctx.note(`cibatch: job ${jobId} is paused (its queue is paused); still waiting.`);
        }
      },
      onPollError: (error, info) => ctx.note(describePollError(error, info)),
    });
  } catch (error) {
    if (ctx.signal.aborted) {
      ctx.note(`Stopped waiting; job ${jobId} is still ${lastState}. Cancel it with: cibatch jobs cancel ${jobId}`);
      return EXIT.INTERRUPTED;
    }
    throw error;
  }
  if (flags.print) {
    await ctx.emit({
      data: jobToJson(job),
      detail: async ({ styles, maxWidth }) =>
        (await import("../output/job-views.js")).jobDetail(job, ctx.times, styles, maxWidth),
    });
  }
  const state = String(job.State);
  const wanted =
    until === "terminal"
      ? isTerminal(state)
      : until === "cancel"
        ? state === "Cancel"
        : state === "Success" || (until === "running" && state === "Running");
  if (wanted) return EXIT.OK;
  const detail = state === "Failed" && job.Code ? ` (${job.Code}${job.Message ? `: ${job.Message}` : ""})` : "";
  ctx.note(`cibatch: job ${jobId} ended in state ${state}${detail}.`);
  return EXIT.JOB_FAILED;
}

/**
 * `cibatch jobs wait <jobId>`: silent; the result is the exit status (see `cibatch help exit-codes`).
 *
 * @example
 * ```ts
 * import { execute } from "./jobs-wait.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const until = typeof ctx.options.until === "string" ? ctx.options.until : "success";
  return waitForState(ctx, ctx.args[0] as string, until, {
    interval: ctx.options.interval,
    timeout: ctx.options.timeout,
    print: ctx.options.print === true,
  });
};
