import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * The end-to-end tests spawn the built `cibatch` binary, so build it and the packages it loads once
 * before the run: `pnpm test` on a fresh clone needs no manual build. Through turbo, because a package's
 * build is more than `tsc -b` (its published JavaScript is bundled afterwards, see
 * scripts/build-package.mjs); turbo's cache makes this cost little when nothing changed.
 */
export default function setup(): void {
  const turbo = createRequire(import.meta.url).resolve("turbo/bin/turbo");
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, [turbo, "run", "build", "--filter=@cibatch/cli...", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
}
