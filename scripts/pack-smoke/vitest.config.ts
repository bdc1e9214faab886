import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

/**
 * The packed-install smoke test: `pnpm test:pack`, after `pnpm build` (turbo's `build` task of every published
 * package). Not part of `pnpm test`, which needs no build.
 */
export default defineProject({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    name: "pack-smoke",
    include: ["*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
