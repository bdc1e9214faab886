/**
 * Every `@example` in the TSDoc of the published packages' sources compiles: each fenced code block is
 * type-checked as a module of its own, placed (in memory) beside the file it documents, so that it imports
 * the packages as a user would (`@cibatch/signer`, resolved to the sources through the `@cibatch/source`
 * condition: no build needed). Part of `pnpm test`; one test per example, named by file and line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const ROOMS = ["packages/signer", "packages/xml-model", "packages/ci-client", "packages/testing-fakes", "apps/cli"];

interface Example {
  /** `packages/signer/src/index.ts:42` */
  readonly where: string;
  /** The in-memory file the example is checked as. */
  readonly file: string;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|test-d|fixture)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The fenced code blocks of every `@example` tag in one source file. */
function examplesIn(path: string): Example[] {
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2023, true);
  const found: Example[] = [];
  const seen = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== "example" || seen.has(tag.pos)) continue;
      seen.add(tag.pos);
      const comment = typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
      for (const match of (comment ?? "").matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)) {
        const line = source.getLineAndCharacterOfPosition(tag.pos).line + 1;
        const where = `${relative(root, path)}:${line}`;
        // A sibling of the documented file, so the package's own node_modules resolve its imports.
        const file = `${path.slice(0, -".ts".length)}.example-${line}-${found.length}.ts`;
        // `export {}` makes every block a module, so two examples may declare the same names.
        found.push({ where, file, code: `${match[1]}\nexport {};\n` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const examples = ROOMS.flatMap((room) => sourceFiles(join(root, room, "src"))).flatMap(examplesIn);

/** One program over all examples (one type-check pass), its diagnostics grouped by example file. */
function diagnose(): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.check.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error("cannot read tsconfig.check.json");
  const byFile = new Map(examples.map((example) => [example.file, example.code]));
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => byFile.has(name) || fileExists.call(host, name);
  host.readFile = (name) => byFile.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const code = byFile.get(name);
    return code === undefined
      ? getSourceFile.call(host, name, language, ...rest)
      : ts.createSourceFile(name, code, language, true);
  };
  const program = ts.createProgram({
    rootNames: [...byFile.keys()],
    // Examples show use, not a library: unused names are fine there.
    options: { ...config.options, noUnusedLocals: false, noUnusedParameters: false },
    host,
  });
  const found = new Map<string, string[]>();
  for (const diagnostic of [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()]) {
    const name = diagnostic.file?.fileName;
    if (name === undefined || !byFile.has(name)) continue;
    const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0;
    const message = `line ${line + 1} of the example: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    found.set(name, [...(found.get(name) ?? []), message]);
  }
  return found;
}

describe("@example code blocks", () => {
  const diagnostics = examples.length > 0 ? diagnose() : new Map<string, string[]>();

  it("are found in the published packages' sources", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((example) => [example.where, example.file]))("%s compiles", (_where, file) => {
    expect(diagnostics.get(file) ?? []).toEqual([]);
  });
});
