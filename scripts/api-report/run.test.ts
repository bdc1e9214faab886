import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runApiReports } from "./run.mjs";
import { fixtureRepo, removeFixtureRepos } from "./workspace.fixture.js";

afterEach(removeFixtureRepos);

const V1 = "export declare function keep(a: string): void;\nexport declare function drop(): void;\n";
const WITHOUT_DROP = "export declare function keep(a: string): void;\n";
const WITH_ADDED = `${V1}export declare const added: 1;\n`;

function run(root: string, mode: "check" | "update", base?: string) {
  const result = runApiReports(base === undefined ? { root, mode } : { root, mode, base });
  return { ok: result.ok, text: result.lines.join("\n") };
}

describe("api:check before the first release", () => {
  it("fails without a report, then passes once api:update wrote it", () => {
    const repo = fixtureRepo();
    repo.declarations(V1);
    const missing = run(repo.root, "check");
    expect(missing.ok).toBe(false);
    expect(missing.text).toContain(
      "FAIL @s/a: packages/a/api-report.api.md does not match the built API (no report yet)",
    );
    expect(missing.text).toContain("Run `pnpm api:update` and commit the report.");

    const update = run(repo.root, "update");
    expect(update).toMatchObject({ ok: true });
    expect(update.text).toContain("updated packages/a/api-report.api.md");
    expect(readFileSync(join(repo.root, "packages/a/api-report.api.md"), "utf8")).toContain("### `drop`");
    expect(run(repo.root, "check")).toEqual({
      ok: true,
      text: "ok @s/a: 2 exports, packages/a/api-report.api.md up to date",
    });
  });

  it("asks for the report to be updated when an export is added", () => {
    const repo = fixtureRepo();
    repo.declarations(V1);
    run(repo.root, "update");
    repo.declarations(WITH_ADDED);
    const result = run(repo.root, "check");
    expect(result.ok).toBe(false);
    expect(result.text).toContain("  added added: const added");
    expect(result.text).not.toContain("major");
    expect(result.text).toContain("Run `pnpm api:update`");
  });

  it("says a removal needs a major changeset, and stops saying so once one is pending", () => {
    const repo = fixtureRepo();
    repo.declarations(V1);
    run(repo.root, "update");
    repo.declarations(WITHOUT_DROP);
    const result = run(repo.root, "check");
    expect(result.ok).toBe(false);
    expect(result.text).toContain("  BREAKING removed drop: function removed");
    expect(result.text).toContain('add a changeset with `"@s/a": major` (pending: none)');
    repo.changeset("drop", "major");
    expect(run(repo.root, "check").text).not.toContain("add a changeset");
  });

  it("fails when the node build declares another API than the types entry", () => {
    const repo = fixtureRepo({ nodeEntry: true });
    repo.declarations(V1);
    repo.declarations(WITHOUT_DROP, "node.d.ts");
    const result = run(repo.root, "update");
    expect(result.ok).toBe(false);
    expect(result.text).toContain(
      "FAIL @s/a: packages/a/dist/node.d.ts must export the same API as packages/a/dist/index.d.ts (entry .):",
    );
    expect(result.text).toContain("BREAKING removed drop");
  });

  it("tells to build first when the declarations are missing", () => {
    const repo = fixtureRepo();
    const result = run(repo.root, "check");
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/FAIL missing .*packages\/a\/dist\/index\.d\.ts: run `pnpm build` first\./);
  });
});

describe("api:check after a release", () => {
  function released() {
    const repo = fixtureRepo();
    repo.declarations(V1);
    run(repo.root, "update");
    repo.commit("feat: a");
    repo.version("1.0.0");
    repo.commit("chore: version packages");
    return repo;
  }

  it("does not let an updated report hide a removal: a major changeset is needed", () => {
    const repo = released();
    repo.declarations(WITHOUT_DROP);
    expect(run(repo.root, "update").text).toContain("warning @s/a: the API changed since 1.0.0");
    const result = run(repo.root, "check");
    expect(result.ok).toBe(false);
    expect(result.text).toContain("FAIL @s/a: the API changed since 1.0.0 (last version change, ");
    expect(result.text).toContain("that needs a major changeset, the pending changesets declare none");
    repo.changeset("minor-one", "minor");
    expect(run(repo.root, "check").ok).toBe(false);
    repo.changeset("major-one", "major");
    expect(run(repo.root, "check")).toMatchObject({ ok: true });
  });

  it("needs at least a minor changeset for an addition", () => {
    const repo = released();
    repo.declarations(WITH_ADDED);
    run(repo.root, "update");
    repo.commit("feat: added");
    repo.changeset("fix", "patch");
    const result = run(repo.root, "check");
    expect(result.ok).toBe(false);
    expect(result.text).toContain("that needs a minor changeset, the pending changesets declare patch");
    repo.changeset("fix", "minor");
    expect(run(repo.root, "check").ok).toBe(true);
  });

  it("compares with --base instead of the last release when given one", () => {
    const repo = fixtureRepo();
    repo.declarations(V1);
    run(repo.root, "update");
    repo.commit("feat: a");
    repo.git("tag", "before");
    repo.declarations(WITHOUT_DROP);
    run(repo.root, "update");
    repo.commit("refactor: drop");
    expect(run(repo.root, "check").ok).toBe(true);
    const result = run(repo.root, "check", "before");
    expect(result.ok).toBe(false);
    expect(result.text).toContain("(--base before, ");
    expect(() => run(repo.root, "check", "no-such-ref")).toThrow(/--base no-such-ref: no such git revision/);
  });
});

describe("scripts/api-report.mjs", () => {
  it("prints its usage and exits 2 for an unknown command", () => {
    const script = join(import.meta.dirname, "..", "api-report.mjs");
    let status: number | null = null;
    let stderr = "";
    try {
      execFileSync(process.execPath, [script, "publish"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      ({ status, stderr } = error as { status: number | null; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr).toContain("usage: node scripts/api-report.mjs check|update [--base <git ref>]");
  });
});
