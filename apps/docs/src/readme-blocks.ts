/** One fenced ```ts block of a Markdown file. */
export interface CodeBlock {
  /** 1-based position among the file's `ts` blocks. */
  readonly index: number;
  /** 1-based line of the block's first code line in the Markdown file. */
  readonly line: number;
  /** The code, without the fences. */
  readonly code: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/**
 * The fenced code blocks of `markdown` whose language is `ts` or `typescript`, in order. Fences of three or more
 * backticks or tildes; a block closes at a fence of the same character at least as long.
 *
 * @param markdown - The Markdown text.
 * @returns The TypeScript blocks.
 * @example
 * ```ts
 * import { typescriptBlocks } from "./readme-blocks.js";
 *
 * typescriptBlocks("# x\n\n```ts\nconst a = 1;\n```\n"); // [{ index: 1, line: 4, code: "const a = 1;\n" }]
 * ```
 */
export function typescriptBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  let open: { fence: string; language: string; start: number; body: string[] } | undefined;
  lines.forEach((text, i) => {
    const match = FENCE.exec(text);
    if (!open) {
      if (match) open = { fence: match[2] ?? "```", language: (match[3] ?? "").toLowerCase(), start: i + 2, body: [] };
      return;
    }
    const fence = match?.[2];
    if (fence && match?.[3] === "" && fence[0] === open.fence[0] && fence.length >= open.fence.length) {
      if (open.language === "ts" || open.language === "typescript") {
        blocks.push({ index: blocks.length + 1, line: open.start, code: `${open.body.join("\n")}\n` });
      }
      open = undefined;
      return;
    }
    open.body.push(text);
  });
  return blocks;
}

/** How one README block is completed before it is compiled and run. */
export interface BlockSetup {
  /** Code placed before the block (hidden lines): values for the free variables the README leaves out. */
  readonly prelude?: string;
  /** Code placed after the block: checks through `readme.expect(condition, message)`. */
  readonly epilogue?: string;
}

/** The module text of a README block: harness import, prelude, the block (package imports redirected), epilogue. */
export interface GeneratedBlock {
  /** The module source. */
  readonly source: string;
  /** Lines before the block's first line (to map compiler positions back to the README). */
  readonly offset: number;
}

/**
 * Builds the module that runs a README block: imports `readme` from the harness, shadows `console` with a
 * recording one, adds the prelude, rewrites imports of the packages listed in `redirects` to their harness
 * modules, and appends the epilogue.
 *
 * @param block - The README block.
 * @param setup - Its prelude and epilogue.
 * @param harness - Import path of the harness context module, relative to the generated file.
 * @param redirects - Package name to the import path of its harness module.
 * @returns The module text and the line offset of the block inside it.
 * @example
 * ```ts
 * import { generateBlockModule } from "./readme-blocks.js";
 *
 * const { source } = generateBlockModule({ index: 1, line: 3, code: "console.log(1);\n" }, {}, "./ctx.js", {});
 * ```
 */
export function generateBlockModule(
  block: CodeBlock,
  setup: BlockSetup,
  harness: string,
  redirects: Readonly<Record<string, string>>,
): GeneratedBlock {
  const head = [
    `import { readme } from ${JSON.stringify(harness)};`,
    "const console = readme.console;",
    ...(setup.prelude ? setup.prelude.trimEnd().split("\n") : []),
  ];
  const code = block.code.replace(
    /(\bfrom\s*)(["'])(@cibatch\/[a-z-]+(?:\/[a-z-]+)?)\2/g,
    (whole, from: string, _q, name: string) => {
      const target = redirects[name];
      return target ? `${from}${JSON.stringify(target)}` : whole;
    },
  );
  const tail = setup.epilogue ? `\n${setup.epilogue.trimEnd()}\n` : "";
  return { source: `${head.join("\n")}\n${code}${tail}`, offset: head.length };
}
