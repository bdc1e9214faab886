import { EXIT } from "../exit-codes.js";
import { isoTime } from "../output/job-json.js";
import { styleState } from "../output/table.js";
import type { CommandHandler } from "../support/context.js";
import { parseDuration } from "../support/duration.js";
import { elapsed, isTerminal, pollJob } from "../support/poll-job.js";

/**
 * `cibatch jobs watch <jobId>`: on a terminal, one status line on stderr redrawn in place
 * (`state · elapsed · jobId · last request id`); otherwise one line per state change on stdout (tab-separated
 * ISO time, state, job id, request id; a JSON object per line with `-o json`). Ends on `Success`, `Failed` or
 * `Cancel` (exit 0; 9 for `Failed`/`Cancel` with `--exit-status`). Ctrl-C stops watching, says the job keeps
 * running, and exits 130.
 *
 * @example
 * ```ts
 * import { execute } from "./jobs-watch.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const jobId = ctx.args[0] as string;
  const intervalMs =
    typeof ctx.options.interval === "string" ? parseDuration(ctx.options.interval, "--interval") : 3000;
  const timeoutMs = typeof ctx.options.timeout === "string" ? parseDuration(ctx.options.timeout, "--timeout") : 0;
  const client = await ctx.client();
  const start = ctx.now();
  const live = ctx.liveStderr;
  let lastState: string | undefined;
  let drawn = false;
  const draw = (state: string, requestId: string | undefined): void => {
    const line = `${styleState(state, ctx.stderrStyles)} · ${elapsed(ctx.now() - start)} · ${jobId}${requestId ? ` · ${requestId}` : ""}`;
    ctx.io.stderr.write(`\r\x1b[2K${line}`);
    drawn = true;
  };
  const endLine = (): void => {
    if (drawn) ctx.io.stderr.write("\n");
    drawn = false;
  };
  let finalState: string;
  try {
    const job = await pollJob({
      client,
      jobId,
      intervalMs,
      timeoutMs,
      signal: ctx.signal,
      now: () => ctx.now(),
      sleep: (ms, signal) => ctx.sleep(ms, signal),
      done: (seen) => isTerminal(String(seen.State)),
      onJob: (seen) => {
        const state = String(seen.State);
        const requestId = seen.$metadata.requestId;
        if (live) draw(state, requestId);
        else if (state !== lastState) {
          const time = isoTime(new Date(ctx.now()));
          ctx.io.stdout.write(
            ctx.format === "json"
              ? `${JSON.stringify({ Time: time, JobId: jobId, State: state, RequestId: requestId ?? null })}\n`
              : `${time}\t${state}\t${jobId}\t${requestId ?? ""}\n`,
          );
        }
        lastState = state;
      },
    });
    finalState = String(job.State);
  } catch (error) {
    endLine();
    if (ctx.signal.aborted) {
      ctx.note(
        `Stopped watching; job ${jobId} is still ${lastState ?? "unknown"} and keeps running. Cancel it with: cibatch jobs cancel ${jobId}`,
      );
      return EXIT.INTERRUPTED;
    }
    throw error;
  }
  endLine();
  if (live) ctx.note(`job ${jobId} ended in state ${finalState} after ${elapsed(ctx.now() - start)}`);
  return ctx.options.exitStatus === true && finalState !== "Success" ? EXIT.JOB_FAILED : EXIT.OK;
};
