import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway monorepo with one publishable package `@s/a` in `packages/a`, built by writing its dist/. */
export interface FixtureRepo {
  readonly root: string;
  write(path: string, text: string): void;
  remove(path: string): void;
  /** Writes `packages/a/dist/index.d.ts`. */
  declarations(text: string, file?: string): void;
  /** Sets the package's version. */
  version(version: string): void;
  changeset(name: string, bump: string): void;
  git(...args: string[]): string;
  commit(message: string): void;
}

const created: string[] = [];

/** Removes every fixture repository made so far (call it from `afterEach`). */
export function removeFixtureRepos(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function fixtureRepo(options: { readonly nodeEntry?: boolean } = {}): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), "api-report-"));
  created.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  const conditions = options.nodeEntry
    ? { types: "./dist/index.d.ts", node: "./dist/node.js", default: "./dist/index.js" }
    : { types: "./dist/index.d.ts", default: "./dist/index.js" };
  const version = (value: string) =>
    write(
      "packages/a/package.json",
      `${JSON.stringify({ name: "@s/a", version: value, type: "module", exports: { ".": conditions } }, null, 2)}\n`,
    );
  write("pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  write(".gitignore", "dist/\n");
  write("packages/private/package.json", JSON.stringify({ name: "@s/private", private: true }));
  version("0.0.0");
  git("init", "--quiet", "--initial-branch=main");
  return {
    root,
    write,
    remove: (path) => rmSync(join(root, path), { force: true }),
    declarations: (text, file = "index.d.ts") => write(`packages/a/dist/${file}`, text),
    version,
    changeset: (name, bump) => write(`.changeset/${name}.md`, `---\n"@s/a": ${bump}\n---\n\nA change.\n`),
    git,
    commit: (message) => {
      git("add", "-A");
      git("commit", "--quiet", "-m", message);
    },
  };
}
