import { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { harness, NODE_REQUEST, WORKFLOW_REQUEST } from "./client.fixture.js";
import { CiClient } from "./client.js";
import { fromEnv } from "./credentials/from-env.js";
import { isCiAbortError } from "./errors/ci-abort-error.js";
import { isCiError } from "./errors/ci-error.js";
import { isCiServiceError } from "./errors/ci-service-error.js";
import { isCiTimeoutError } from "./errors/ci-timeout-error.js";
import { isCredentialsError } from "./errors/credentials-error.js";
import { isValidationError } from "./errors/validation-error.js";

const WORKFLOW_ID = "w7476ff3564ee45b7b490d64bccaba6cc";

function seedRunning(h: ReturnType<typeof harness>, name = "seeded", extra: Record<string, unknown> = {}): string {
  return h.fake.jobs.seed({
    Name: name,
    Type: "Workflow",
    State: "Running",
    Input: { Prefix: "in/" },
    Operation: { WorkflowIds: WORKFLOW_ID },
    ...extra,
  }).jobId;
}

describe("new CiClient", () => {
  it("validates bucket and region together and sends nothing", () => {
    const error = (() => {
      try {
        return new CiClient({ bucket: "Bad_Bucket", region: "AP Beijing" });
      } catch (e) {
        return e;
      }
    })();
    expect(isValidationError(error) && error.problems.map((p) => p.path).sort()).toEqual(["bucket", "region"]);
  });

  it("rejects a non-object", () => {
    expect(() => new CiClient(null as never)).toThrow(/bucket and region/);
  });

  it("defaults to https on the CI host and exposes bucket, region and the skew offset", () => {
    const client = new CiClient({
      bucket: DEMO_BUCKET,
      region: DEMO_REGION,
      credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
    });
    expect(client.endpointUrl).toBe(`https://${DEMO_BUCKET}.ci.${DEMO_REGION}.myqcloud.com`);
    expect([client.bucket, client.region, client.clockSkewMs]).toEqual([DEMO_BUCKET, DEMO_REGION, 0]);
  });

  it("validates timeouts and retry options", () => {
    expect(() => new CiClient({ bucket: DEMO_BUCKET, region: DEMO_REGION, timeouts: { deadlineMs: -1 } })).toThrow(
      /deadlineMs/,
    );
    expect(() => new CiClient({ bucket: DEMO_BUCKET, region: DEMO_REGION, retry: { maxAttempts: 0 } })).toThrow(
      /maxAttempts/,
    );
  });

  it("sends the user agent, signs every request and uses a credential provider", async () => {
    const h = harness({
      userAgent: "my-app/1.0",
      credentials: fromEnv({
        env: { TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId, TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey },
      }),
    });
    await h.client.listJobs();
    const entry = h.fake.journal.last();
    expect(entry?.headers["user-agent"]).toBe("cibatch-ci-client my-app/1.0");
    expect(entry?.signature.result).toBe("ok");
  });

  it("turns a failing credentials provider into a CredentialsError without sending", async () => {
    const h = harness({ credentials: async () => Promise.reject(new Error("vault down")) });
    const error = await h.client.listJobs().catch((e: unknown) => e);
    expect(isCredentialsError(error)).toBe(true);
    expect(h.fake.journal.count()).toBe(0);
  });
});

describe("describeJob / describeJobs", () => {
  it("returns the typed job with $metadata that does not serialise", async () => {
    const h = harness();
    const id = seedRunning(h);
    const job = await h.client.describeJob(id);
    expect(job).toMatchObject({ JobId: id, Name: "seeded", State: "Running", Type: "Workflow" });
    expect(job.CreationTime).toBeInstanceOf(Date);
    expect(job.$metadata.requestId).toBe(h.fake.journal.last()?.requestId);
    expect(JSON.stringify(job)).not.toContain("$metadata");
  });

  it("throws NoSuchJob for an id the service does not know", async () => {
    const h = harness();
    const error = await h.client.describeJob("b00000000000000000000000000000000").catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "NoSuchJob" && !error.retryable).toBe(true);
  });

  it("describes several ids at once and reports the missing ones", async () => {
    const h = harness();
    const a = seedRunning(h, "a");
    const b = seedRunning(h, "b");
    const missing = "b11111111111111111111111111111111";
    const result = await h.client.describeJobs([a, missing, b]);
    expect(result.JobsDetail.map((j) => j.JobId)).toEqual([a, b]);
    expect(result.NonExistJobIds).toEqual([missing]);
    expect(h.fake.journal.count()).toBe(1);
  });

  const BAD_IDS = ["", "../b1", "b1%2Fx", "a/b", "b 1", "b1\u0001", "b1\n", "..", "a,b"];
  for (const bad of BAD_IDS) {
    it(`rejects job id ${JSON.stringify(bad)} before sending, for every operation taking an id`, async () => {
      const h = harness();
      const calls = [
        h.client.describeJob(bad),
        h.client.describeJobs([bad]),
        h.client.cancelJob(bad),
        h.client.waitForJob(bad),
      ];
      for (const call of calls) expect(isValidationError(await call.catch((e: unknown) => e))).toBe(true);
      expect(h.fake.journal.count()).toBe(0);
    });
  }

  it("rejects an empty id list", async () => {
    const h = harness();
    expect(isValidationError(await h.client.describeJobs([]).catch((e: unknown) => e))).toBe(true);
  });
});

