import { defineProject, mergeConfig } from "vitest/config";
import { shared } from "../../vitest.shared.ts";

// The "docs" project: runs every example of examples/ and every package README example against the fake.
// The browser smoke test and the link check need the built site, so they live in vitest.smoke.config.ts.
export default mergeConfig(shared, defineProject({ test: { name: "docs", testTimeout: 20_000 } }));
