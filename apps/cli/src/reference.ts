import { EXIT_CODES } from "./exit-codes.js";
import { usageOf } from "./program.js";
import { COMMANDS, GLOBAL_OPTIONS } from "./spec/commands.js";
import type { CommandSpec, OptionSpec } from "./spec/types.js";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function optionRows(options: readonly OptionSpec[]): string[] {
  return [
    "| Flag | Description | Default | Env |",
    "| --- | --- | --- | --- |",
    ...options.map((o) => {
      const description = o.choices
        ? `${o.description} (${o.choices.map((c) => `\`${c}\``).join(", ")})`
        : o.description;
      return `| \`${cell(o.flags)}\` | ${cell(description)}${o.repeatable ? " (repeatable)" : ""} | ${o.defaultText ? `\`${cell(o.defaultText)}\`` : ""} | ${o.env ? `\`${o.env}\`` : ""} |`;
    }),
  ];
}

function section(spec: CommandSpec, path: readonly string[]): string[] {
  // A plain-text heading, so its anchor is the command's name (`#jobs-describe`); the usage block shows it whole.
  const title = [...path, spec.name].join(" ");
  const lines = [`## ${title}`, "", `${spec.summary.charAt(0).toUpperCase()}${spec.summary.slice(1)}.`, ""];
  if (spec.description) lines.push(spec.description, "");
  lines.push("```sh", usageOf(spec, path), "```", "");
  if (spec.aliases?.length)
    lines.push(`Also: ${spec.aliases.map((a) => `\`${[...path, a].join(" ")}\``).join(", ")}.`, "");
  if (spec.arguments?.length) {
    lines.push("| Argument | Description |", "| --- | --- |");
    for (const arg of spec.arguments) {
      const choices = arg.choices ? ` (${arg.choices.map((c) => `\`${c}\``).join(", ")})` : "";
      lines.push(
        `| \`${arg.name}${arg.variadic ? "..." : ""}\` | ${cell(arg.description)}${choices}${arg.required ? "" : " (optional)"} |`,
      );
    }
    lines.push("");
  }
  if (spec.options?.length) lines.push(...optionRows(spec.options), "");
  if (spec.exitCodes?.length)
    lines.push(`Exit statuses besides 0, 1 and 2: ${spec.exitCodes.join(", ")} (see [exit codes](#exit-codes)).`, "");
  if (spec.examples?.length) lines.push("Examples:", "", "```sh", ...spec.examples, "```", "");
  const out = spec.handler ? lines : [];
  for (const child of spec.subcommands ?? []) out.push(...section(child, [...path, spec.name]));
  return out;
}

/**
 * The CLI reference page (Markdown) for the docs site, generated from the same declarations as `--help` and the
 * completion scripts: global flags, every command with its usage, arguments, flags, exit statuses and examples,
 * and the exit-code table.
 *
 * @returns The page.
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * import { cliReferenceMarkdown } from "@cibatch/cli";
 * writeFileSync("cli-reference.md", cliReferenceMarkdown());
 * ```
 */
export function cliReferenceMarkdown(): string {
  const lines = [
    "# `cibatch` command reference",
    "",
    "<!-- Generated from apps/cli/src/spec/commands.ts by cliReferenceMarkdown(); do not edit by hand. -->",
    "",
    "Settings come from flags, then the environment, then the profile in `~/.cibatch/config` (`CIBATCH_CONFIG_FILE`), then defaults.",
    "Credentials come from `TENCENTCLOUD_SECRET_ID`/`TENCENTCLOUD_SECRET_KEY` (and `TENCENTCLOUD_SESSION_TOKEN`), then `~/.tencentcloud/credentials`.",
    "",
    "## Global flags",
    "",
    ...optionRows(GLOBAL_OPTIONS),
    "",
  ];
  for (const spec of COMMANDS) lines.push(...section(spec, []));
  lines.push(
    "## Exit codes",
    "",
    "| Code | Meaning |",
    "| --- | --- |",
    ...EXIT_CODES.map((r) => `| ${r.code} | ${cell(r.meaning)} |`),
    "",
  );
  return lines.join("\n");
}
