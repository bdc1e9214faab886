import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Only folders that declare a project config take part.
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "scripts/vitest.config.ts"],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**", "apps/cli/src/**"],
      exclude: ["**/*.test.ts", "**/*.test-d.ts", "**/*.fixture.ts"],
      reporter: ["text-summary", "json-summary"],
      // Per-package floors, enforced whenever `--coverage` is on (CI runs with it).
      thresholds: {
        "packages/signer/src/**": { lines: 95 },
        "packages/xml-model/src/**": { lines: 95 },
        "packages/testing-fakes/src/**": { lines: 90 },
        "packages/ci-client/src/**": { lines: 90 },
        "apps/cli/src/**": { lines: 90 },
      },
    },
  },
});
