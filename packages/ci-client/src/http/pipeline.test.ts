import { describe, expect, it } from "vitest";
import { harness } from "../client.fixture.js";
import { isCiAbortError } from "../errors/ci-abort-error.js";
import { CiError } from "../errors/ci-error.js";
import { isCiNetworkError } from "../errors/ci-network-error.js";
import { isCiResponseError } from "../errors/ci-response-error.js";
import { isCiServiceError } from "../errors/ci-service-error.js";
import { isCredentialsError } from "../errors/credentials-error.js";
import { describeJob } from "../operations/describe-job.js";

// KyTransport's fast path makes the first attempt of a GET itself and hands anything but a clean
// 2xx to the lazily imported retry path (ky-transport-retry.ts). These cases cross that boundary
// with and without a debug logger, through the standalone describeJob of a browser-sized app.

const DESCRIBE = "DescribeInventoryTriggerJob";

function setup(options: { debug: boolean }) {
  const h = harness(options.debug ? {} : { logger: undefined });
  const jobId = h.fake.jobs.seed({
    Name: "lazy-boundary",
    Type: "Workflow",
    State: "Running",
    Input: { Prefix: "in/" },
    Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
  }).jobId;
  return { h, jobId, core: h.makeCore() };
}

function outcome<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe.each([
  { debug: false, label: "without a logger" },
  { debug: true, label: "with a debug logger" },
])("KyTransport's first attempt and the lazy retry path ($label)", ({ debug }) => {
  it("returns a clean first response at once: one attempt, no sleep", async () => {
    const { h, jobId, core } = setup({ debug });
    const job = await describeJob(core, jobId);
    expect(job.JobId).toBe(jobId);
    expect(job.$metadata.attempts).toBe(1);
    expect(job.$metadata.requestId).toEqual(expect.any(String));
    expect(h.sleeps).toEqual([]);
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(1);
    const traced = h.logs.filter((line) => line.message === "ci-client describe attempt 1: success");
    expect(traced).toHaveLength(debug ? 1 : 0);
    if (debug) expect(traced[0]?.fields).toMatchObject({ status: 200, attempt: 1, action: "success" });
  });

  it("ends a final error status on the first attempt with the typed CiServiceError", async () => {
    const { h, jobId, core } = setup({ debug });
    h.fake.faults.add({ match: { op: DESCRIBE }, action: { status: 403, code: "AccessDenied" } });
    const result = await outcome(describeJob(core, jobId));
    expect(result).toHaveProperty("error");
    const error = (result as { error: unknown }).error;
    expect(error).toBeInstanceOf(CiError);
    expect(error).toBeInstanceOf(Error);
    expect(isCiServiceError(error)).toBe(true);
    expect(error).toMatchObject({ code: "AccessDenied", status: 403, retryable: false, attempts: 1 });
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(1);
  });

  it("retries a retryable first response (503) through the retry path, after the policy's backoff", async () => {
    const { h, jobId, core } = setup({ debug });
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 1, action: { status: 503, code: "ServiceUnavailable" } });
    const job = await describeJob(core, jobId);
    expect(job.$metadata.attempts).toBe(2);
    expect(h.sleeps).toEqual([50]);
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(2);
  });

  it("retries a first attempt that threw (connection reset)", async () => {
    const { h, jobId, core } = setup({ debug });
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 1, action: { reset: true } });
    const job = await describeJob(core, jobId);
    expect(job.$metadata.attempts).toBe(2);
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(2);
  });

  it("ends persistent resets with a CiNetworkError once the attempts are spent", async () => {
    const { h, jobId, core } = setup({ debug });
    h.fake.faults.add({ match: { op: DESCRIBE }, action: { reset: true } });
    const result = await outcome(describeJob(core, jobId));
    const error = (result as { error: unknown }).error;
    expect(isCiNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ attempts: 3 });
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(3);
  });

  it("ends a complete 2xx that is not XML with a decode error at once, not retried", async () => {
    const { h, jobId, core } = setup({ debug });
    h.fake.faults.add({
      match: { op: DESCRIBE },
      action: { status: 200, body: "<html><body>hello</body></html>", contentType: "text/html" },
    });
    const result = await outcome(describeJob(core, jobId));
    const error = (result as { error: unknown }).error;
    expect(isCiResponseError(error)).toBe(true);
    expect(error).toMatchObject({ code: "NOT_XML", status: 200, attempts: 1, category: "decode" });
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(1);
  });

  it("rejects a call whose signal is already aborted with CiAbortError, sending nothing", async () => {
    const { h, jobId, core } = setup({ debug });
    const result = await outcome(describeJob(core, jobId, { signal: AbortSignal.abort(new Error("stop")) }));
    const error = (result as { error: unknown }).error;
    expect(isCiAbortError(error)).toBe(true);
    expect(error).toMatchObject({ sent: false, attempts: 0 });
    expect(h.fake.journal.count()).toBe(0);
  });

  it("surfaces a credentials failure of the first attempt as it is, sending nothing", async () => {
    const { h, jobId } = setup({ debug });
    const core = h.makeCore({
      credentials: () => Promise.reject(new Error("the backend is down")),
      ...(debug ? {} : { logger: undefined }),
    });
    const result = await outcome(describeJob(core, jobId));
    const error = (result as { error: unknown }).error;
    expect(isCredentialsError(error)).toBe(true);
    expect(error).toMatchObject({ code: "PROVIDER_FAILED" });
    expect(h.fake.journal.count()).toBe(0);
  });
});
