import { DEMO_ACCOUNT } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { harness } from "../client/client.fixture.js";
import type { ClientCore } from "../client/client-core.js";
import { toProvider } from "../client/to-provider.js";
import { describeJob } from "../commands/describe-job.js";
import { isCiNetworkError } from "../errors/ci-network-error.js";
import { RetryQuota } from "../retry/retry-quota.js";
import { KyTransport, type RetryPathModule, retryPathLoader } from "./ky-transport.js";

// The retry path is a lazily imported module; in a browser its chunk can fail to arrive. Such a
// failure must end the call with a CiNetworkError (not a raw TypeError), and must not be kept: the
// next call that needs the retry path loads it again. The import is injected (the transport's
// `loadRetryPath` option, built with the same `retryPathLoader` as the default one).

const DESCRIBE = "DescribeInventoryTriggerJob";

function chunkFailure(): TypeError {
  return new TypeError("Failed to fetch dynamically imported module: ky-transport-retry.js");
}

describe("retryPathLoader", () => {
  it("imports once and keeps the module", async () => {
    let imports = 0;
    const load = retryPathLoader(() => {
      imports += 1;
      return import("./ky-transport-retry.js");
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(imports).toBe(1);
  });

  it("forgets a failed import, so the next call imports again", async () => {
    let imports = 0;
    const load = retryPathLoader(() => {
      imports += 1;
      return imports === 1 ? Promise.reject(chunkFailure()) : import("./ky-transport-retry.js");
    });
    await expect(load()).rejects.toThrow(TypeError);
    const module = await load();
    expect(typeof module.KyRetryPath).toBe("function");
    expect(imports).toBe(2);
  });
});

describe("KyTransport when its lazily loaded retry path cannot be loaded", () => {
  it("ends the call with a CiNetworkError, then loads the retry path again for the next call", async () => {
    const h = harness();
    const jobId = h.fake.jobs.seed({
      Name: "lazy-load",
      Type: "Workflow",
      State: "Running",
      Input: { Prefix: "in/" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    }).jobId;
    let failures = 1;
    const load = retryPathLoader((): Promise<RetryPathModule> => {
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(chunkFailure());
      }
      return import("./ky-transport-retry.js");
    });
    const base = h.makeCore() as ClientCore;
    const transport = new KyTransport({
      endpoint: base.endpoint,
      credentials: toProvider({
        bucket: base.bucket,
        region: base.region,
        credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
      }),
      fetch: h.fake.fetch,
      maxAttempts: 3,
      random: () => 0.5,
      quota: new RetryQuota(),
      skew: base.skew,
      clock: base.clock,
      sleep: base.sleep,
      attemptMs: base.timeouts.attemptMs,
      userAgent: "cibatch-test",
      loadRetryPath: load,
    });
    const core: ClientCore = Object.create(base, { transport: { value: transport } });

    // A 503 on the first attempt: the call needs the retry path, which cannot be loaded.
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 1, action: { status: 503, code: "ServiceUnavailable" } });
    const failed = await describeJob(core, jobId).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isCiNetworkError(failed)).toBe(true);
    expect(failed).toMatchObject({ code: "NETWORK_ERROR", sent: true, attempts: 1, retryable: false });
    expect(String((failed as Error).message)).toContain("retry path could not be loaded");
    expect((failed as Error).cause).toBeInstanceOf(TypeError);

    // The next call needs it again, and this time it loads: the 503 is retried.
    h.fake.faults.add({ match: { op: DESCRIBE }, times: 1, action: { status: 503, code: "ServiceUnavailable" } });
    const job = await describeJob(core, jobId);
    expect(job.JobId).toBe(jobId);
    expect(job.$metadata.attempts).toBe(2);
    expect(h.fake.journal.count({ op: DESCRIBE })).toBe(3);
  });
});
