import { CliError } from "../cli-error.js";
import type { CommandContext, CommandHandler } from "../support/context.js";
import { waitForState } from "./jobs-wait.js";

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  ctx.io.stderr.write(question);
  const stdin = ctx.io.stdin;
  if (stdin === undefined) return false;
  let answer = "";
  const decoder = new TextDecoder();
  for await (const chunk of stdin) {
    answer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (answer.includes("\n")) break;
  }
  return /^\s*y(es)?\s*$/i.test(answer.split("\n")[0] ?? "");
}

/**
 * `cibatch jobs cancel <jobId...>`: asks for confirmation when stdin and stderr are terminals (unless `--yes` or
 * `--no-input`), cancels each job, and prints `{"Cancelled": [{"JobId", "RequestId"}]}`. On a terminal under
 * `--no-input` (or `CI=true`) the confirmation it would need is a usage error (exit 2) unless `--yes` is given.
 * `--wait` then waits for state `Cancel`.
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
    if (!ok) {
      ctx.note("Not cancelled.");
      return 1;
    }
  }
  const client = await ctx.client();
  const cancelled: { JobId: string; RequestId: string | null }[] = [];
  for (const id of ids) {
    const result = await client.cancelJob(id, { signal: ctx.signal });
    cancelled.push({ JobId: result.jobId, RequestId: result.$metadata.requestId ?? null });
  }
  await ctx.emit({
    data: { Cancelled: cancelled },
    table: { columns: ["JobId", "RequestId"], rows: cancelled.map((c) => [c.JobId, c.RequestId ?? ""]) },
    text: cancelled.map((c) => [c.JobId, c.RequestId ?? ""]),
  });
  if (ctx.options.wait === true) {
    for (const id of ids) {
      const code = await waitForState(ctx, id, "cancel", {});
      if (code !== 0) return code;
    }
  }
  return 0;
};
