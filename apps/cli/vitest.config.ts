import { defineProject, mergeConfig } from "vitest/config";
import { shared } from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineProject({
    // *.e2e.test.ts run the built binary: they belong to vitest.e2e.config.ts (`pnpm test:e2e`), not `pnpm test`.
    test: { name: "cli", exclude: ["**/node_modules/**", "src/**/*.e2e.test.ts"], testTimeout: 20_000 },
  }),
);
