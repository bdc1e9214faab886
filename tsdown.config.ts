import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type UserConfig } from "tsdown";

/**
 * The one build of every published package: `tsdown -c ../../tsdown.config.ts`, run in the package's folder
 * (its `build` script). The entries come from the package's own package.json, so the map that Node and bundlers
 * read is the build's only per-package setting:
 *
 * - every `exports` or `imports` target that names a `@cibatch/source` file is an entry, built to the `./dist/*.js`
 *   file that the same target names for that condition (`{ "@cibatch/source": { "node": "./src/a-node.ts",
 *   "default": "./src/a-web.ts" }, "node": "./dist/a-node.js", "default": "./dist/a-web.js" }` gives two);
 * - dependencies, `node:` built-ins and the package's own `#…` specifiers stay imports, resolved by whoever loads
 *   the package (so a `#…` switch keeps choosing between its Node and Web files at run time);
 * - code shared by two entries (an error class, say) lands once in a shared chunk, so `instanceof` keeps working;
 * - each `exports` entry gets one rolled-up `.d.ts`; the JavaScript is whitespace-minified with every name kept, so stack
 *   traces and error names read as written.
 */
const SOURCE = "@cibatch/source";

type Target = string | null | { readonly [condition: string]: Target };

interface Manifest {
  readonly name: string;
  readonly exports?: Readonly<Record<string, Target>>;
  readonly imports?: Readonly<Record<string, Target>>;
}

/** `[name under dist/, source file]` for each condition of one target that names a source file. */
function entriesOf(target: Target | undefined, where: string): Array<[string, string]> {
  if (typeof target !== "object" || target === null || !(SOURCE in target)) return [];
  const source = target[SOURCE];
  const sources: Readonly<Record<string, Target>> = typeof source === "string" ? { default: source } : (source ?? {});
  return Object.entries(sources).map(([condition, file]) => {
    const out = target[condition];
    if (typeof file !== "string" || typeof out !== "string" || !/^\.\/dist\/[^/]+\.js$/.test(out)) {
      throw new Error(`${where}: the "${condition}" target must be a ./dist/*.js file beside the "${SOURCE}" one`);
    }
    return [out.slice("./dist/".length, -".js".length), file];
  });
}

/** The tsdown options for the package in `dir`. */
export function packageConfig(dir: string): UserConfig {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
  const exported = Object.entries(manifest.exports ?? {}).flatMap(([key, target]) =>
    entriesOf(target, `exports["${key}"]`),
  );
  const imported = Object.entries(manifest.imports ?? {}).flatMap(([key, target]) =>
    entriesOf(target, `imports["${key}"]`),
  );
  const entry = Object.fromEntries([...exported, ...imported]);
  if (Object.keys(entry).length === 0) throw new Error(`${manifest.name}: no "${SOURCE}" entry in exports or imports`);
  return {
    cwd: dir,
    entry,
    outDir: "dist",
    clean: true,
    format: "esm",
    platform: "neutral",
    target: "es2023",
    fixedExtension: false,
    sourcemap: false,
    // Declarations for what users import; a `#…` file is the package's own business.
    dts: { entry: exported.map(([, file]) => file), sourcemap: false },
    // Dependencies are external by default; built-ins and the package's `#…` switches must be too.
    deps: { neverBundle: [/^node:/, /^#/] },
    minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
    logLevel: "warn",
    failOnWarn: true,
  };
}

export default defineConfig(packageConfig(process.cwd()));
