import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

/** Tests of the repository scripts (`pnpm api:check`): plain Node ESM, no workspace sources. */
export default defineProject({
  // This folder, also when the config is passed with `--config` from the repository root.
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    name: "scripts",
    include: ["api-report/**/*.test.ts"],
    environment: "node",
    restoreMocks: true,
    // The run tests build TypeScript programs and git repositories in temporary folders.
    testTimeout: 30_000,
  },
});
