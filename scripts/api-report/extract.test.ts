import { afterEach, describe, expect, it } from "vitest";
import { createApiProgram, extractApi } from "./extract.mjs";
import { fixtureRepo, removeFixtureRepos } from "./workspace.fixture.js";

afterEach(removeFixtureRepos);

describe("extractApi", () => {
  it("lists every export with its kind and its declaration, comments and export keywords removed", () => {
    const repo = fixtureRepo();
    repo.declarations(
      [
        'export { run, type Options, Thing } from "./impl.js";',
        'export type { Hidden } from "./impl.js";',
        'export { LIMIT as MAX } from "./impl.js";',
        "/** The mode. */",
        'export type Mode = "a" | "b";',
        "export declare enum Color { Red = 0 }",
        "export declare let counter: number;",
        "export declare namespace Tools { const version: string; }",
      ].join("\n"),
    );
    repo.declarations(
      [
        "/**",
        " * Runs it.",
        " * @example",
        " * run();",
        " */",
        "export declare function run(): void;",
        "export declare function run(options: Options): Promise<void>;",
        "export interface Options {",
        "    /** How long. */",
        "    readonly timeout?: number;",
        "}",
        'export declare class Thing extends Error { private secret; readonly name: "Thing"; }',
        "export declare class Hidden {}",
        "export declare const LIMIT = 10;",
      ].join("\n"),
      "impl.d.ts",
    );
    const entries = extractApi(`${repo.root}/packages/a/dist/index.d.ts`);
    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ["Color", "enum"],
      ["Hidden", "class (type-only)"],
      ["MAX", "const"],
      ["Mode", "type"],
      ["Options", "interface"],
      ["Thing", "class"],
      ["Tools", "namespace"],
      ["counter", "let"],
      ["run", "function"],
    ]);
    const text = (name: string) => entries.find((e) => e.name === name)?.declarations;
    expect(text("run")).toEqual(["function run(): void;", "function run(options: Options): Promise<void>;"]);
    expect(text("Options")).toEqual(["interface Options {\n    readonly timeout?: number;\n}"]);
    expect(text("MAX")).toEqual(["const LIMIT = 10;"]);
    expect(text("Mode")).toEqual(['type Mode = "a" | "b";']);
    expect(text("Thing")?.[0]).toMatch(/^class Thing extends Error \{/);
    expect(text("Thing")?.[0]).toContain("private secret;");
  });

  it("says to build first when the declaration file is missing", () => {
    const repo = fixtureRepo();
    expect(() => createApiProgram([`${repo.root}/packages/a/dist/index.d.ts`])).toThrow(/run `pnpm build`/);
  });

  it("shares one program between entry points", () => {
    const repo = fixtureRepo();
    repo.declarations("export declare const a: 1;");
    repo.declarations("export declare const b: 2;", "other.d.ts");
    const files = [`${repo.root}/packages/a/dist/index.d.ts`, `${repo.root}/packages/a/dist/other.d.ts`];
    const program = createApiProgram(files);
    expect(extractApi(files[0] ?? "", program).map((e) => e.name)).toEqual(["a"]);
    expect(extractApi(files[1] ?? "", program).map((e) => e.name)).toEqual(["b"]);
  });
});