describe("listJobs / paginateJobs", () => {
  it("passes filters and returns the page with its token", async () => {
    const h = harness();
    seedRunning(h, "a");
    h.fake.jobs.seed({
      Name: "n",
      Type: "Job",
      State: "Failed",
      Input: { Prefix: "x/" },
      Operation: NODE_REQUEST.Operation,
    });
    const page = await h.client.listJobs({ type: "Job", states: ["Failed"], size: 1 });
    expect(page.JobsDetail.map((j) => j.Name)).toEqual(["n"]);
    expect(page.NextToken).toBeUndefined();
    expect(h.fake.journal.last()?.query).toMatchObject({ type: "Job", states: "Failed", size: "1" });
  });

  it("rejects invalid filters before sending", async () => {
    const h = harness();
    const error = await h.client.listJobs({ size: 1000 }).catch((e: unknown) => e);
    expect(isValidationError(error) && error.problems[0]?.path.startsWith("query")).toBe(true);
    expect(() => h.client.paginateJobs({ size: 0 })).toThrow();
    expect(h.fake.journal.count()).toBe(0);
  });

  it("walks 250 jobs over 3 pages of 100, one page at a time", async () => {
    const h = harness();
    for (let i = 0; i < 250; i++) seedRunning(h, `job${i}`);
    const ids = new Set<string>();
    let pagesSeenBeforeFirstJob = -1;
    for await (const job of h.client.paginateJobs({ size: 100 })) {
      if (pagesSeenBeforeFirstJob < 0) pagesSeenBeforeFirstJob = h.fake.journal.count();
      ids.add(job.JobId);
    }
    expect(ids.size).toBe(250);
    expect(pagesSeenBeforeFirstJob).toBe(1);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJobs" })).toBe(3);
    const sizes: number[] = [];
    for await (const page of h.client.paginateJobPages({ size: 100 })) sizes.push(page.JobsDetail.length);
    expect(sizes).toEqual([100, 100, 50]);
  });
});

describe("createJob", () => {
  it("creates both variants", async () => {
    const h = harness();
    const workflow = await h.client.createJob(WORKFLOW_REQUEST);
    const node = await h.client.createJob(NODE_REQUEST);
    expect(workflow).toMatchObject({ Name: "nightly", Type: "Workflow", State: "Submitted" });
    expect(node.Type === "Job" && node.Operation.Tag).toBe("Transcode");
    expect(workflow.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1, reconciled: false, warnings: [] });
    expect(h.fake.jobs.list()).toHaveLength(2);
  });

  it("validates the request before sending", async () => {
    const h = harness();
    const error = await h.client
      .createJob({ Name: "", Type: "Workflow", Input: { Prefix: "a/" }, Operation: { WorkflowIds: "" } })
      .catch((e: unknown) => e);
    expect(isValidationError(error) && error.problems.length).toBeGreaterThanOrEqual(2);
    expect(h.fake.journal.count()).toBe(0);
  });
});

