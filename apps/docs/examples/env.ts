import type { CiClock, Credentials } from "@cibatch/ci-client";

/**
 * What every example's `main(env)` receives. The docs test suite passes a fake CI service started with
 * `startFake()` from `@cibatch/testing-fakes`; against the real service you would drop `endpoint` and `clock`
 * and let the default credential chain find your keys. The examples use the demo
 * bucket `examplebucket-1250000000` in `ap-beijing`, which the fake serves.
 */
export interface ExampleEnv {
  /** Where to connect, e.g. the fake's `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Keys the service accepts (the fake's demo keys in the test suite). */
  readonly credentials: Credentials;
  /** Optional time source; the test suite passes one whose sleeps return at once so waits take no real time. */
  readonly clock?: CiClock | undefined;
  /** Where examples print; `console.log` when absent. */
  readonly log?: ((...values: unknown[]) => void) | undefined;
}
