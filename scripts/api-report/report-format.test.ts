import { describe, expect, it } from "vitest";
import { parseReport, renderReport } from "./report-format.mjs";

const report = {
  packageName: "@scope/pkg",
  entryPoints: [
    { subpath: ".", types: "dist/index.d.ts", identical: ["dist/node.d.ts"] },
    { subpath: "./extra", types: "dist/extra.d.ts", identical: [] },
  ],
  exports: [
    { subpath: ".", name: "Options", kind: "interface", declarations: ["interface Options {\n    a: string;\n}"] },
    {
      subpath: ".",
      name: "f",
      kind: "function",
      declarations: ["function f(a: string): void;", "function f(a: number): void;"],
    },
    { subpath: "./extra", name: "X", kind: "const", declarations: ['const X = "x";'] },
  ],
};

describe("renderReport / parseReport", () => {
  it("reads back exactly what it rendered", () => {
    expect(parseReport(renderReport(report))).toEqual(report);
  });

  it("renders a titled Markdown file with one heading and one code block per declaration", () => {
    const text = renderReport(report);
    expect(text.startsWith("# API report: @scope/pkg\n")).toBe(true);
    expect(text).toContain("- `.`: `dist/index.d.ts` (same API: `dist/node.d.ts`)\n");
    expect(text).toContain("## Exports of `./extra`\n\n1 exported names.");
    expect(text).toContain(
      "### `f`\n\nKind: function\n\n```text\nfunction f(a: string): void;\n```\n\n```text\nfunction f(a: number): void;\n```",
    );
    expect(text.endsWith("```\n")).toBe(true);
  });

  it("reads Windows line endings", () => {
    expect(parseReport(renderReport(report).replace(/\n/g, "\r\n"))).toEqual(report);
  });

  it("rejects a hand edit it cannot read, with the line", () => {
    expect(() => parseReport("# API report: x\n\n### `f`\n")).toThrow(/line 3: an export heading before/);
    expect(() =>
      parseReport("# API report: x\n\n## Exports of `.`\n\n### `f`\n\n```text\nfunction f(): void;\n"),
    ).toThrow(/unterminated code block/);
    expect(() => parseReport("## Exports of `.`\n")).toThrow(/no `# API report:` title/);
  });
});
