import { defineProject } from "vitest/config";
import { shared } from "../../vitest.shared.ts";

/**
 * The tests that spawn the built `cibatch` binary. Run through turbo (`pnpm test:e2e` at the root), whose
 * `test:e2e` task depends on this package's build and, through it, on its dependencies' builds. The shared
 * settings are spread rather than merged: merging would add the shared `include` (every test) to this one.
 */
export default defineProject({
  ...shared,
  test: { ...shared.test, name: "cli-e2e", include: ["src/**/*.e2e.test.ts"], testTimeout: 20_000 },
});
