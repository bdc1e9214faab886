import type { Suite } from "../measure.js";

/** Every benchmark suite, in the order `pnpm bench` runs them. */
export const suites: readonly Suite[] = [];
