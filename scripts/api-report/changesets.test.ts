import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseChangeset, pendingBumps } from "./changesets.mjs";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "changesets-"));
  made.push(dir);
  return dir;
}

describe("parseChangeset", () => {
  it("reads double-quoted, single-quoted and bare package names", () => {
    const text = `---\n"@scope/a": minor\n'@scope/b': major\nplain: patch\n---\n\nSummary.\n`;
    expect([...parseChangeset(text, "x.md")]).toEqual([
      ["@scope/a", "minor"],
      ["@scope/b", "major"],
      ["plain", "patch"],
    ]);
  });

  it("keeps the highest bump when a package is named twice", () => {
    expect(parseChangeset(`---\n"a": major\n"a": patch\n---\n`, "x.md").get("a")).toBe("major");
  });

  it("reads an empty changeset as no bump", () => {
    expect(parseChangeset("---\n---\n\nNothing to release.\n", "x.md").size).toBe(0);
  });

  it("refuses what changesets would not read, naming the file", () => {
    expect(() => parseChangeset(`---\n"a": huge\n---\n`, ".changeset/x.md")).toThrow(/\.changeset\/x\.md: cannot read/);
    expect(() => parseChangeset("Summary only.\n", "y.md")).toThrow(/y\.md: a changeset starts with/);
    expect(() => parseChangeset(`---\n"a": minor\n`, "z.md")).toThrow(/no closing/);
  });
});

describe("pendingBumps", () => {
  it("merges every changeset of .changeset/, skipping README.md and other files", () => {
    const root = tempDir();
    mkdirSync(join(root, ".changeset"));
    writeFileSync(join(root, ".changeset", "one.md"), `---\n"@s/a": minor\n"@s/b": patch\n---\n\nOne.\n`);
    writeFileSync(join(root, ".changeset", "two.md"), `---\n"@s/a": major\n---\n\nTwo.\n`);
    writeFileSync(join(root, ".changeset", "README.md"), "# Changesets\n");
    writeFileSync(join(root, ".changeset", "config.json"), "{}");
    expect(Object.fromEntries(pendingBumps(root))).toEqual({ "@s/a": "major", "@s/b": "patch" });
  });

  it("finds nothing without a .changeset folder", () => {
    expect(pendingBumps(tempDir()).size).toBe(0);
  });
});
