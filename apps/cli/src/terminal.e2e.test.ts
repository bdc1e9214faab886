import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { createFakeCi, DEMO_ACCOUNT, demoJobs, type RunningListener } from "@cibatch/testing-fakes/node";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The built binary in a real pseudo-terminal, through util-linux's `script` (Debian's bsdutils, an essential
// package): what a person sees at 80 and 120 columns. The binary is built by the test:e2e task first.
const BIN = fileURLToPath(new URL("../bin/cibatch.js", import.meta.url));
const WORKFLOW = "w7476ff3564ee45b7b490d64bccaba6cc";
const JOB_ID = /\bb[0-9a-f]{32}\b/g;

let server: RunningListener;
const fake = createFakeCi({ randomSeed: 5, transition: { mode: "afterDescribes", n: 3 } });

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Runs `cibatch args` on a terminal `columns` wide; resolves with what the terminal received (CR LF → LF). */
function onTerminal(columns: number, args: readonly string[]): Promise<{ code: number; screen: string }> {
  const command = `stty cols ${columns} rows 50; exec ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(" ")}`;
  return new Promise((resolve) => {
    execFile(
      "script",
      ["-q", "-e", "-c", command, "/dev/null"],
      {
        env: {
          PATH: process.env.PATH,
          TERM: "xterm-256color",
          CIBATCH_ENDPOINT_URL: server.url,
          CIBATCH_BUCKET: "examplebucket-1250000000",
          CIBATCH_REGION: "ap-beijing",
          TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
          TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
          CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-tty/config",
          HOME: "/nonexistent/cibatch-tty",
          TZ: "Asia/Shanghai",
        },
        timeout: 15_000,
      },
      (error, stdout) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, screen: stdout.replace(/\r\n/g, "\n") });
      },
    );
  });
}

/** The lines as shown: escape sequences gone, each carriage return starting the line over. */
function shownLines(screen: string): string[] {
  return screen.split("\n").map((line) => stripVTControlCharacters(line.split("\r").at(-1) ?? ""));
}

beforeAll(async () => {
  for (const job of demoJobs()) fake.jobs.seed(job);
  server = await fake.listen();
});
afterAll(async () => {
  await server.close();
});

describe.each([80, 120])("on a %i-column terminal", (columns) => {
  it("jobs list fits the width, never cuts a job id, and shows relative times with a Duration column", async () => {
    const created = await onTerminal(columns, [
      "jobs",
      "create",
      "--name",
      `夜间转码任务-${columns}-列宽测试用的很长名字`,
      "--prefix",
      "in/",
      "--workflow-ids",
      WORKFLOW,
      "-o",
      "json",
    ]);
    expect(created.code).toBe(0);
    const { code, screen } = await onTerminal(columns, ["jobs", "list"]);
    expect(code).toBe(0);
    const lines = shownLines(screen).filter((line) => line !== "");
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
    expect(lines[0]).toMatch(/^JobId\s+Name\s+.*State\s+Created\s+Duration$/);
    const ids = screen.match(JOB_ID) ?? [];
    expect(ids.length).toBe(fake.jobs.list().length);
    for (const job of fake.jobs.list()) expect(ids).toContain(job.jobId);
    expect(screen).toMatch(/just now|\d+ s ago/);
    if (columns === 120) expect(lines[0]).toMatch(/\bType\b/);
  });

  it("jobs --help wraps at the width and lists the global flags", async () => {
    const { code, screen } = await onTerminal(columns, ["jobs", "list", "--help"]);
    expect(code).toBe(0);
    for (const line of shownLines(screen)) expect(line.length, line).toBeLessThanOrEqual(columns);
    expect(screen).toContain("Global Options:");
    expect(screen).toContain("--profile <name>");
  });

  it("jobs watch redraws one status line in place, within the width", async () => {
    const id = (
      await onTerminal(columns, [
        "jobs",
        "create",
        "--name",
        "watched",
        "--prefix",
        "in/",
        "--workflow-ids",
        WORKFLOW,
        "--query",
        "JobId",
        "-o",
        "text",
      ])
    ).screen.trim();
    expect(id).toMatch(/^b[0-9a-f]{32}$/);
    const { code, screen } = await onTerminal(columns, ["jobs", "watch", id, "--interval", "100ms"]);
    expect(code).toBe(0);
    // Every draw starts with a carriage return and erases the line: no stale text is left behind.
    const draws = screen.split("\r\x1b[2K").slice(1);
    expect(draws.length).toBeGreaterThanOrEqual(3);
    const drawn = draws.map((d) => stripVTControlCharacters(d)).filter((d) => d !== "" && !d.startsWith("job "));
    for (const text of drawn) {
      expect(text).toMatch(new RegExp(`^(Submitted|Running|Success) · \\d+s · ${id}$`));
      expect(stringWidth(text)).toBeLessThan(columns);
    }
    expect(drawn.some((text) => text.startsWith("Running"))).toBe(true);
    expect(shownLines(screen).filter((line) => line !== "")).toEqual([
      expect.stringMatching(new RegExp(`^job ${id} ended in state Success after \\d+s$`)),
    ]);
  });
});
