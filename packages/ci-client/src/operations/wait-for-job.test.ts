import { describe, expect, it } from "vitest";
import { harness, seedJob } from "../client.fixture.js";
import type { CiError } from "../errors/ci-error.js";
import { isCiNetworkError } from "../errors/ci-network-error.js";
import { isCiServiceError } from "../errors/ci-service-error.js";
import { isCiTimeoutError } from "../errors/ci-timeout-error.js";

const DESCRIBE = "DescribeInventoryTriggerJob";

function running(h: ReturnType<typeof harness>): string {
  return seedJob(h.fake, "waited");
}

describe("waitForJob: failed polls", () => {
  it("survives passing failures, reports each to onPollError, and resolves once the job ends", async () => {
    const h = harness({ retry: { maxAttempts: 1 } });
    const id = running(h);
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 1, action: { reset: true } });
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 1, action: { status: 502, code: "BadGateway" } });
    const seen: { code: string; polls: number; next: number }[] = [];
    let progress = 0;
    const job = await h.client.waitForJob(id, {
      interval: 1_000,
      onPollError: (error, info) => seen.push({ code: error.code, polls: info.polls, next: info.nextPollInMs }),
      onProgress: () => {
        progress += 1;
        if (progress === 1) h.fake.jobs.advance(id, "Success");
      },
    });
    expect(job.State).toBe("Success");
    expect(seen).toEqual([
      { code: "ECONNRESET", polls: 1, next: 1_000 },
      { code: "BadGateway", polls: 2, next: 1_000 },
    ]);
  });

  it("doubles the interval while throttled, up to 60 s", async () => {
    const h = harness({ retry: { maxAttempts: 1 } });
    const id = running(h);
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 3, action: { status: 503, code: "SlowDown" } });
    const next: number[] = [];
    let polls = 0;
    await h.client.waitForJob(id, {
      interval: 20_000,
      onPollError: (_error, info) => next.push(info.nextPollInMs),
      onProgress: () => {
        polls += 1;
        h.fake.jobs.advance(id, "Success");
      },
    });
    expect(next).toEqual([40_000, 60_000, 60_000]);
    expect(polls).toBe(2);
  });

  it("ends at once with any other failure", async () => {
    const h = harness();
    const id = running(h);
    h.fake.faults.add({ match: { op: DESCRIBE }, action: { status: 403, code: "AccessDenied" } });
    const errors: CiError[] = [];
    const error = await h.client.waitForJob(id, { onPollError: (e) => errors.push(e) }).catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.category === "auth").toBe(true);
    expect(errors).toEqual([]);
  });

  it("rejects with the last poll's error when no poll ever succeeded (an unreachable service is a network error)", async () => {
    const h = harness({ retry: { maxAttempts: 1 } });
    const id = running(h);
    h.fake.faults.add({ match: { op: DESCRIBE }, action: { reset: true } });
    const error = await h.client.waitForJob(id, { interval: 4_000, timeout: 10_000 }).catch((e: unknown) => e);
    expect(isCiNetworkError(error)).toBe(true);
  });

  it("rejects with a timeout carrying the last job once a poll had succeeded", async () => {
    const h = harness({ retry: { maxAttempts: 1 } });
    const id = running(h);
    let first = true;
    const error = await h.client
      .waitForJob(id, {
        interval: 4_000,
        timeout: 10_000,
        onProgress: () => {
          if (first) h.fake.faults.add({ match: { op: DESCRIBE }, action: { reset: true } });
          first = false;
        },
      })
      .catch((e: unknown) => e);
    expect(isCiTimeoutError(error) && error.code === "WAIT_TIMEOUT" && error.lastJob?.JobId === id).toBe(true);
    expect((error as Error).message).toContain("last seen in state Running");
  });

  it("waits for ever with timeout 0 (until the job ends)", async () => {
    const h = harness();
    const id = running(h);
    let polls = 0;
    const job = await h.client.waitForJob(id, {
      timeout: 0,
      interval: 3_600_000,
      onProgress: () => {
        polls += 1;
        if (polls === 3) h.fake.jobs.advance(id, "Failed");
      },
    });
    expect(job.State).toBe("Failed");
    expect(h.sleeps).toEqual([3_600_000, 3_600_000, 3_600_000]);
  });
});
