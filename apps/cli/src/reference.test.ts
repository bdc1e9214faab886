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
      expect(page).toContain(`\n## ${path.join(" ")}\n`);
      expect(page).toContain(`\ncibatch ${path.join(" ")}`);
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

  it("bash completes each command's own flag values, files only where a file goes, job ids from a list call", () => {
    const complete = (words: string[]): string[] => {
      // A stand-in for the binary: the quick list call answers with two ids.
      const script = `cibatch() { [[ "$*" == "jobs list --limit 50 "* ]] && printf '%s\\n' b3deffea2f84911ec9cb15254008618d9 be4545ce55ba0412113701657c42f131d; }
${completionScript("bash")}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _cibatch; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync("bash", ["-c", script]).toString().trim().split("\n").filter(Boolean);
    };
    expect(complete(["cibatch", "jobs", "wait", "b1", "--until", "t"])).toEqual(["terminal"]);
    // `jobs list --until` takes a time: neither wait's conditions nor file names.
    expect(complete(["cibatch", "jobs", "list", "--until", ""])).toEqual([]);
    expect(complete(["cibatch", "jobs", "list", "--name", ""])).toEqual([]);
    expect(complete(["cibatch", "jobs", "list", "--states", "Running,F"])).toEqual(["Running,Failed"]);
    expect(complete(["cibatch", "jobs", "create", "--cli-input-json", "/etc/host"])).toContain("/etc/hostname");
    expect(complete(["cibatch", "--region", "ap-bei"])).toEqual(["ap-beijing", "ap-beijing-1", "ap-beijing-fsi"]);
    expect(complete(["cibatch", "jobs", "describe", "b3"])).toEqual(["b3deffea2f84911ec9cb15254008618d9"]);
    expect(complete(["cibatch", "jobs", "list", "--job-id", "be"])).toEqual(["be4545ce55ba0412113701657c42f131d"]);
    expect(completionScript("bash")).toContain("--cli-connect-timeout 1 --cli-total-timeout 2");
  });

  it("fish offers values per flag, files only for file flags, and job ids", () => {
    const fish = completionScript("fish");
    expect(fish).toContain("complete -c cibatch -f\n");
    expect(fish).toMatch(/__fish_seen_subcommand_from wait" -l until -x -a 'success terminal running'/);
    expect(fish).toMatch(/__fish_seen_subcommand_from list" -l until -x -d/);
    expect(fish).toMatch(/-l cli-input-json -r -F -d/);
    expect(fish).toMatch(/__fish_seen_subcommand_from describe" -a '\(__cibatch_job_ids\)'/);
  });

  it("`cibatch completion <shell>` prints the same script", async () => {
    const result = await harness().run(["completion", "fish"]);
    expect(result).toMatchObject({ code: 0, stdout: completionScript("fish") });
  });
});
