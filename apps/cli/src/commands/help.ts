import { exitCodesText } from "../exit-codes.js";
import type { CommandHandler } from "../support/context.js";

/**
 * `cibatch help exit-codes`: prints the exit-code table (text, whatever `--output` says: it is help).
 *
 * @example
 * ```ts
 * import { execute } from "./help.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  ctx.io.stdout.write(exitCodesText());
  return 0;
};
