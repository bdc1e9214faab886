import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests spawn the built `cibatch` binary, so build this package (and, through the project
 * references, the packages it uses) once before the run: `pnpm test` on a fresh clone needs no manual build.
 * `tsc -b` is incremental, so this costs little when nothing changed.
 */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-b", fileURLToPath(new URL(".", import.meta.url))], { stdio: "inherit" });
}
