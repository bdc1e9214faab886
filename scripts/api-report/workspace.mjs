// Finds the publishable workspace packages and the declaration files behind each of their entry points.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { compareNames } from "./extract.mjs";

/** @typedef {import("./report-format.mjs").EntryPoint} EntryPoint */

/**
 * @typedef {object} WorkspacePackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir relative to the root, with `/`
 * @property {EntryPoint[]} entryPoints
 */

/** Conditions that point at TypeScript sources inside the monorepo, never at what is published. */
const SOURCE_CONDITIONS = new Set(["@cibatch/source"]);

/**
 * The workspace folders from `pnpm-workspace.yaml` (`dir/*` and plain `dir` patterns).
 *
 * @param {string} root
 * @returns {string[]}
 */
export function workspaceDirs(root) {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  /** @type {string[]} */
  const dirs = [];
  let inPackages = false;
  for (const line of yaml.split("\n")) {
    if (/^packages:\s*$/.test(line)) {
      inPackages = true;
      continue;
    }
    if (inPackages && /^\S/.test(line)) inPackages = false;
    const pattern = inPackages ? /^\s+-\s+["']?([^"'#\s]+)["']?/.exec(line)?.[1] : undefined;
    if (pattern === undefined || pattern.startsWith("!")) continue;
    if (pattern.endsWith("/*")) {
      const parent = pattern.slice(0, -2);
      const children = existsSync(join(root, parent)) ? readdirSync(join(root, parent), { withFileTypes: true }) : [];
      for (const child of children) if (child.isDirectory()) dirs.push(`${parent}/${child.name}`);
    } else {
      dirs.push(pattern);
    }
  }
  return dirs.filter((dir) => existsSync(join(root, dir, "package.json"))).sort(compareNames);
}

/**
 * @param {string} path
 * @returns {string}
 */
function clean(path) {
  return posix.normalize(path).replace(/^\.\//, "");
}

/**
 * @param {string} jsPath
 * @returns {string | undefined}
 */
function declarationFor(jsPath) {
  if (jsPath.endsWith(".d.ts") || jsPath.endsWith(".d.mts") || jsPath.endsWith(".d.cts")) return jsPath;
  if (jsPath.endsWith(".js")) return `${jsPath.slice(0, -3)}.d.ts`;
  if (jsPath.endsWith(".mjs")) return `${jsPath.slice(0, -4)}.d.mts`;
  if (jsPath.endsWith(".cjs")) return `${jsPath.slice(0, -4)}.d.cts`;
  return undefined;
}

/** Where `tsc -b` writes the per-file declarations of a package whose JavaScript is bundled (scripts/build-package.mjs). */
const SOURCE_DECLARATIONS_DIR = "dist/types";

/**
 * The `@cibatch/source` files of one `exports` value, by the condition they stand for (`default` for a
 * plain string), or `undefined` when the value has none.
 *
 * @param {unknown} value
 * @returns {Record<string, string> | undefined}
 */
function sourcesOf(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  for (const [condition, inner] of Object.entries(value)) {
    if (!SOURCE_CONDITIONS.has(condition)) continue;
    if (typeof inner === "string") return { default: inner };
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner).filter(([, file]) => typeof file === "string"));
    }
  }
  return undefined;
}

/**
 * The declarations `tsc -b` emits for one source file (`./src/node.ts` → `dist/types/node.d.ts`): a bundled
 * entry has no declaration file beside its JavaScript, so the API of each condition's build is read from
 * the declarations of the source it was bundled from.
 *
 * @param {string} source
 * @returns {string | undefined}
 */
function sourceDeclarationFor(source) {
  const path = clean(source);
  if (!path.startsWith("src/") || !path.endsWith(".ts")) return undefined;
  return `${SOURCE_DECLARATIONS_DIR}/${path.slice("src/".length, -".ts".length)}.d.ts`;
}

/**
 * Every published target of one `exports` value, as `[condition path, file]`, source conditions skipped.
 *
 * @param {unknown} value
 * @param {string[]} conditions
 * @returns {Array<[string[], string]>}
 */
function targets(value, conditions = []) {
  if (typeof value === "string") return [[conditions, value]];
  if (Array.isArray(value)) return value.flatMap((item) => targets(item, conditions));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([condition, inner]) =>
    SOURCE_CONDITIONS.has(condition) ? [] : targets(inner, [...conditions, condition]),
  );
}

/**
 * The entry points of a package: for each `exports` subpath, the declaration file TypeScript users get
 * (`types`), and the declarations beside the other conditions' JavaScript (`node`, `default`, …), which
 * must describe the same API.
 *
 * A condition whose JavaScript is bundled has no declarations beside it; its API is then read from the
 * declarations of the source it was bundled from (`@cibatch/source`).
 *
 * @param {Record<string, unknown>} manifest a parsed package.json
 * @param {(file: string) => boolean} [isFile] whether a file (relative to the package) exists
 * @returns {EntryPoint[]}
 */
export function entryPointsOf(manifest, isFile = () => true) {
  const exportsField = manifest.exports;
  /** @type {Record<string, unknown>} */
  let subpaths;
  if (exportsField === undefined) {
    const types = manifest.types ?? manifest.typings;
    subpaths = typeof types === "string" ? { ".": { types } } : {};
  } else if (
    typeof exportsField === "object" &&
    exportsField !== null &&
    !Array.isArray(exportsField) &&
    Object.keys(exportsField).every((key) => key.startsWith("."))
  ) {
    subpaths = /** @type {Record<string, unknown>} */ (exportsField);
  } else {
    subpaths = { ".": exportsField };
  }
  /** @type {EntryPoint[]} */
  const entries = [];
  for (const [subpath, value] of Object.entries(subpaths)) {
    const all = targets(value);
    const typesTarget = all.find(([conditions]) => conditions.at(-1) === "types")?.[1];
    const types = typesTarget === undefined ? undefined : clean(typesTarget);
    const sources = sourcesOf(value);
    const declarations = all
      .filter(([conditions]) => conditions.at(-1) !== "types")
      .map(([conditions, file]) => {
        const beside = declarationFor(clean(file));
        const source = sources?.[conditions.at(-1) ?? "default"];
        const fromSource = source === undefined ? undefined : sourceDeclarationFor(source);
        if (fromSource === undefined) return beside;
        if (beside === undefined || !isFile(beside)) return fromSource;
        // A rolled-up types file beside the bundle: compare it with the per-file declarations it was made from.
        if (beside === types && isFile(fromSource)) return fromSource;
        return beside;
      })
      .filter((file) => file !== undefined);
    const entryTypes = types ?? declarations[0];
    if (entryTypes === undefined) continue;
    const identical = [...new Set(declarations)].filter((file) => file !== entryTypes).sort(compareNames);
    entries.push({ subpath, types: entryTypes, identical });
  }
  return entries.sort((a, b) => compareNames(a.subpath, b.subpath));
}

/**
 * The workspace packages that get published (not `private`), with their entry points.
 *
 * @param {string} root
 * @returns {WorkspacePackage[]}
 */
export function publishablePackages(root) {
  /** @type {WorkspacePackage[]} */
  const packages = [];
  for (const dir of workspaceDirs(root)) {
    const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
    if (manifest.private === true || typeof manifest.name !== "string") continue;
    packages.push({
      name: manifest.name,
      version: String(manifest.version ?? "0.0.0"),
      dir,
      entryPoints: entryPointsOf(manifest, (file) => existsSync(join(root, dir, file))),
    });
  }
  return packages;
}
