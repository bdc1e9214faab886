/**
 * One flag of a command, declared once: the help text, the completion scripts and the reference page all come
 * from it.
 *
 * @example
 * ```ts
 * import type { OptionSpec } from "@cibatch/cli";
 * const output: OptionSpec = { flags: "-o, --output <format>", description: "output format", choices: ["json", "table"] };
 * ```
 */
export interface OptionSpec {
  /** Commander flag syntax: `-o, --output <format>`, `--yes`, `--no-paginate`. */
  readonly flags: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Allowed values (checked by the parser, offered by completion). */
  readonly choices?: readonly string[];
  /** The default, as shown in help. */
  readonly defaultText?: string;
  /** Whether the flag may be given several times (values collected into an array). */
  readonly repeatable?: boolean;
  /** The environment variable that sets the same thing. */
  readonly env?: string;
  /** What completion offers for the value besides `choices`: file names, or job ids from a quick list call. */
  readonly valueHint?: "file" | "job-id";
  /** Values completion offers without the parser enforcing them (new regions appear). */
  readonly suggestions?: readonly string[];
  /** The value is a comma-separated list of `suggestions` (completion offers the next element). */
  readonly commaList?: boolean;
}

/**
 * One positional argument of a command.
 *
 * @example
 * ```ts
 * import type { ArgumentSpec } from "@cibatch/cli";
 * const ids: ArgumentSpec = { name: "jobId", description: "job ids", required: true, variadic: true };
 * ```
 */
export interface ArgumentSpec {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly variadic?: boolean;
  readonly choices?: readonly string[];
  /** What completion offers: job ids from a quick list call. */
  readonly valueHint?: "job-id";
}

/**
 * Which module runs a command (loaded only when that command runs, so `--help` stays fast).
 *
 * @example
 * ```ts
 * import type { HandlerName } from "@cibatch/cli";
 * const name: HandlerName = "jobs-describe";
 * ```
 */
export type HandlerName =
  | "jobs-create"
  | "jobs-describe"
  | "jobs-list"
  | "jobs-cancel"
  | "jobs-wait"
  | "jobs-watch"
  | "configure"
  | "configure-list"
  | "configure-set"
  | "configure-get"
  | "sign"
  | "fake"
  | "completion"
  | "help";

/**
 * A command, declared once as data.
 *
 * @example
 * ```ts
 * import type { CommandSpec } from "@cibatch/cli";
 * const wait: CommandSpec = { name: "wait", summary: "block until a job reaches a state", handler: "jobs-wait" };
 * ```
 */
export interface CommandSpec {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Longer help, shown under the usage line. */
  readonly description?: string;
  /** Other names (the API operation names, for instance). */
  readonly aliases?: readonly string[];
  readonly arguments?: readonly ArgumentSpec[];
  readonly options?: readonly OptionSpec[];
  /** The exit statuses this command can end with, besides 0, 1 and 2. */
  readonly exitCodes?: readonly number[];
  /** Example command lines. */
  readonly examples?: readonly string[];
  readonly subcommands?: readonly CommandSpec[];
  /** The module that runs it (absent for a group such as `jobs`). */
  readonly handler?: HandlerName;
}
