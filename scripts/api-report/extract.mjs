// Reads the exports of one built declaration file (`dist/index.d.ts`) with the TypeScript compiler API.
import { existsSync } from "node:fs";
import ts from "typescript";

/**
 * One exported name of an entry point.
 *
 * @typedef {object} ApiEntry
 * @property {string} name the exported name
 * @property {string} kind `function`, `class`, `interface`, `type`, `const`, … (`+`-joined when a name has
 *   several declarations of different kinds; ` (type-only)` when the name is exported with `export type`)
 * @property {string[]} declarations each declaration's text, comments and `export`/`declare` removed
 */

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** @type {ts.CompilerOptions} */
const compilerOptions = {
  noEmit: true,
  skipLibCheck: true,
  // Only syntax and export symbols are read, never types: the standard library is not needed.
  noLib: true,
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
};

/**
 * The kind of one declaration node, in the words a reader of the report uses.
 *
 * @param {ts.Declaration} node
 * @returns {string}
 */
function declarationKind(node) {
  if (ts.isFunctionDeclaration(node)) return "function";
  if (ts.isClassDeclaration(node)) return "class";
  if (ts.isInterfaceDeclaration(node)) return "interface";
  if (ts.isTypeAliasDeclaration(node)) return "type";
  if (ts.isEnumDeclaration(node)) return "enum";
  if (ts.isModuleDeclaration(node)) return "namespace";
  if (ts.isVariableDeclaration(node)) {
    const flags = ts.getCombinedNodeFlags(node);
    if (flags & ts.NodeFlags.Const) return "const";
    if (flags & ts.NodeFlags.Let) return "let";
    return "var";
  }
  if (ts.isExportAssignment(node)) return "default";
  if (ts.isSourceFile(node)) return "namespace";
  return ts.SyntaxKind[node.kind];
}

/**
 * The declaration's text without comments and without the `export`, `default` and `declare` keywords,
 * so that moving a declaration between files or re-exporting it does not change the report.
 *
 * @param {ts.Declaration} node
 * @returns {string}
 */
function declarationText(node) {
  const source = node.getSourceFile();
  if (ts.isVariableDeclaration(node)) {
    return `${declarationKind(node)} ${printer.printNode(ts.EmitHint.Unspecified, node, source)};`;
  }
  if (ts.isSourceFile(node)) return `namespace ${JSON.stringify(node.fileName)}`;
  const text = printer.printNode(ts.EmitHint.Unspecified, node, source);
  return text.replace(/^(?:export\s+)?(?:default\s+)?(?:declare\s+)?/, "");
}

/**
 * Whether the exported name reaches its declaration through an `export type { … }` (or `type X` in an
 * export list) somewhere along the re-export chain.
 *
 * @param {ts.Symbol} symbol
 * @param {ts.TypeChecker} checker
 * @returns {boolean}
 */
function isTypeOnlyExport(symbol, checker) {
  let current = symbol;
  for (let depth = 0; depth < 32 && current.flags & ts.SymbolFlags.Alias; depth += 1) {
    for (const declaration of current.declarations ?? []) {
      if (ts.isTypeOnlyImportOrExportDeclaration(declaration)) return true;
    }
    const next = checker.getImmediateAliasedSymbol(current);
    if (next === undefined) break;
    current = next;
  }
  return false;
}

/**
 * One TypeScript program over several declaration files, so that reports of many entry points share the
 * parsing of the standard library and of the dependencies.
 *
 * @param {readonly string[]} entryFiles absolute paths of `.d.ts` files
 * @returns {ts.Program}
 */
export function createApiProgram(entryFiles) {
  for (const file of entryFiles) {
    if (!existsSync(file)) {
      throw new Error(`${file} does not exist: run \`pnpm build\` before generating API reports.`);
    }
  }
  return ts.createProgram([...entryFiles], compilerOptions);
}

/**
 * Lists the exports of a built declaration file, sorted by name, each with its kind and declarations.
 *
 * @param {string} entryFile absolute path of a `.d.ts` file
 * @param {ts.Program} [program] a program that has `entryFile` among its roots (see {@link createApiProgram})
 * @returns {ApiEntry[]}
 * @example
 * ```js
 * const entries = extractApi("/repo/packages/signer/dist/index.d.ts");
 * // [{ name: "signRequest", kind: "function", declarations: ["function signRequest(…): Promise<SignedRequest>;"] }, …]
 * ```
 */
export function extractApi(entryFile, program = createApiProgram([entryFile])) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entryFile);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return [];
  /** @type {ApiEntry[]} */
  const entries = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = target.declarations ?? [];
    const kinds = [...new Set(declarations.map(declarationKind))].sort();
    const hasValue = (target.flags & ts.SymbolFlags.Value) !== 0;
    const typeOnly = hasValue && isTypeOnlyExport(exported, checker) ? " (type-only)" : "";
    entries.push({
      name: exported.name,
      kind: `${kinds.join(" + ") || "unknown"}${typeOnly}`,
      declarations: declarations.map(declarationText),
    });
  }
  return entries.sort((a, b) => compareNames(a.name, b.name));
}

/**
 * Orders names the same way on every machine (code-unit order, not the locale's).
 *
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
export function compareNames(a, b) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
