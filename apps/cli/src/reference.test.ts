import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { harness } from "./cli.fixture.js";
import { completionScript } from "./completion.js";
import { cliReferenceMarkdown } from "./reference.js";
import { COMMANDS, GLOBAL_OPTIONS } from "./spec/commands.js";
import type { CommandSpec } from "./spec/types.js";

function leaves(specs: readonly CommandSpec[], path: string[] = []): { path: string[]; spec: CommandSpec }[] {
  return specs.flatMap((spec) =>
    spec.subcommands ? leaves(spec.subcommands, [...path, spec.name]) : [{ path: [...path, spec.name], spec }],
  );
}

/** Markdown table cells escape "|". */
const cell = (text: string): string => text.replace(/\|/g, "\\|");

const longFlag = (flags: string): string => (flags.match(/--[\w-]+/) as RegExpMatchArray)[0];

describe("generated from the command declarations", () => {
  it("the reference page documents every command, flag and exit code", () => {
    const page = cliReferenceMarkdown();
    for (const { path, spec } of leaves(COMMANDS)) {
      expect(page).toContain(`## \`cibatch ${path.join(" ")}\``);
      for (const option of spec.options ?? []) expect(page).toContain(`\`${cell(option.flags)}\``);
    }
    for (const option of GLOBAL_OPTIONS) expect(page).toContain(`\`${cell(option.flags)}\``);
    expect(page).toContain("| 130 | interrupted");
  });

  it("every declared flag is accepted by the parser (its --help lists it)", async () => {
    const h = harness();
    for (const { path, spec } of leaves(COMMANDS)) {
      const help = await h.run([...path, "--help"]);
      expect(help.code, path.join(" ")).toBe(0);
      for (const option of spec.options ?? []) expect(help.stdout, path.join(" ")).toContain(longFlag(option.flags));
    }
  });

  it("bash and zsh scripts parse, and all three name every command and flag", () => {
    const bash = completionScript("bash");
    execFileSync("bash", ["-n"], { input: bash });
    for (const shell of ["bash", "zsh", "fish"] as const) {
      const script = completionScript(shell);
      for (const { path, spec } of leaves(COMMANDS)) {
        expect(script).toContain(path[path.length - 1] as string);
        for (const option of spec.options ?? [])
          expect(script).toContain(longFlag(option.flags).slice(shell === "fish" ? 2 : 0));
      }
    }
  });

  it("bash completes subcommands and flag values", () => {
    const complete = (words: string[]): string[] => {
      const script = `${completionScript("bash")}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _cibatch; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync("bash", ["-c", script]).toString().trim().split("\n");
    };
    expect(complete(["cibatch", "jobs", "de"])).toEqual(["describe"]);
    expect(complete(["cibatch", "jobs", "list", "--output", "y"])).toEqual(["yaml"]);
    expect(complete(["cibatch", "jobs", "list", "--max-"])).toEqual(["--max-items"]);
  });

  it("`cibatch completion <shell>` prints the same script", async () => {
    const result = await harness().run(["completion", "fish"]);
    expect(result).toMatchObject({ code: 0, stdout: completionScript("fish") });
  });
});
