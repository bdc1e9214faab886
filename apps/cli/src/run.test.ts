import { describe, expect, it } from "vitest";
import { harness } from "./cli.fixture.js";
import { EXIT_CODES } from "./exit-codes.js";

describe("run(argv, io): parsing", () => {
  it("prints the command list for --help and for no arguments, exit 0", async () => {
    const h = harness();
    for (const argv of [["--help"], []]) {
      const result = await h.run(argv);
      expect(result.code).toBe(0);
      for (const name of ["jobs", "configure", "sign", "fake", "completion", "help"])
        expect(result.stdout).toContain(name);
      expect(result.stderr).toBe("");
    }
  });

  it("prints the version from package.json", async () => {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    const result = await harness().run(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("shows a subcommand's help with its flags and examples", async () => {
    const result = await harness().run(["jobs", "list", "--help"]);
    expect(result.code).toBe(0);
    for (const flag of ["--states", "--max-items", "--page-size", "--no-paginate", "--starting-token"])
      expect(result.stdout).toContain(flag);
    const viaHelp = await harness().run(["help", "jobs", "list"]);
    expect(viaHelp.stdout).toBe(result.stdout);
  });

  it("accepts the API operation names as aliases", async () => {
    const h = harness();
    const result = await h.run([
      "jobs",
      "DescribeInventoryTriggerJob",
      "b3deffea2f84911ec9cb15254008618d9",
      "-o",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Jobs[0].JobId).toBe("b3deffea2f84911ec9cb15254008618d9");
  });

  it("accepts global flags before or after the command", async () => {
    const h = harness();
    const before = await h.run(["-o", "text", "jobs", "describe", "b3deffea2f84911ec9cb15254008618d9"]);
    const after = await h.run(["jobs", "describe", "b3deffea2f84911ec9cb15254008618d9", "-o", "text"]);
    expect(before.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(before.stdout.split("\n")[0]).toBe("JobId     b3deffea2f84911ec9cb15254008618d9");
  });

  it("reports an unknown flag as one line on stderr with exit 2, and nothing on stdout", async () => {
    const result = await harness().run(["jobs", "list", "--bogus"], { isTTY: { stdout: true } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^cibatch: error: unknown option '--bogus'/);
  });

  it("adds a JSON error envelope on stderr when the output is json", async () => {
    const result = await harness().run(["jobs", "list", "--page-size", "500", "-o", "json"]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    const envelope = JSON.parse(lines[1] as string);
    expect(envelope.error).toMatchObject({ code: "USAGE", retryable: false, requestId: null, httpStatus: null });
    expect(envelope.error.message).toContain("--page-size 500");
  });

  it("rejects a value outside a flag's choices, a missing argument and a missing subcommand with exit 2", async () => {
    const h = harness();
    expect((await h.run(["-o", "xml", "jobs", "list"])).code).toBe(2);
    expect((await h.run(["jobs", "describe"])).code).toBe(2);
    expect((await h.run(["jobs"])).code).toBe(2);
    expect((await h.run(["completion", "powershell"])).code).toBe(2);
    expect((await h.run(["nope"])).code).toBe(2);
  });

  it("prints the exit-code table for `help exit-codes`", async () => {
    const result = await harness().run(["help", "exit-codes"]);
    expect(result.code).toBe(0);
    expect(EXIT_CODES.map((r) => r.code)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 130]);
    for (const row of EXIT_CODES) expect(result.stdout).toMatch(new RegExp(`^\\s+${row.code}  \\S`, "m"));
  });

  it("rejects an invalid output format from the environment with exit 3, naming the variable", async () => {
    const result = await harness().run(["jobs", "list"], { env: { CIBATCH_OUTPUT: "xml" } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("CIBATCH_OUTPUT=xml: use json, table, text or yaml");
  });
});