describe("cancelJob", () => {
  it("cancels, and cancelling again is idempotent", async () => {
    const h = harness();
    const id = seedRunning(h);
    const result = await h.client.cancelJob(id);
    expect(result).toMatchObject({ jobId: id, verified: false });
    expect(h.fake.jobs.get(id)?.state).toBe("Cancel");
    await h.client.cancelJob(id);
  });

  it("a refused retry after an ambiguous attempt is verified with a describe", async () => {
    const h = harness();
    const id = seedRunning(h);
    // The first cancel acts but its answer is lost; the retry is refused (the job is already finished).
    h.fake.faults.add({ match: { op: "CancelInventoryTriggerJob" }, times: 1, when: "after", action: { reset: true } });
    h.fake.faults.add({
      match: { op: "CancelInventoryTriggerJob" },
      times: 1,
      action: { status: 400, code: "InvalidArgument", message: "job already cancelled" },
    });
    const result = await h.client.cancelJob(id);
    expect(result.verified).toBe(true);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(1);
  });

  it("a refusal without an earlier ambiguous attempt is final", async () => {
    const h = harness();
    const id = h.fake.jobs.seed({
      Name: "done",
      Type: "Workflow",
      State: "Success",
      Input: { Prefix: "a/" },
      Operation: { WorkflowIds: WORKFLOW_ID },
    }).jobId;
    const error = await h.client.cancelJob(id).catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.status === 400).toBe(true);
  });
});

describe("waitForJob", () => {
  for (const state of ["Success", "Failed", "Cancel"] as const) {
    it(`resolves when the job reaches ${state}`, async () => {
      const h = harness({}, { transition: { mode: "afterDescribes", n: 1 } });
      const id = h.fake.jobs.seed({
        Name: "w",
        Type: "Workflow",
        State: "Submitted",
        Input: { Prefix: "a/" },
        Operation: { WorkflowIds: WORKFLOW_ID },
        ...(state === "Failed" && { outcome: { state: "Failed", code: "InternalError", message: "boom" } }),
      }).jobId;
      if (state === "Cancel") h.fake.jobs.advance(id, "Cancel");
      const seen: string[] = [];
      const job = await h.client.waitForJob(id, { interval: 1_000, onProgress: (j) => seen.push(j.State) });
      expect(job.State).toBe(state);
      expect(seen.at(-1)).toBe(state);
      if (state !== "Cancel") expect(seen.length).toBeGreaterThan(1);
      if (state === "Failed") expect([job.Code, job.Message]).toEqual(["InternalError", "boom"]);
    });
  }

  it("stops at the states given in until", async () => {
    const h = harness({}, { transition: { mode: "afterDescribes", n: 1 } });
    const id = h.fake.jobs.seed({
      Name: "w",
      Type: "Workflow",
      State: "Submitted",
      Input: { Prefix: "a/" },
      Operation: { WorkflowIds: WORKFLOW_ID },
    }).jobId;
    const job = await h.client.waitForJob(id, { until: ["Running"], interval: 10 });
    expect(job.State).toBe("Running");
  });

  it("times out with a CiTimeoutError, sleeping the interval between polls", async () => {
    const h = harness();
    const id = seedRunning(h);
    const error = await h.client.waitForJob(id, { interval: 3_000, timeout: 10_000 }).catch((e: unknown) => e);
    expect(isCiTimeoutError(error) && error.code === "WAIT_TIMEOUT" && error.ms === 10_000).toBe(true);
    expect((error as { lastJob?: { JobId: string } }).lastJob?.JobId).toBe(id);
    expect(h.sleeps).toEqual([3_000, 3_000, 3_000]);
  });

  it("validates its options", async () => {
    const h = harness();
    const id = seedRunning(h);
    for (const options of [{ interval: -1 }, { timeout: Number.NaN }, { until: [] }]) {
      expect(isValidationError(await h.client.waitForJob(id, options).catch((e: unknown) => e))).toBe(true);
    }
  });

  it("aborts between polls", async () => {
    const h = harness();
    const id = seedRunning(h);
    const controller = new AbortController();
    const error = await h.client
      .waitForJob(id, { signal: controller.signal, interval: 5, onProgress: () => controller.abort("stop") })
      .catch((e: unknown) => e);
    expect(isCiAbortError(error) && error.cause === "stop").toBe(true);
  });
});

