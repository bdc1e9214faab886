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
 * @param {Record<string, unknown>} manifest a parsed package.json
 * @returns {EntryPoint[]}
 */
export function entryPointsOf(manifest) {
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
    const declarations = all
      .filter(([conditions]) => conditions.at(-1) !== "types")
      .map(([, file]) => declarationFor(clean(file)))
      .filter((file) => file !== undefined);
    const types = typesTarget === undefined ? declarations[0] : clean(typesTarget);
    if (types === undefined) continue;
    const identical = [...new Set(declarations)].filter((file) => file !== types).sort(compareNames);
    entries.push({ subpath, types, identical });
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
      entryPoints: entryPointsOf(manifest),
    });
  }
  return packages;
}
