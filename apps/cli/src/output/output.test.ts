import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { harness } from "../cli.fixture.js";
import { colourEnabled } from "./colour.js";

const JOB = "b3deffea2f84911ec9cb15254008618d9";
const ESC = "\u001b[";

describe("output formats", () => {
  it("json: the demo job with API names, times as the service sent them and null for unset times", async () => {
    const result = await harness().run(["jobs", "describe", JOB, "-o", "json"]);
    expect(result.code).toBe(0);
    const job = JSON.parse(result.stdout).Jobs[0];
    // Values from the describe sample response of the API documentation: CreationTime 2022-06-27T15:23:10+0800, StartTime "-".
    expect(job).toMatchObject({
      Code: "Success",
      Type: "Workflow",
      Name: "demo",
      JobId: JOB,
      State: "Running",
      CreationTime: "2022-06-27T15:23:10+0800",
      StartTime: null,
      EndTime: null,
      Input: { Prefix: "input" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    });
    expect(result.stdout).toMatch(/^\{\n {2}"Jobs"/);
  });

  it("defaults to json when stdout is a pipe and to the detail view on a terminal", async () => {
    const h = harness();
    const piped = await h.run(["jobs", "describe", JOB]);
    expect(() => JSON.parse(piped.stdout)).not.toThrow();
    const tty = await h.run(["jobs", "describe", JOB], { isTTY: { stdout: true }, env: { NO_COLOR: "1" } });
    expect(tty.stdout.split("\n")[0]).toBe(`JobId     ${JOB}`);
  });

  it("yaml carries the same data as json", async () => {
    const h = harness();
    const json = JSON.parse((await h.run(["jobs", "list", "-o", "json"])).stdout);
    const yaml = parseYaml((await h.run(["jobs", "list", "-o", "yaml"])).stdout);
    expect(yaml).toEqual(json);
    expect(json.Jobs).toHaveLength(7);
  });

  it("table: --time-format local gives the wall clock in TZ (the sample's +0800 in Asia/Shanghai), unset times blank", async () => {
    const result = await harness().run(["jobs", "list", "-o", "table", "--time-format", "local"], {
      env: { COLUMNS: "200" },
    });
    const row = result.stdout.split("\n").find((line) => line.startsWith(JOB)) as string;
    expect(row.split(/\s{2,}/)).toEqual([JOB, "demo", "Workflow", "Running", "2022-06-27 15:23:10"]);
    const detail = await harness().run(["jobs", "describe", JOB, "-o", "table", "--time-format", "LOCAL"]);
    expect(detail.stdout).toContain("\nCreated   2022-06-27 15:23:10\nStarted\nEnded\nDuration\n");
  });

  it("text: tab-separated, no header, times as the service sent them (or as --time-format says)", async () => {
    const other = "be8f65004eb8511eaaed4f377124a303c";
    const result = await harness().run(["jobs", "list", "-o", "text"]);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toContain([JOB, "demo", "Workflow", "Running", "2022-06-27T15:23:10+0800", "", ""].join("\t"));
    expect(lines).toContain(
      [
        other,
        "demo",
        "Job",
        "Running",
        "2022-06-27T15:23:10+0800",
        "2022-06-27T15:23:11+0800",
        "2022-06-27T15:25:10+0800",
      ].join("\t"),
    );
    const utc = await harness().run(["jobs", "list", "-o", "text", "--time-format", "iso-utc"]);
    expect(utc.stdout).toContain(`${JOB}\tdemo\tWorkflow\tRunning\t2022-06-27T07:23:10Z\t\t\n`);
  });

  it("fits the terminal's width, 80 on a pipe, COLUMNS first; job ids are never cut", async () => {
    const h = harness();
    const widthOf = (text: string): number =>
      Math.max(
        ...text
          .trimEnd()
          .split("\n")
          .map((line) => line.length),
      );
    const narrow = await h.run(["jobs", "list", "-o", "table"], {
      isTTY: { stdout: true },
      columns: 70,
      env: { NO_COLOR: "1" },
    });
    expect(widthOf(narrow.stdout)).toBeLessThanOrEqual(70);
    expect(narrow.stdout).toContain(`${JOB}  `);
    const piped = await h.run(["jobs", "list", "-o", "table"], { columns: 70 });
    expect(widthOf(piped.stdout)).toBeLessThanOrEqual(80);
    const wide = await h.run(["jobs", "list", "-o", "table"], {
      isTTY: { stdout: true },
      columns: 70,
      env: { COLUMNS: "200", NO_COLOR: "1" },
    });
    expect(wide.stdout.split("\n")[0]).toMatch(/^JobId\s+Name\s+Type\s+State\s+Created\s+Duration$/);
    for (const out of [narrow, piped, wide]) {
      const ids = out.stdout.match(/\bb[0-9a-f]{32}\b/g) ?? [];
      expect(ids).toHaveLength(7);
    }
  });
});

describe("--query (JMESPath)", () => {
  it("runs once on the whole result, then the format renders it", async () => {
    const h = harness();
    const failed = await h.run(["jobs", "list", "--query", "Jobs[?State=='Failed'].JobId", "-o", "text"]);
    expect(failed).toMatchObject({ code: 0, stdout: "bc29640f823400022d15ee1663248666a\n" });
    const count = await h.run(["jobs", "list", "--query", "length(Jobs)", "-o", "json"]);
    expect(count.stdout).toBe("7\n");
    const table = await h.run(["jobs", "list", "--query", "Jobs[:2].{Id: JobId, S: State}", "-o", "table"]);
    expect(table.stdout.split("\n")[0]).toMatch(/^Id\s+S$/);
  });

  it("rejects an invalid expression with exit 2 before printing anything", async () => {
    const result = await harness().run(["jobs", "list", "--query", "Jobs[?", "-o", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("not a valid JMESPath expression");
  });
});

describe("colour", () => {
  it("follows the explicit flag, then NO_COLOR, FORCE_COLOR/CLICOLOR_FORCE, TERM=dumb, then the TTY", () => {
    expect(colourEnabled("on", { NO_COLOR: "1" }, false)).toBe(true);
    expect(colourEnabled("always", {}, false)).toBe(true);
    expect(colourEnabled("off", { FORCE_COLOR: "1" }, true)).toBe(false);
    expect(colourEnabled("never", {}, true)).toBe(false);
    expect(colourEnabled("auto", { NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(colourEnabled(undefined, { NO_COLOR: "" }, true)).toBe(true);
    expect(colourEnabled(undefined, { FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colourEnabled(undefined, { FORCE_COLOR: "0" }, false)).toBe(false);
    expect(colourEnabled(undefined, { CLICOLOR_FORCE: "1" }, false)).toBe(true);
    expect(colourEnabled(undefined, { TERM: "dumb" }, true)).toBe(false);
    expect(colourEnabled(undefined, {}, true)).toBe(true);
    expect(colourEnabled(undefined, {}, false)).toBe(false);
  });

  it("colours a terminal table, and not a piped one or under NO_COLOR", async () => {
    const h = harness();
    const tty = await h.run(["jobs", "list", "-o", "table"], { isTTY: { stdout: true } });
    expect(tty.stdout).toContain(ESC);
    expect(tty.stdout).toContain(`${ESC}31mFailed`); // red, and still the word
    const piped = await h.run(["jobs", "list", "-o", "table"]);
    expect(piped.stdout).not.toContain(ESC);
    const noColor = await h.run(["jobs", "list", "-o", "table"], { isTTY: { stdout: true }, env: { NO_COLOR: "1" } });
    expect(noColor.stdout).not.toContain(ESC);
    const forced = await h.run(["jobs", "list", "-o", "table"], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain(ESC);
    const flagOff = await h.run(["jobs", "list", "-o", "table", "--no-color"], { isTTY: { stdout: true } });
    expect(flagOff.stdout).not.toContain(ESC);
  });

  it("never colours json or text, and checks stderr on its own", async () => {
    const h = harness();
    const json = await h.run(["jobs", "list", "-o", "json", "--color", "on"]);
    expect(json.stdout).not.toContain(ESC);
    const error = await h.run(["jobs", "describe", "bad/id", "-o", "text"], { isTTY: { stderr: true } });
    expect(error.stderr).toContain(ESC);
    const plain = await h.run(["jobs", "describe", "bad/id", "-o", "text"]);
    expect(plain.stderr).not.toContain(ESC);
  });
});
