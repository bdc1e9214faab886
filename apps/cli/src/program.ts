import { readFileSync } from "node:fs";
import { Argument, Command, Option } from "commander";
import type { CliIo } from "./io.js";
import { COMMANDS, GLOBAL_OPTIONS } from "./spec/commands.js";
import type { CommandSpec, HandlerName, OptionSpec } from "./spec/types.js";

/**
 * A parsed command line, ready to run: which handler, its positional arguments, its own flags and the global
 * flags.
 *
 * @example
 * ```ts
 * import type { Invocation } from "./program.js";
 * const invocation: Invocation = { handler: "jobs-describe", path: ["jobs", "describe"], args: [["b1"]], options: {}, globals: {} };
 * ```
 * @internal
 */
export interface Invocation {
  readonly handler: HandlerName;
  /** The command path, e.g. `["jobs", "describe"]`. */
  readonly path: readonly string[];
  readonly args: readonly unknown[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly globals: Readonly<Record<string, unknown>>;
}

let version: string | undefined;

/**
 * This package's version (read once from its package.json).
 *
 * @returns The version, e.g. `0.1.0`.
 * @example
 * ```ts
 * import { cliVersion } from "./program.js";
 * console.log(`cibatch ${cliVersion()}`);
 * ```
 * @internal
 */
export function cliVersion(): string {
  if (version === undefined) {
    try {
      version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
        .version;
    } catch {
      version = "0.0.0";
    }
  }
  return version;
}

function describeOption(spec: OptionSpec): string {
  const extras = [
    spec.defaultText !== undefined ? `default: ${spec.defaultText}` : "",
    spec.env !== undefined ? `env: ${spec.env}` : "",
  ].filter(Boolean);
  return extras.length > 0 ? `${spec.description} (${extras.join("; ")})` : spec.description;
}

function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, describeOption(spec));
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable)
    option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
  return option;
}

function argumentText(spec: CommandSpec): string {
  return (spec.arguments ?? [])
    .map((arg) => {
      const name = `${arg.name}${arg.variadic ? "..." : ""}`;
      return arg.required ? `<${name}>` : `[${name}]`;
    })
    .join(" ");
}

function findCommand(root: Command, path: readonly string[]): Command | undefined {
  let current: Command | undefined = root;
  for (const name of path) {
    current = current?.commands.find((c) => c.name() === name || c.aliases().includes(name));
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * Builds the commander program from the command declarations. Running a command only records an
 * {@link Invocation}; `run()` executes it after parsing, so parse errors and command errors take the same path.
 *
 * @param io - Where help and errors are written.
 * @param onInvoke - Receives the parsed command.
 * @param onParseError - Receives commander's error text (usage errors).
 * @returns The program.
 * @example
 * ```ts
 * import { buildProgram } from "./program.js";
 * const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, env: {} }, console.log, console.error);
 * ```
 * @internal
 */
export function buildProgram(
  io: CliIo,
  onInvoke: (invocation: Invocation) => void,
  onParseError: (text: string) => void,
): Command {
  const program = new Command("cibatch");
  program
    .description("Query, start, watch and cancel Tencent Cloud CI batch data processing jobs.")
    .version(cliVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .helpCommand(false)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text) => onParseError(text),
      getOutHelpWidth: () => (io.isTTY?.stdout ? (io.columns ?? 80) : 80),
      getErrHelpWidth: () => (io.isTTY?.stderr ? (io.columns ?? 80) : 80),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  for (const spec of GLOBAL_OPTIONS) program.addOption(optionOf(spec));
  program.addHelpText(
    "after",
    "\nRun `cibatch help exit-codes` for the exit statuses, `cibatch <command> --help` for a command's flags.\n" +
      "Point at the embedded fake: `cibatch fake`, then --endpoint-url http://127.0.0.1:<port>.\n",
  );

  const add = (parent: Command, spec: CommandSpec, path: readonly string[]): void => {
    const command = parent
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.description ?? spec.summary);
    if (spec.aliases) command.aliases([...spec.aliases]);
    for (const arg of spec.arguments ?? []) {
      const text = `${arg.required ? "<" : "["}${arg.name}${arg.variadic ? "..." : ""}${arg.required ? ">" : "]"}`;
      const argument = new Argument(text, arg.description);
      // help's topics are also command paths (`help jobs list`), so only its completion uses the choices.
      if (arg.choices && spec.name !== "help") argument.choices(arg.choices);
      command.addArgument(argument);
    }
    for (const option of spec.options ?? []) command.addOption(optionOf(option));
    if (spec.examples?.length)
      command.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}\n`);
    const here = [...path, spec.name];
    for (const child of spec.subcommands ?? []) add(command, child, here);
    if (spec.name === "help" && path.length === 0) {
      command.action((topics: string[]) => {
        if (topics[0] === "exit-codes") {
          onInvoke({ handler: "help", path: here, args: [topics], options: {}, globals: program.opts() });
          return;
        }
        const target = findCommand(program, topics);
        if (target === undefined) {
          program.error(`error: unknown command '${topics.join(" ")}'; run \`cibatch --help\` for the list`, {
            exitCode: 2,
          });
        }
        (target ?? program).outputHelp();
      });
      return;
    }
    const handler = spec.handler;
    if (handler !== undefined) {
      command.action((...actionArgs: unknown[]) => {
        const self = actionArgs.at(-1) as Command;
        onInvoke({ handler, path: here, args: self.processedArgs, options: self.opts(), globals: program.opts() });
      });
    }
  };
  for (const spec of COMMANDS) add(program, spec, []);
  return program;
}

/**
 * The usage line of a declared command (`cibatch jobs describe <jobId...>`), for the reference page.
 *
 * @param spec - The command.
 * @param path - Its parents' names.
 * @returns The usage text.
 * @example
 * ```ts
 * import { usageOf } from "./program.js";
 * usageOf({ name: "wait", summary: "", arguments: [{ name: "jobId", description: "", required: true }] }, ["jobs"]);
 * // "cibatch jobs wait <jobId> [options]"
 * ```
 * @internal
 */
export function usageOf(spec: CommandSpec, path: readonly string[]): string {
  const args = argumentText(spec);
  return ["cibatch", ...path, spec.name, args, spec.subcommands ? "<command>" : "[options]"].filter(Boolean).join(" ");
}
