import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**"],
      exclude: ["**/*.test.ts", "**/*.test-d.ts", "**/*.fixture.ts", "**/index.ts"],
      reporter: ["text-summary", "json-summary"],
    },
  },
});
