import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

/**
 * The repository scripts' tests, and the type-check of every `@example` in the published packages' TSDoc: part of
 * `pnpm test`, no build needed. The packed-install smoke test has its own config (`pack-smoke/`).
 */
export default defineProject({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    name: "scripts",
    include: ["*.test.ts", "examples/*.test.ts"],
    environment: "node",
    restoreMocks: true,
    testTimeout: 120_000,
  },
});