describe("abort and timeout of every operation", () => {
  type Call = (h: ReturnType<typeof harness>, id: string, signal?: AbortSignal) => Promise<unknown>;
  const CALLS: Record<string, Call> = {
    describeJob: (h, id, signal) => h.client.describeJob(id, { signal }),
    describeJobs: (h, id, signal) => h.client.describeJobs([id], { signal }),
    listJobs: (h, _id, signal) => h.client.listJobs({}, { signal }),
    paginateJobs: async (h, _id, signal) => {
      for await (const _job of h.client.paginateJobs({}, { signal })) {
        // consume
      }
    },
    cancelJob: (h, id, signal) => h.client.cancelJob(id, { signal }),
    waitForJob: (h, id, signal) => h.client.waitForJob(id, { signal }),
    createJob: (h, _id, signal) => h.client.createJob(WORKFLOW_REQUEST, { signal }),
  };
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: an already-aborted signal sends nothing`, async () => {
      const h = harness();
      const id = seedRunning(h);
      const error = await call(h, id, AbortSignal.abort("no")).catch((e: unknown) => e);
      expect(isCiAbortError(error) && !error.sent).toBe(true);
      expect(h.fake.journal.count()).toBe(0);
    });

    it(`${name}: aborting while the service does not answer rejects at once`, async () => {
      const h = harness({ timeouts: { attemptTimeoutMs: 0, deadlineMs: 0 } });
      const id = seedRunning(h);
      h.fake.faults.add({ action: { hang: true } });
      const controller = new AbortController();
      setTimeout(() => controller.abort("enough"), 20);
      const error = await call(h, id, controller.signal).catch((e: unknown) => e);
      expect(isCiError(error)).toBe(true);
      // A create aborted after sending is ambiguous; everything else is a plain abort.
      expect(name === "createJob" ? (error as { reason: string }).reason : isCiAbortError(error)).toBe(
        name === "createJob" ? "ABORTED" : true,
      );
    });

    if (name !== "createJob" && name !== "waitForJob") {
      it(`${name}: the total deadline ends a call the service never answers`, async () => {
        const h = harness({ timeouts: { attemptTimeoutMs: 0, deadlineMs: 60 } });
        const id = seedRunning(h);
        h.fake.faults.add({ action: { hang: true } });
        const error = await call(h, id).catch((e: unknown) => e);
        expect(isCiTimeoutError(error) && error.timeout === "total" && error.sent).toBe(true);
      });
    }
  }
});

describe("retry quota and logging", () => {
  it("the per-client quota stops retries during an outage, and successes refill it", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "DescribeInventoryTriggerJobs" },
      action: { status: 500, code: "InternalError" },
    });
    // Each failing call makes 2 retries at 5 tokens: 500 tokens last 50 calls.
    for (let i = 0; i < 50; i++) await h.client.listJobs().catch(() => undefined);
    expect(h.fake.journal.count()).toBe(150);
    const error = await h.client.listJobs().catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.attempts).toBe(1);
  });

  it("writes one debug line per attempt with the decision", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "DescribeInventoryTriggerJobs" },
      times: 1,
      action: { status: 503, code: "SlowDown" },
    });
    await h.client.listJobs();
    const lines = h.logs.filter((l) => l.message.startsWith("ci-client list attempt"));
    expect(lines.map((l) => (l.fields as { action: string }).action)).toEqual(["retry", "success"]);
    expect(lines[0]?.fields).toMatchObject({ status: 503, attempt: 1, delayMs: 250, method: "GET" });
  });

  it("logs a change of the clock-skew offset", async () => {
    const h = harness();
    const client = h.makeClient({ clock: { now: () => h.fake.clock.now() - 120_000, sleep: async () => {} } });
    await client.listJobs();
    expect(h.logs.some((l) => l.message.includes("clock skew offset 0 ms -> 120000 ms"))).toBe(true);
  });
});
