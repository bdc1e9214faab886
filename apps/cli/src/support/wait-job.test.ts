import type { CiClient, JobsDetail, WaitForJobOptions } from "@cibatch/ci-client";
import { describe, expect, it } from "vitest";
import { stopStates, waitJob } from "./wait-job.js";

type Step = { job: string } | { fail: Error };

interface ContractOptions extends WaitForJobOptions {
  readonly onPollError?: (error: unknown, info: { polls: number; nextPollInMs: number }) => void;
}

/** A client whose waitForJob plays `steps` the way the client's contract describes (one step a poll). */
function clientOf(steps: readonly Step[], end: Error | undefined, seen: ContractOptions[]): CiClient {
  return {
    async waitForJob(_jobId: string, options: ContractOptions) {
      seen.push(options);
      let polls = 0;
      for (const step of steps) {
        if (options.signal?.aborted) throw Object.assign(new Error("aborted"), { name: "CiAbortError" });
        if ("job" in step) {
          polls += 1;
          const job = { JobId: "b1", State: step.job, $metadata: {} } as unknown as JobsDetail;
          options.onProgress?.(job as never);
          if (options.until?.includes(step.job as never)) return job;
        } else options.onPollError?.(step.fail, { polls, nextPollInMs: 5000 });
      }
      if (options.signal?.aborted) throw Object.assign(new Error("aborted"), { name: "CiAbortError" });
      throw end ?? new Error("no end");
    },
  } as unknown as CiClient;
}

const network = (): Error => Object.assign(new Error("refused"), { name: "CiNetworkError", code: "ECONNREFUSED" });
const deadline = (ms: number): Error =>
  Object.assign(new Error("deadline"), { name: "CiTimeoutError", timeout: "total", ms });

const base = { jobId: "b1", until: stopStates("success"), intervalMs: 5000, timeoutMs: 60_000, now: () => 0 };

describe("waitJob: the one place the CLI calls waitForJob", () => {
  it("passes the states, interval and timeout in the client's terms", async () => {
    const seen: ContractOptions[] = [];
    const job = await waitJob(clientOf([{ job: "Running" }, { job: "Success" }], undefined, seen), {
      ...base,
      signal: new AbortController().signal,
    });
    expect(job.State).toBe("Success");
    expect(seen[0]).toMatchObject({ until: ["Success", "Failed", "Cancel"], interval: 5000, timeout: 60_000 });
    expect(stopStates("running")).toEqual(["Running", "Success", "Failed", "Cancel"]);
  });

  it("a failed first poll ends the wait with that error: the service was never reached", async () => {
    const error = network();
    const forwarded: unknown[] = [];
    await expect(
      waitJob(clientOf([{ fail: error }, { job: "Success" }], undefined, []), {
        ...base,
        signal: new AbortController().signal,
        onPollError: (e) => forwarded.push(e),
      }),
    ).rejects.toBe(error);
    expect(forwarded).toEqual([]);
  });

  it("once the job was seen, failed polls are reported and the wait goes on", async () => {
    const forwarded: unknown[] = [];
    const job = await waitJob(clientOf([{ job: "Running" }, { fail: network() }, { job: "Success" }], undefined, []), {
      ...base,
      signal: new AbortController().signal,
      onPollError: (e, info) => forwarded.push([e, info.polls]),
    });
    expect(job.State).toBe("Success");
    expect(forwarded).toEqual([[expect.objectContaining({ code: "ECONNREFUSED" }), 1]]);
  });

  it("at its deadline: exit 8 with the state when the job was seen, exit 6 when nothing answered", async () => {
    const seenRunning = waitJob(clientOf([{ job: "Running" }], deadline(60_000), []), {
      ...base,
      signal: new AbortController().signal,
    });
    await expect(seenRunning).rejects.toMatchObject({ code: "WAIT_TIMEOUT", exitCode: 8 });
    await expect(seenRunning).rejects.toThrow("it is still Running");
    const clock = { t: 0 };
    const nothing = waitJob(clientOf([], deadline(2000), []), {
      ...base,
      timeoutMs: 2000,
      now: () => (clock.t += 1500),
      signal: new AbortController().signal,
    });
    await expect(nothing).rejects.toMatchObject({ code: "UNAVAILABLE", exitCode: 6 });
    const waitDeadline = Object.assign(new Error("wait"), {
      name: "CiTimeoutError",
      code: "WAIT_TIMEOUT",
      timeout: "wait",
    });
    await expect(
      waitJob(clientOf([], waitDeadline, []), { ...base, signal: new AbortController().signal }),
    ).rejects.toMatchObject({ code: "UNAVAILABLE" });
    // One poll's own deadline (--cli-total-timeout) before the wait's is that poll's error.
    const poll = deadline(1000);
    await expect(
      waitJob(clientOf([{ job: "Running" }], poll, []), { ...base, signal: new AbortController().signal }),
    ).rejects.toBe(poll);
  });

  it("an interruption comes through as the client threw it", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      waitJob(clientOf([{ job: "Running" }], undefined, []), { ...base, signal: controller.signal }),
    ).rejects.toMatchObject({ name: "CiAbortError" });
  });
});
