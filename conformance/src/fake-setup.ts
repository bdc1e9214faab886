import { createFakeCi, type FakeCi, type FakeCiOptions, manualClock } from "@cibatch/testing-fakes";
import { ACCOUNT } from "./harness.js";

/** The fake every runtime's suite runs against: manual clock, the suite's account, the demo jobs. */
export function suiteFakeOptions(): FakeCiOptions {
  return {
    clock: manualClock(),
    randomSeed: "conformance",
    accounts: [ACCOUNT],
    // Jobs created by the suite move one step per 10 s of fake-clock time (demo jobs stay pinned).
    transition: { mode: "afterMs", ms: 10_000 },
    jobs: "demo",
  };
}

/** Builds the suite's fake with the main (runtime-neutral) entry. */
export function createSuiteFake(): FakeCi {
  return createFakeCi(suiteFakeOptions());
}
