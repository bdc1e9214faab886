import type { CiClock } from "@cibatch/ci-client";
import { DEMO_ACCOUNT, demoJobs, startFake } from "@cibatch/testing-fakes/node";
import type { ExampleEnv } from "../examples/env.js";

/** A running fake with the demo jobs, and the env the examples receive. */
export interface ExampleHarness {
  /** The listener and its fake. */
  readonly server: Awaited<ReturnType<typeof startFake>>;
  /** Lines the examples printed since the last `reset()`. */
  readonly lines: string[];
  /** The env to pass to `main()`. */
  readonly env: ExampleEnv;
  /** Clears the fake (jobs, faults, journal) and the printed lines, then seeds the demo jobs again. */
  reset(): void;
}

/** Real time for signing; sleeps end at once (after a macrotask), so polling and backoff take no real time. */
export const instantSleepClock: CiClock = {
  now: () => Date.now(),
  sleep: (_ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) reject(signal.reason);
      else setImmediate(resolve);
    }),
};

/** Starts the fake on 127.0.0.1 with a fixed seed and the demo data. */
export async function startExampleHarness(): Promise<ExampleHarness> {
  const server = await startFake({ port: 0, randomSeed: 7 });
  const lines: string[] = [];
  const reset = (): void => {
    server.fake.reset();
    for (const job of demoJobs()) server.fake.jobs.seed(job);
    lines.length = 0;
  };
  reset();
  const env: ExampleEnv = {
    endpoint: server.url,
    credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
    clock: instantSleepClock,
    log: (...values) => lines.push(values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(" ")),
  };
  return { server, lines, env, reset };
}
