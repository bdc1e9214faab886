import type { FetchLike } from "@cibatch/ci-client";

/**
 * A stream the CLI writes to: `process.stdout`, `process.stderr`, or a test's collector.
 *
 * @example
 * ```ts
 * import type { OutputStream } from "@cibatch/cli";
 * const chunks: string[] = [];
 * const out: OutputStream = { write: (text) => chunks.push(text) };
 * ```
 */
export interface OutputStream {
  write(text: string): unknown;
}

/**
 * Everything {@link run} touches outside itself. Only `stdout`, `stderr` and `env` are required; the rest default
 * to the real thing (`fetch`: the client's Node transport; `clock`: `Date.now`; `sleep`: timers; `isTTY`: all
 * `false`; `stdin`: none; `onSignal`: nothing is ever interrupted).
 *
 * @example
 * ```ts
 * import { run, type CliIo } from "@cibatch/cli";
 * let out = "";
 * const io: CliIo = { stdout: { write: (t) => (out += t) }, stderr: { write: () => true }, env: {} };
 * const code = await run(["help", "exit-codes"], io);
 * console.log(code, out);
 * ```
 */
export interface CliIo {
  /** Where data goes. */
  readonly stdout: OutputStream;
  /** Where messages, errors, progress and debug traces go. */
  readonly stderr: OutputStream;
  /** The environment (`CIBATCH_*`, `TENCENTCLOUD_*`, `NO_COLOR`, `FORCE_COLOR`, `CI`, `TZ`, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input: read by `--cli-input-json -`, `--job-param-xml -` and confirmation prompts. */
  readonly stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** Which streams are terminals. Default: none. */
  readonly isTTY?: { readonly stdin?: boolean; readonly stdout?: boolean; readonly stderr?: boolean } | undefined;
  /** Terminal width for tables (only used when stdout is a TTY). */
  readonly columns?: number | undefined;
  /** The `fetch` every request goes through (tests pass a fake's `fetch`). */
  readonly fetch?: FetchLike | undefined;
  /** The time source. */
  readonly clock?: { now(): number } | undefined;
  /** Sleeps `ms`; rejects with the signal's reason when it aborts. */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Subscribes to SIGINT/SIGTERM; returns an unsubscribe function. */
  readonly onSignal?: ((handler: (signal: string) => void) => () => void) | undefined;
  /** Switches the terminal on stdin to raw mode (no echo) and back, for secret answers in `configure`. */
  readonly setRawMode?: ((on: boolean) => void) | undefined;
  /** The home directory (for `~/.cibatch/config` and `~/.tencentcloud/credentials`). */
  readonly homedir?: (() => string) | undefined;
}
