import {
  type CiClient,
  CiNetworkError,
  CiServiceError,
  CiTimeoutError,
  type JobsDetail,
  type WithMetadata,
} from "@cibatch/ci-client";
import { describe, expect, it } from "vitest";
import { elapsed, isTerminal, type PollOptions, pollJob } from "./poll-job.js";

type Step = string | Error;

/** A client whose describeJob answers the steps in order (a state, or an error to throw), then the last one again. */
function scripted(steps: readonly Step[]): { client: CiClient; calls: () => number } {
  let calls = 0;
  const client = {
    async describeJob(jobId: string): Promise<JobsDetail & WithMetadata> {
      const step = steps[Math.min(calls, steps.length - 1)] as Step;
      calls++;
      if (step instanceof Error) throw step;
      return { JobId: jobId, Name: "n", State: step, $metadata: { requestId: `r${calls}` } } as unknown as JobsDetail &
        WithMetadata;
    },
  } as unknown as CiClient;
  return { client, calls: () => calls };
}

/** Poll options on a manual clock: `sleep` moves the clock and records each pause. */
function options(client: CiClient, overrides: Partial<PollOptions> = {}): PollOptions & { sleeps: number[] } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    client,
    jobId: "b1",
    intervalMs: 5000,
    timeoutMs: 0,
    signal: new AbortController().signal,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    done: (job) => isTerminal(String(job.State)),
    sleeps,
    ...overrides,
  };
}

const throttled = (): CiServiceError =>
  new CiServiceError({ code: "SlowDown", status: 503, retryable: true, attempts: 3 });
const tooMany = (): CiServiceError =>
  new CiServiceError({ code: "HTTP_429", status: 429, retryable: true, attempts: 3 });

describe("pollJob", () => {
  it("describes every interval until the condition holds and returns that job", async () => {
    const { client, calls } = scripted(["Submitted", "Running", "Running", "Success"]);
    const seen: string[] = [];
    const o = options(client, { onJob: (job) => seen.push(String(job.State)) });
    const job = await pollJob(o);
    expect(job.State).toBe("Success");
    expect(seen).toEqual(["Submitted", "Running", "Running", "Success"]);
    expect(calls()).toBe(4);
    expect(o.sleeps).toEqual([5000, 5000, 5000]);
  });

  it("doubles the interval while throttled, up to 60 s, and goes back to normal after a success", async () => {
    const steps: Step[] = [
      throttled(),
      tooMany(),
      throttled(),
      throttled(),
      throttled(),
      "Running",
      throttled(),
      "Success",
    ];
    const { client } = scripted(steps);
    const o = options(client, { intervalMs: 10_000 });
    expect((await pollJob(o)).State).toBe("Success");
    expect(o.sleeps).toEqual([20_000, 40_000, 60_000, 60_000, 60_000, 10_000, 20_000]);
  });

  it("keeps waiting through transient failures (network, timeouts, 5xx) at the normal interval", async () => {
    const steps: Step[] = [
      new CiNetworkError({ code: "ECONNRESET", sent: true, retryable: true, attempts: 3 }),
      new CiTimeoutError({ timeout: "attempt", ms: 30_000, retryable: true, attempts: 3 }),
      new CiServiceError({ code: "InternalError", status: 500, retryable: true, attempts: 3 }),
      "Failed",
    ];
    const { client, calls } = scripted(steps);
    const o = options(client);
    expect((await pollJob(o)).State).toBe("Failed");
    expect(calls()).toBe(4);
    expect(o.sleeps).toEqual([5000, 5000, 5000]);
  });

  it("stops at the first failure that waiting cannot fix (not found, credentials refused, a bug)", async () => {
    const notFound = new CiServiceError({ code: "NoSuchJob", status: 404, retryable: false, attempts: 1 });
    const a = scripted(["Running", notFound]);
    await expect(pollJob(options(a.client))).rejects.toBe(notFound);
    expect(a.calls()).toBe(2);
    const denied = new CiServiceError({ code: "AccessDenied", status: 403, retryable: false, attempts: 1 });
    await expect(pollJob(options(scripted([denied]).client))).rejects.toBe(denied);
    const bug = new TypeError("boom");
    await expect(pollJob(options(scripted([bug]).client))).rejects.toBe(bug);
  });

  it("times out on the injected clock with WAIT_TIMEOUT (exit 8), never sleeping past the deadline", async () => {
    const { client, calls } = scripted(["Running"]);
    const o = options(client, { intervalMs: 40_000, timeoutMs: 100_000 });
    await expect(pollJob(o)).rejects.toMatchObject({
      code: "WAIT_TIMEOUT",
      exitCode: 8,
      message:
        "timed out after 100 s waiting for job b1; the job keeps running (raise --timeout, or check it with: cibatch jobs describe b1)",
    });
    expect(o.sleeps).toEqual([40_000, 40_000, 20_000]);
    expect(calls()).toBe(4);
  });

  it("a timeout also ends a wait that only ever saw transient failures", async () => {
    const { client } = scripted([throttled()]);
    const o = options(client, { intervalMs: 1000, timeoutMs: 5000 });
    await expect(pollJob(o)).rejects.toMatchObject({ code: "WAIT_TIMEOUT" });
    expect(o.sleeps).toEqual([2000, 3000]);
  });

  it("rethrows as is once the signal is aborted, even an error it would otherwise wait through", async () => {
    const controller = new AbortController();
    const reset = new CiNetworkError({ code: "ECONNRESET", sent: true, retryable: true, attempts: 1 });
    const client = {
      async describeJob(): Promise<never> {
        controller.abort(new Error("stop"));
        throw reset;
      },
    } as unknown as CiClient;
    const o = options(client, { signal: controller.signal });
    await expect(pollJob(o)).rejects.toBe(reset);
    expect(o.sleeps).toEqual([]);
  });
});

describe("isTerminal and elapsed", () => {
  it("only Success, Failed and Cancel end a job", () => {
    expect(["Success", "Failed", "Cancel"].every(isTerminal)).toBe(true);
    expect(["Submitted", "Running", "Pause", "success"].some(isTerminal)).toBe(false);
  });

  it("prints seconds, then minutes and seconds, then hours and minutes", () => {
    expect(elapsed(-5)).toBe("0s");
    expect(elapsed(42_999)).toBe("42s");
    expect(elapsed(60_000)).toBe("1m00s");
    expect(elapsed(185_000)).toBe("3m05s");
    expect(elapsed(3_599_999)).toBe("59m59s");
    expect(elapsed(3_720_000)).toBe("1h02m");
    expect(elapsed(90_000_000)).toBe("25h00m");
  });
});
