import { readFileSync } from "node:fs";
import { Argument, Command, InvalidArgumentError, Option } from "commander";
import type { CliIo } from "./io.js";
import { terminalWidth } from "./output/terminal-width.js";
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
    spec.choices !== undefined ? `one of: ${spec.choices.join(", ")}` : "",
    spec.defaultText !== undefined ? `default: ${spec.defaultText}` : "",
    spec.env !== undefined ? `env: ${spec.env}` : "",
  ].filter(Boolean);
  return extras.length > 0 ? `${spec.description} (${extras.join("; ")})` : spec.description;
}

/**
 * Checks a value against a flag's choices in any case (`--type Workflow` as the tables print it, or `workflow`)
 * and returns the declared spelling.
 *
 * @param choices - The allowed values.
 * @returns A commander argument parser.
 */
function choiceParser(choices: readonly string[]): (value: string) => string {
  return (value) => {
    const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase());
    if (match === undefined) throw new InvalidArgumentError(`use one of: ${choices.join(", ")}.`);
    return match;
  };
}

function optionOf(spec: OptionSpec): Option {
  const option = new Option(spec.flags, describeOption(spec));
  if (spec.choices) option.argParser(choiceParser(spec.choices));
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

/**
 * Wraps an example command line at `width` with shell continuations (` \`), so it can still be pasted.
 *
 * @param line - The line.
 * @param width - The columns available.
 * @returns The wrapped text.
 */
function wrapCommand(line: string, width: number): string {
  if (line.length <= width) return line;
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  const [first = "", ...words] = line.trim().split(" ");
  const lines: string[] = [];
  let current = `${indent}${first}`;
  for (const word of words) {
    if (current.trim() !== "$" && current.length + 1 + word.length + 2 > width) {
      lines.push(`${current} \\`);
      current = `${indent}    ${word}`;
    } else current = `${current} ${word}`;
  }
  lines.push(current);
  return lines.join("\n");
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
    .configureHelp({
      showGlobalOptions: true,
      // The API operation aliases make the command column too wide to wrap at 80; each command's own help names them.
      subcommandTerm: (command) =>
        [
          command.name(),
          ...command.registeredArguments.map((arg) => {
            const name = `${arg.name()}${arg.variadic ? "..." : ""}`;
            return arg.required ? `<${name}>` : `[${name}]`;
          }),
        ].join(" "),
    })
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text) => onParseError(text),
      getOutHelpWidth: () => terminalWidth(io, "stdout"),
      getErrHelpWidth: () => terminalWidth(io, "stderr"),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
  for (const spec of GLOBAL_OPTIONS) program.addOption(optionOf(spec));
  program.addHelpText("after", (context) => {
    const width = terminalWidth(io, context.error ? "stderr" : "stdout");
    const help = context.command.createHelp();
    return `\n${[
      "Run `cibatch help exit-codes` for the exit statuses, `cibatch <command> --help` for a command's flags.",
      "Point at the embedded fake: `cibatch fake`, then --endpoint-url http://127.0.0.1:<port>.",
    ]
      .map((line) => help.boxWrap(line, width))
      .join("\n")}\n`;
  });

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
      if (arg.choices && spec.name !== "help") argument.argParser(choiceParser(arg.choices));
      command.addArgument(argument);
    }
    for (const option of spec.options ?? []) command.addOption(optionOf(option));
    const examples = spec.examples;
    if (examples?.length) {
      command.addHelpText("after", (context) => {
        const width = terminalWidth(io, context.error ? "stderr" : "stdout");
        return `\nExamples:\n${examples.map((e) => wrapCommand(`  $ ${e}`, width)).join("\n")}\n`;
      });
    }
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
