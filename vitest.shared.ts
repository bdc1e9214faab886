import { defineProject } from "vitest/config";

/**
 * Settings every vitest project shares. Projects listed by glob in the root config do not inherit
 * root options, so each package's `vitest.config.ts` merges this object.
 */
export const shared: ReturnType<typeof defineProject> = defineProject({
  // Resolve sibling workspace packages to their TypeScript sources: `pnpm test` needs no build.
  resolve: { conditions: ["@cibatch/source"] },
  ssr: { resolve: { conditions: ["@cibatch/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    restoreMocks: true,
    unstubGlobals: true,
  },
});
