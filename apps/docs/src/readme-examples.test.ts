import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { generateBlockModule, typescriptBlocks } from "./readme-blocks.js";
import { readme } from "./readme-harness/context.js";
import { README_SETUPS } from "./readme-setups.fixture.js";

// Every ```ts block of the package READMEs is written to generated/readme/ (git-ignored) with its hidden prelude,
// type-checked with the repository's strict settings (through the @cibatch/source condition), then run in order
// against the in-process fake. A README that stops compiling or throws fails here.
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const out = fileURLToPath(new URL("../generated/readme/", import.meta.url));
const READMES = [
  "packages/signer",
  "packages/xml-model",
  "packages/ci-client",
  "packages/testing-fakes",
  "apps/cli",
] as const;
const REDIRECTS = {
  "@cibatch/ci-client": "../../src/readme-harness/ci-client.js",
  "@cibatch/testing-fakes": "../../src/readme-harness/testing-fakes.js",
  "@cibatch/testing-fakes/node": "../../src/readme-harness/testing-fakes.js",
};

interface Generated {
  readonly key: string;
  readonly file: string;
  readonly readmeLine: number;
  readonly offset: number;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const generated: Generated[] = READMES.flatMap((folder) => {
  const blocks = typescriptBlocks(readFileSync(`${repo}${folder}/README.md`, "utf8"));
  return blocks.map((block) => {
    const key = `${folder}#${block.index}`;
    const module = generateBlockModule(
      block,
      README_SETUPS[key] ?? {},
      "../../src/readme-harness/context.js",
      REDIRECTS,
    );
    const file = `${out}${folder.replace("/", "-")}-${block.index}.ts`;
    writeFileSync(file, module.source);
    return { key, file, readmeLine: block.line, offset: module.offset };
  });
});

afterAll(async () => {
  await readme.closeAll();
});

describe("package README examples", () => {
  it("finds the examples of every README, and every hidden prelude belongs to one", () => {
    for (const folder of READMES)
      expect(
        generated.some((g) => g.key.startsWith(`${folder}#`)),
        folder,
      ).toBe(true);
    const keys = new Set(generated.map((g) => g.key));
    expect(Object.keys(README_SETUPS).filter((key) => !keys.has(key))).toEqual([]);
  });

  it("type-checks every README example with the repository's strict settings", () => {
    const config = ts.readConfigFile(`${repo}tsconfig.check.json`, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
    // README fragments may declare values they do not use; everything else stays as strict as the sources.
    const options = { ...parsed.options, noUnusedLocals: false, noUnusedParameters: false, noEmit: true };
    const program = ts.createProgram(
      generated.map((g) => g.file),
      options,
    );
    // Diagnostics of the generated files only: the packages' own sources are checked by `pnpm typecheck`.
    const problems = generated.flatMap((g) => {
      const source = program.getSourceFile(g.file);
      return ts.getPreEmitDiagnostics(program, source).map((d) => {
        const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
        const where =
          d.file === source && line >= g.offset ? `README line ${g.readmeLine + line - g.offset}` : "prelude";
        return `${g.key} (${where}): ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    });
    expect(problems).toEqual([]);
  }, 60_000);

  for (const g of generated) {
    it(`runs ${g.key} (README line ${g.readmeLine})`, async () => {
      const failuresBefore = readme.failures.length;
      await import(/* @vite-ignore */ g.file);
      expect(readme.failures.slice(failuresBefore)).toEqual([]);
      expect(readme.lines.filter((line) => line.startsWith("error: "))).toEqual([]);
    });
  }
});
