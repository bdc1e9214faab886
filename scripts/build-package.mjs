#!/usr/bin/env node
// Usage (from a publishable package's folder, after `tsc -b`): node ../../scripts/build-package.mjs
//
// Turns a package's `tsc -b` output into what it publishes: one ES module per entry point, and one
// declaration file. Node's ESM loader pays about half a millisecond per module file (see
// ../shared/spec/official-sdks.md §7.1), and every small file costs a disk block once installed, so
// the one-file-per-concept sources ship as a handful of files:
//
// - JavaScript: esbuild bundles (whitespace-minified, names kept) every `@cibatch/source` entry named in the package's `exports` and
//   `imports` (the `#…` runtime switches between Node and Web variants) to the `node`/`default`
//   file the same map names, with code splitting so that a module shared by two entries (an error
//   class, say) exists once and `instanceof` keeps working. Dependencies, `node:` built-ins and the
//   `#…` specifiers stay imports, resolved by whoever loads the package.
// - Declarations: `tsc -b` writes per-file `.d.ts` to `dist/types/` (not published); rollup with
//   rollup-plugin-dts joins the public entry's into `dist/index.d.ts`.
//
// Everything is derived from package.json, so the map that Node and bundlers read is the build's
// only configuration.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { rollup } from "rollup";
import { dts } from "rollup-plugin-dts";

const SOURCE = "@cibatch/source";
const TYPES_DIR = join("dist", "types");

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));

/**
 * Pairs each source file with the built file that replaces it, from one `exports`/`imports` target:
 * `{ "@cibatch/source": "./src/a.ts", "default": "./dist/a.js" }` or, per condition,
 * `{ "@cibatch/source": { "node": "./src/n.ts", "default": "./src/w.ts" }, "node": …, "default": … }`.
 */
function entriesOf(target, where) {
  if (typeof target !== "object" || target === null || !(SOURCE in target)) return [];
  const source = target[SOURCE];
  const sources = typeof source === "string" ? { default: source } : source;
  return Object.entries(sources).map(([condition, src]) => {
    const out = target[condition];
    if (typeof out !== "string" || !out.startsWith("./dist/") || !out.endsWith(".js"))
      throw new Error(`${where}: the "${condition}" target must be a ./dist/*.js file beside "${SOURCE}"`);
    return { in: src, out: out.slice("./dist/".length, -".js".length) };
  });
}

const entries = [
  ...Object.entries(manifest.exports ?? {}).flatMap(([key, target]) => entriesOf(target, `exports["${key}"]`)),
  ...Object.entries(manifest.imports ?? {}).flatMap(([key, target]) => entriesOf(target, `imports["${key}"]`)),
];
if (entries.length === 0) throw new Error(`${manifest.name}: no "${SOURCE}" entry in exports or imports`);

const dependencies = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
const isDependency = (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

// A fresh dist/ apart from tsc's own output (declarations and its incremental state).
for (const entry of readdirSync(join(packageDir, "dist"), { withFileTypes: true })) {
  if (entry.name === "types" || entry.name === ".tsbuildinfo") continue;
  rmSync(join(packageDir, "dist", entry.name), { recursive: true, force: true });
}

await build({
  absWorkingDir: packageDir,
  entryPoints: entries,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2023",
  chunkNames: "shared-[hash]",
  external: ["node:*", "#*", ...dependencies.flatMap((name) => [name, `${name}/*`])],
  // Whitespace and syntax only: names stay as written (stack traces and error names read the same), while
  // comments and indentation, which would otherwise take about a third of the installed bytes, go.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
});

// The public entry's declarations: the source behind exports["."]'s default target.
const main = entriesOf(manifest.exports?.["."], 'exports["."]').find((e) => e.out === "index");
if (main === undefined) throw new Error(`${manifest.name}: exports["."] must name ./dist/index.js`);
const typesEntry = join(TYPES_DIR, `${relative("src", main.in.replace(/^\.\//, "")).replace(/\.ts$/, "")}.d.ts`);
const bundle = await rollup({
  input: join(packageDir, typesEntry),
  external: (id) => isDependency(id) || id.startsWith("node:") || builtinModules.includes(id),
  plugins: [dts({ respectExternal: true })],
  onwarn(warning) {
    throw new Error(`${manifest.name}: ${warning.message}`);
  },
});
await bundle.write({ file: join(packageDir, "dist", "index.d.ts"), format: "es" });
await bundle.close();
