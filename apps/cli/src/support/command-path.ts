import { COMMANDS, GLOBAL_OPTIONS } from "../spec/commands.js";
import type { CommandSpec, OptionSpec } from "../spec/types.js";

function takesValue(options: readonly OptionSpec[], flag: string): boolean {
  return options.some((option) => option.flags.split(/[ ,]+/).includes(flag) && /[<[]/.test(option.flags));
}

/**
 * The command named on a command line (`["jobs", "list"]` for `cibatch --region ap-beijing jobs list --bogus`),
 * skipping flags and their values, so a usage error can point at that command's own `--help`.
 *
 * @param argv - The arguments.
 * @returns The command names, outermost first (empty when none was named).
 * @example
 * ```ts
 * import { commandPathOf } from "./command-path.js";
 * commandPathOf(["-o", "json", "jobs", "describe", "b1"]); // ["jobs", "describe"]
 * ```
 * @internal
 */
export function commandPathOf(argv: readonly string[]): string[] {
  const path: string[] = [];
  let children: readonly CommandSpec[] = COMMANDS;
  let options: readonly OptionSpec[] = GLOBAL_OPTIONS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    if (arg.startsWith("-")) {
      if (!arg.includes("=") && takesValue(options, arg)) i += 1;
      continue;
    }
    const child = children.find((c) => c.name === arg || c.aliases?.includes(arg));
    if (child === undefined) break;
    path.push(child.name);
    children = child.subcommands ?? [];
    options = [...options, ...(child.options ?? [])];
  }
  return path;
}
