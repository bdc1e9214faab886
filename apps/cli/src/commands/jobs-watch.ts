import { EXIT } from "../exit-codes.js";
import { cutToWidth, styleState } from "../output/table.js";
import { terminalWidth } from "../output/terminal-width.js";
import { formatDuration, isoUtc } from "../output/times.js";
import type { CommandHandler } from "../support/context.js";
import { noteDecodeWarnings } from "../support/decode-warnings.js";
import { parseDuration } from "../support/duration.js";
import { describePollError } from "../support/poll-error.js";
import { stopStates, waitJob } from "../support/wait-job.js";

/**
 * `cibatch jobs watch <jobId>`: on a terminal, one status line on stderr (`state · elapsed · jobId`), cut to the
 * terminal's width and redrawn in place; otherwise one line per state change on stdout (tab-separated ISO time,
 * state, job id, request id; a JSON object per line with `-o json`). Failed polls are named on stderr on their
 * own line. Ends on `Success`, `Failed` or `Cancel` (exit 0; 9 for `Failed`/`Cancel` with `--exit-status`), at
 * `--timeout` (8), or when the service cannot be reached (6). Ctrl-C stops watching, says the job keeps running,
 * and exits 130.
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
  // One column short of the width: a line that fills the last column makes some terminals wrap early.
  const width = terminalWidth(ctx.io, "stderr") - 1;
  let lastState: string | undefined;
  let drawn = false;
  const draw = (state: string): void => {
    const plain = cutToWidth(`${state} · ${formatDuration(ctx.now() - start)} · ${jobId}`, width);
    const line = plain.startsWith(state) ? styleState(state, ctx.stderrStyles) + plain.slice(state.length) : plain;
    ctx.io.stderr.write(`\r\x1b[2K${line}`);
    drawn = true;
  };
  const endLine = (): void => {
    if (drawn) ctx.io.stderr.write("\r\x1b[2K");
    drawn = false;
  };
  let finalState: string;
  try {
    const job = await waitJob(client, {
      jobId,
      until: stopStates("terminal"),
      intervalMs,
      timeoutMs,
      signal: ctx.signal,
      now: () => ctx.now(),
      onProgress: (seen) => {
        const state = String(seen.State);
        if (seen.$metadata.warnings.length > 0) {
          endLine();
          noteDecodeWarnings(ctx, seen, jobId);
        }
        if (live) draw(state);
        else if (state !== lastState) {
          const time = isoUtc(new Date(ctx.now()));
          const requestId = seen.$metadata.requestId;
          ctx.io.stdout.write(
            ctx.format === "json"
              ? `${JSON.stringify({ Time: time, JobId: jobId, State: state, RequestId: requestId ?? null })}\n`
              : `${time}\t${state}\t${jobId}\t${requestId ?? ""}\n`,
          );
        }
        lastState = state;
      },
      onPollError: (error, info) => {
        endLine();
        ctx.note(describePollError(error, info));
        if (live && lastState !== undefined) draw(lastState);
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
  if (live) ctx.note(`job ${jobId} ended in state ${finalState} after ${formatDuration(ctx.now() - start)}`);
  return ctx.options.exitStatus === true && finalState !== "Success" ? EXIT.JOB_FAILED : EXIT.OK;
};
