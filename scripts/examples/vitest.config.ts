import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

/** The type-check of every `@example` in the published packages' TSDoc: part of `pnpm test`, no build needed. */
export default defineProject({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: { name: "examples", include: ["*.test.ts"], environment: "node", testTimeout: 120_000 },
});
