import { type CompletionShell, completionScript } from "../completion.js";
import type { CommandHandler } from "../support/context.js";

/**
 * `cibatch completion bash|zsh|fish`: prints the script (commander has already checked the shell name).
 *
 * @example
 * ```ts
 * import { execute } from "./completion.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  ctx.io.stdout.write(completionScript(ctx.args[0] as CompletionShell));
  return 0;
};
