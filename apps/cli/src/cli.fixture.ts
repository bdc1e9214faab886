import {
  createFakeCi,
  DEMO_ACCOUNT,
  demoJobs,
  type FakeCi,
  type FakeCiOptions,
  manualClock,
} from "@cibatch/testing-fakes";
import type { CliIo } from "./io.js";
import { run } from "./run.js";

/** The settings every in-process test starts from: the fake's demo bucket and account, no config file. */
export const BASE_ENV: Readonly<Record<string, string>> = {
  CIBATCH_BUCKET: "examplebucket-1250000000",
  CIBATCH_REGION: "ap-beijing",
  TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
  TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
  CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-test/config",
  TZ: "Asia/Shanghai",
};

export interface Result {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Harness {
  readonly fake: FakeCi;
  /** Runs the CLI in-process against the fake. */
  run(
    argv: readonly string[],
    overrides?: Partial<CliIo> & { env?: Record<string, string | undefined> },
  ): Promise<Result>;
}

/** A fake with the demo seed on a manual clock; `sleep` advances that clock, so waits take no real time. */
export function harness(options: FakeCiOptions = {}): Harness {
  const fake = createFakeCi({ clock: manualClock(), randomSeed: 7, ...options });
  for (const job of demoJobs()) fake.jobs.seed(job);
  return {
    fake,
    async run(argv, overrides = {}) {
      let stdout = "";
      let stderr = "";
      const { env, ...rest } = overrides;
      const io: CliIo = {
        stdout: { write: (text) => (stdout += text) },
        stderr: { write: (text) => (stderr += text) },
        env: { ...BASE_ENV, ...env },
        fetch: fake.fetch,
        clock: fake.clock,
        sleep: async (ms, signal) => {
          signal?.throwIfAborted();
          fake.clock.advance(ms);
          await Promise.resolve();
          signal?.throwIfAborted();
        },
        homedir: () => "/nonexistent/cibatch-home",
        ...rest,
      };
      const code = await run(argv, io);
      return { code, stdout, stderr };
    },
  };
}

/** Standard input that yields these chunks. */
export function stdinOf(...chunks: string[]): AsyncIterable<string> {
  return {
    async *[Symbol.asyncIterator]() {
      yield* chunks;
    },
  };
}
