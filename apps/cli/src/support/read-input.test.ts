import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASE_ENV, harness, stdinOf } from "../cli.fixture.js";
import type { CliIo } from "../io.js";
import { readInput } from "./read-input.js";

const temp = mkdtempSync(join(tmpdir(), "cibatch-input-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const io = (stdin?: AsyncIterable<string | Uint8Array>): CliIo => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  env: BASE_ENV,
  ...(stdin && { stdin }),
});

function bytesOf(...chunks: number[][]): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield Uint8Array.from(chunk);
    },
  };
}

describe("readInput", () => {
  it("reads a file as UTF-8", async () => {
    const file = join(mkdtempSync(join(temp, "case-")), "job.json");
    writeFileSync(file, '{"Name":"é"}');
    expect(await readInput(io(), file, "--cli-input-json")).toBe('{"Name":"é"}');
  });

  it("reads every chunk of standard input for `-`, strings or bytes", async () => {
    expect(await readInput(io(stdinOf("a", "b", "c")), "-", "--cli-input-json")).toBe("abc");
    // "é" is 0xC3 0xA9: split across two chunks it must still decode as one character.
    expect(await readInput(io(bytesOf([0x7b, 0xc3], [0xa9, 0x7d])), "-", "--cli-input-json")).toBe("{é}");
  });

  it("without standard input, `-` is a usage error naming the flag", async () => {
    await expect(readInput(io(), "-", "--job-param-xml")).rejects.toMatchObject({
      code: "USAGE",
      exitCode: 2,
      message: "--job-param-xml -: there is no standard input to read",
    });
  });

  it("an unreadable file is a usage error with the system's code", async () => {
    const dir = mkdtempSync(join(temp, "case-"));
    await expect(readInput(io(), join(dir, "missing.json"), "--cli-input-json")).rejects.toMatchObject({
      code: "USAGE",
      message: `--cli-input-json ${join(dir, "missing.json")}: cannot read the file (ENOENT)`,
    });
    await expect(readInput(io(), dir, "--cli-input-yaml")).rejects.toMatchObject({
      message: `--cli-input-yaml ${dir}: cannot read the file (EISDIR)`,
    });
  });

  it("`jobs create --cli-input-json` of a missing file exits 2 and sends nothing", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--cli-input-json", "/nonexistent/cibatch/job.json", "-o", "json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--cli-input-json /nonexistent/cibatch/job.json: cannot read the file (ENOENT)");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});
