import { isatty } from "node:tty";
import type { CliIo } from "./io.js";

/**
 * The real process as a {@link CliIo}: `process.stdout`/`stderr`, `process.env`, standard input (opened only
 * when read), TTY facts, the terminal width, and SIGINT/SIGTERM. A closed pipe on stdout (`cibatch ... | head`)
 * ends the process quietly.
 *
 * @returns The io.
 * @example
 * ```ts
 * import { nodeIo, run } from "@cibatch/cli";
 * process.exitCode = await run(process.argv.slice(2), nodeIo());
 * ```
 */
export function nodeIo(): CliIo {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: {
      [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
    },
    isTTY: { stdin: isatty(0), stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
    columns: process.stdout.columns ?? process.stderr.columns,
    setRawMode: (on) => {
      if (process.stdin.isTTY) process.stdin.setRawMode(on);
    },
    onSignal: (handler) => {
      const onInt = (): void => handler("SIGINT");
      const onTerm = (): void => handler("SIGTERM");
      process.on("SIGINT", onInt);
      process.on("SIGTERM", onTerm);
      return () => {
        process.off("SIGINT", onInt);
        process.off("SIGTERM", onTerm);
      };
    },
  };
}
