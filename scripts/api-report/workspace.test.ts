import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { entryPointsOf, publishablePackages, workspaceDirs } from "./workspace.mjs";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "workspace-"));
  made.push(dir);
  return dir;
}

describe("entryPointsOf", () => {
  it("takes the types file and checks the declarations of each condition's source (signer's bundled node build)", () => {
    const manifest = {
      exports: {
        ".": {
          "@cibatch/source": { node: "./src/node.ts", default: "./src/index.ts" },
          types: "./dist/index.d.ts",
          node: "./dist/node.js",
          default: "./dist/index.js",
        },
        "./package.json": "./package.json",
      },
    };
    // Bundled: a rolled-up types file in dist/, tsc's per-file declarations in dist/types/.
    const bundled = new Set(["dist/index.d.ts", "dist/types/index.d.ts", "dist/types/node.d.ts"]);
    expect(entryPointsOf(manifest, (file) => bundled.has(file))).toEqual([
      { subpath: ".", types: "dist/index.d.ts", identical: ["dist/types/index.d.ts", "dist/types/node.d.ts"] },
    ]);
    // Built by tsc alone: declarations beside each condition's JavaScript.
    const tscOnly = new Set(["dist/index.d.ts", "dist/node.d.ts"]);
    expect(entryPointsOf(manifest, (file) => tscOnly.has(file))).toEqual([
      { subpath: ".", types: "dist/index.d.ts", identical: ["dist/node.d.ts"] },
    ]);
  });

  it("without a source condition, checks the declarations beside each condition's JavaScript", () => {
    const manifest = {
      exports: { ".": { types: "./dist/index.d.ts", node: "./dist/node.js", default: "./dist/index.js" } },
    };
    expect(entryPointsOf(manifest)).toEqual([
      { subpath: ".", types: "dist/index.d.ts", identical: ["dist/node.d.ts"] },
    ]);
  });

  it("reads a conditions object or a string as the `.` entry, and derives types from JavaScript", () => {
    expect(entryPointsOf({ exports: "./dist/main.js" })).toEqual([
      { subpath: ".", types: "dist/main.d.ts", identical: [] },
    ]);
    expect(entryPointsOf({ exports: { import: "./dist/a.mjs", types: "./dist/a.d.mts" } })).toEqual([
      { subpath: ".", types: "dist/a.d.mts", identical: [] },
    ]);
  });

  it("lists every subpath, sorted, and falls back to the types field", () => {
    const manifest = {
      exports: { "./b": "./dist/b.js", ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
    };
    expect(entryPointsOf(manifest).map((entry) => entry.subpath)).toEqual([".", "./b"]);
    expect(entryPointsOf({ types: "lib/index.d.ts" })).toEqual([
      { subpath: ".", types: "lib/index.d.ts", identical: [] },
    ]);
    expect(entryPointsOf({ main: "index.js" })).toEqual([]);
  });
});

describe("publishablePackages", () => {
  it("lists the non-private packages of pnpm-workspace.yaml, sorted by folder", () => {
    const root = tempDir();
    writeFileSync(
      join(root, "pnpm-workspace.yaml"),
      "packages:\n  - packages/*\n  - 'tools'\n  - '!ignored'\nengineStrict: true\n",
    );
    const add = (dir: string, manifest: object) => {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, "package.json"), JSON.stringify(manifest));
    };
    add("packages/b", { name: "@s/b", version: "1.2.3", exports: "./dist/index.js" });
    add("packages/a", { name: "@s/a", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } });
    add("packages/private", { name: "@s/private", private: true });
    add("tools", { name: "tools", version: "0.0.1" });
    mkdirSync(join(root, "packages", "no-manifest"));
    expect(workspaceDirs(root)).toEqual(["packages/a", "packages/b", "packages/private", "tools"]);
    expect(publishablePackages(root).map((p) => [p.name, p.version, p.dir, p.entryPoints.length])).toEqual([
      ["@s/a", "0.0.0", "packages/a", 1],
      ["@s/b", "1.2.3", "packages/b", 1],
      ["tools", "0.0.1", "tools", 0],
    ]);
  });
});
