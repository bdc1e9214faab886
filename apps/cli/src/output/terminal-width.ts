import type { CliIo } from "../io.js";

/**
 * The width output fits: `COLUMNS` when it is a positive whole number, else the terminal's width when the stream
 * is a terminal, else 80.
 *
 * @param io - The environment, TTY facts and terminal width.
 * @param stream - Which stream the text goes to.
 * @returns Columns (at least 20).
 * @example
 * ```ts
 * import { terminalWidth } from "./terminal-width.js";
 * terminalWidth({ stdout: process.stdout, stderr: process.stderr, env: { COLUMNS: "120" } }, "stdout"); // 120
 * ```
 * @internal
 */
export function terminalWidth(io: CliIo, stream: "stdout" | "stderr"): number {
  const fromEnv = io.env.COLUMNS?.trim();
  let width = 80;
  if (fromEnv && /^\d+$/.test(fromEnv) && Number(fromEnv) > 0) width = Number(fromEnv);
  else if (io.isTTY?.[stream] === true && io.columns !== undefined && io.columns > 0) width = io.columns;
  return Math.max(20, width);
}
