import type { CiClock } from "@cibatch/ci-client";
import { signRequest } from "@cibatch/signer";
import { createFakeCi, DEMO_ACCOUNT, demoJobs, type FakeCi } from "@cibatch/testing-fakes";

type Printer = (...values: unknown[]) => void;

let shared: FakeCi | undefined;
const closers: (() => Promise<void>)[] = [];
const lines: string[] = [];
const failures: string[] = [];

function print(level: string): Printer {
  return (...values) => lines.push(`${level}${values.map((v) => (typeof v === "string" ? v : String(v))).join(" ")}`);
}

/**
 * What the README examples see through their hidden prelude: a console that records, the in-process fake that
 * stands in for the real service, sample documents, and `expect` for the checks appended to a block.
 */
export const readme: {
  /** Replaces `console` in a block: lines go to {@link readme.lines} instead of the terminal. */
  readonly console: { log: Printer; info: Printer; warn: Printer; error: Printer };
  /** Everything the blocks printed (`error: ` / `warn: ` prefixed). */
  readonly lines: string[];
  /** Failed `expect` calls. */
  readonly failures: string[];
  /** The shared fake (demo keys and jobs), created on first use. */
  fake(): FakeCi;
  /** `fetch` to the shared fake: stands in for `fetch` to the real service. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** A `ListJobs` response body as the fake sends it. */
  listJobsXml(): Promise<string>;
  /** Records a failure unless `condition` holds. */
  expect(condition: boolean, message: string): void;
  /** Registers a listener to close after the run. */
  track(close: () => Promise<void>): void;
  /** Closes every tracked listener. */
  closeAll(): Promise<void>;
} = {
  console: { log: print(""), info: print(""), warn: print("warn: "), error: print("error: ") },
  lines,
  failures,
  fake() {
    if (!shared) {
      shared = createFakeCi({ randomSeed: 11 });
      for (const job of demoJobs()) shared.jobs.seed(job);
    }
    return shared;
  },
  fetch(input, init) {
    return readme.fake().fetch(input, init);
  },
  async listJobsXml() {
    const url = "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob?size=3";
    const { headers } = await signRequest({ method: "GET", url, credentials: DEMO_ACCOUNT });
    return (await readme.fetch(url, { headers })).text();
  },
  expect(condition, message) {
    if (!condition) failures.push(message);
  },
  track(close) {
    closers.push(close);
  },
  async closeAll() {
    await Promise.all(closers.splice(0).map((close) => close()));
  },
};

/** Real time for signing; sleeps end at once, so `waitForJob` and backoff in README blocks take no real time. */
export const instantClock: CiClock = {
  now: () => Date.now(),
  sleep: (_ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) reject(signal.reason);
      else setImmediate(resolve);
    }),
};

/** The demo keys, as client credentials. */
export const demoCredentials: { secretId: string; secretKey: string } = {
  secretId: DEMO_ACCOUNT.secretId,
  secretKey: DEMO_ACCOUNT.secretKey,
};
