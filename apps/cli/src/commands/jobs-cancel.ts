import { CliError } from "../cli-error.js";
import { EXIT, worstExit } from "../exit-codes.js";
import type { CommandContext, CommandHandler } from "../support/context.js";
import { noteDecodeWarnings } from "../support/decode-warnings.js";
import { type JobFailure, jobFailure, notFoundLine } from "../support/job-outcome.js";
import { waitForState } from "./jobs-wait.js";

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  ctx.io.stderr.write(question);
  const stdin = ctx.io.stdin;
  if (stdin === undefined) {
    ctx.io.stderr.write("\n");
    return false;
  }
  let answer = "";
  const decoder = new TextDecoder();
  for await (const chunk of stdin) {
    answer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (answer.includes("\n")) break;
  }
  // No answer line (standard input ended): end the prompt's line before anything else is written.
  if (!answer.includes("\n")) ctx.io.stderr.write("\n");
  return /^\s*y(es)?\s*$/i.test(answer.split("\n")[0] ?? "");
}

interface CancelOutcome {
  readonly JobId: string;
  /** `cancelled`, `not found` or `error`. */
  readonly Outcome: "cancelled" | "not found" | "error";
  readonly RequestId: string | null;
  readonly Code: string | null;
  readonly Message: string | null;
}

function outcomeOf(failure: JobFailure): CancelOutcome {
  return {
    JobId: failure.JobId,
    Outcome: failure.exitCode === EXIT.NOT_FOUND ? "not found" : "error",
    RequestId: failure.RequestId,
    Code: failure.Code,
    Message: failure.Message,
  };
}

/**
 * `cibatch jobs cancel <jobId...>`: asks for confirmation when stdin and stderr are terminals (unless `--yes`;
 * declining exits 12 and changes nothing; under `--no-input` or `CI=true` the confirmation it would need is a
 * usage error, exit 2), then cancels each job and prints every job's outcome (`cancelled`, `not found`, or
 * `error` with its code) in every format: `{"Results": [{"JobId", "Outcome", "RequestId", "Code", "Message"}]}`.
 * Each job not cancelled is also named on stderr; the exit status is the worst outcome (a single id that fails is
 * reported as the command's error). `--wait` then waits for state `Cancel` of each job cancelled.
 *
 * @example
 * ```ts
 * import { execute } from "./jobs-cancel.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const ids = [...new Set(ctx.args[0] as string[])];
  const terminal = ctx.io.isTTY?.stdin === true && ctx.io.isTTY?.stderr === true;
  if (terminal && !ctx.yes) {
    if (!ctx.interactive) {
      throw new CliError("USAGE", `cancelling ${ids.join(", ")} needs confirmation: add --yes`);
    }
    const ok = await confirm(
      ctx,
      `Cancel ${ids.length === 1 ? "job" : "jobs"} ${ids.join(", ")}? The jobs stop processing objects. [y/N] `,
    );
    if (!ok) throw new CliError("DECLINED", "not cancelled: the confirmation was declined; nothing was changed");
  }
  const client = await ctx.client();
  const results: CancelOutcome[] = [];
  const codes: number[] = [];
  for (const id of ids) {
    try {
      const result = await client.cancelJob(id, { signal: ctx.signal });
      noteDecodeWarnings(ctx, result, id);
      results.push({
        JobId: result.jobId,
        Outcome: "cancelled",
        RequestId: result.$metadata.requestId ?? null,
        Code: null,
        Message: null,
      });
      codes.push(EXIT.OK);
    } catch (error) {
      // One id that failed is the command's failure: reported like any other error (stderr, JSON envelope).
      if (ids.length === 1) throw error;
      const failure = jobFailure(ctx, id, error);
      results.push(outcomeOf(failure));
      codes.push(failure.exitCode);
    }
  }
  const rows = results.map((r) => [
    r.JobId,
    r.Outcome,
    r.RequestId ?? "",
    r.Outcome === "error" ? `${r.Code}: ${r.Message}` : (r.Code ?? ""),
  ]);
  await ctx.emit({
    data: { Results: results.map((r) => ({ ...r })) },
    table: {
      columns: ["JobId", "Outcome", "RequestId", "Error"],
      rows,
      fit: [{}, {}, { drop: 1 }, { shrink: 12 }],
    },
    text: rows,
  });
  for (const r of results) {
    if (r.Outcome === "not found") ctx.note(notFoundLine(r.JobId, client));
    else if (r.Outcome === "error") ctx.note(`cibatch: job ${r.JobId}: ${r.Message}`);
  }
  let code = worstExit(codes);
  if (ctx.options.wait === true) {
    for (const r of results) {
      if (r.Outcome !== "cancelled") continue;
      code = worstExit([code, await waitForState(ctx, r.JobId, "cancel", {})]);
    }
  }
  return code;
};
