import { defineConfig } from "vitest/config";

// Checks of the built site (run `pnpm run docs` first): not part of `pnpm test`, which builds nothing.
export default defineConfig({
  test: {
    name: "docs-smoke",
    include: ["smoke/**/*.smoke.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
