import type { CiClient, ResolvedCredentials } from "@cibatch/ci-client";
import type { CliIo } from "../io.js";
import type { OutputFormat, OutputView } from "../output/render.js";
import type { Styles } from "../output/table.js";
import type { TimeContext } from "../output/times.js";
import type { Settings } from "../settings/settings.js";

/**
 * Everything a command's `execute` gets: its arguments and flags, the resolved settings and output rules, and
 * lazily built credentials and client.
 *
 * @example
 * ```ts
 * import type { CommandContext } from "./context.js";
 * async function execute(ctx: CommandContext): Promise<number> {
 *   await ctx.emit({ data: { hello: "world" } });
 *   return 0;
 * }
 * ```
 * @internal
 */
export interface CommandContext {
  readonly io: CliIo;
  /** Positional arguments as parsed (a variadic argument is an array). */
  readonly args: readonly unknown[];
  /** The command's own flags (camelCase names). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly settings: Settings;
  readonly format: OutputFormat;
  /** Where `format` came from (for `configure list`). */
  readonly formatSource: string;
  /** How tables and text write job times (`--time-format`, else relative in a table on a terminal). */
  readonly times: TimeContext;
  /** The width tables and wrapped text fit: `COLUMNS`, else the terminal's, else 80. */
  readonly width: number;
  readonly stdoutStyles: Styles;
  readonly stderrStyles: Styles;
  readonly debug: boolean;
  /** `--yes`. */
  readonly yes: boolean;
  /** Prompts are allowed: stdin and stderr are terminals, no `--no-input`, `CI` is not `true`. */
  readonly interactive: boolean;
  /** stderr is a terminal and `CI` is not `true`: live status lines may be redrawn. */
  readonly liveStderr: boolean;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  /** Milliseconds since the epoch (the injected clock). */
  now(): number;
  /** Sleeps, rejecting when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Renders a result to stdout in the chosen format, after `--query`. */
  emit(view: OutputView): Promise<void>;
  /** Writes one message line to stderr. */
  note(line: string): void;
  /** Resolves credentials through the default chain (env, then the profile file). */
  credentials(): Promise<ResolvedCredentials>;
  /** The client for the resolved bucket, region and endpoint. */
  client(): Promise<CiClient>;
}

/**
 * A command module's entry point: returns the exit status, or throws (the error is classified and rendered).
 *
 * @example
 * ```ts
 * import type { CommandHandler } from "./context.js";
 * const execute: CommandHandler = async () => 0;
 * ```
 * @internal
 */
export type CommandHandler = (ctx: CommandContext) => Promise<number>;
