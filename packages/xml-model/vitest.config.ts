import { defineProject, mergeConfig } from "vitest/config";
import { shared } from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: "xml-model",
      // Type tests (*.test-d.ts) run in the same `vitest run`, checked by tsc with this package's tsconfig.test.json (the repository check config, this package only).
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.test.json" },
    },
  }),
);
