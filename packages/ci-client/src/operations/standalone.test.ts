import { DEMO_BUCKET, DEMO_REGION } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { harness, NODE_REQUEST, WORKFLOW_REQUEST } from "../client.fixture.js";
import { CiClient } from "../client.js";
import type { CiCore } from "../core.js";
import { createCiCore } from "../core.js";
import { isCiAbortError } from "../errors/ci-abort-error.js";
import { isCiServiceError } from "../errors/ci-service-error.js";
import { isValidationError } from "../errors/validation-error.js";
import { cancelJob } from "./cancel-job.js";
import { createJob } from "./create-job.js";
import { describeJob } from "./describe-job.js";
import { describeJobs } from "./describe-jobs.js";
import { listJobs, paginateJobPages, paginateJobs } from "./list-jobs.js";
import { waitForJob } from "./wait-for-job.js";

const WORKFLOW_ID = "w7476ff3564ee45b7b490d64bccaba6cc";
const MISSING = "b00000000000000000000000000000000";

type H = ReturnType<typeof harness>;

function seed(h: H, name: string, state: "Running" | "Submitted" = "Running"): string {
  return h.fake.jobs.seed({
    Name: name,
    Type: "Workflow",
    State: state,
    Input: { Prefix: "in/" },
    Operation: { WorkflowIds: WORKFLOW_ID },
  }).jobId;
}

describe("createCiCore", () => {
  it("exposes bucket, region, endpoint and skew, like the client built on the same options", () => {
    const core = createCiCore({ bucket: DEMO_BUCKET, region: DEMO_REGION });
    const client = new CiClient({ bucket: DEMO_BUCKET, region: DEMO_REGION });
    expect([core.bucket, core.region, core.endpointUrl, core.clockSkewMs]).toEqual([
      client.bucket,
      client.region,
      client.endpointUrl,
      0,
    ]);
    expect(core.endpointUrl).toBe(`https://${DEMO_BUCKET}.ci.${DEMO_REGION}.myqcloud.com`);
  });

  it("rejects bad options with a ValidationError listing every problem", () => {
    const error = (() => {
      try {
        createCiCore({ bucket: "Bad Bucket", region: "" });
      } catch (e) {
        return e;
      }
    })();
    expect(isValidationError(error) && error.problems.map((p) => p.path).sort()).toEqual(["bucket", "region"]);
    expect(() => createCiCore(null as never)).toThrow(/must be an object/);
  });

  it("learns the clock skew from the service's Date header", async () => {
    const h = harness();
    const core = h.makeCore({ clock: { now: () => h.fake.clock.now() - 120_000 } });
    await listJobs(core);
    expect(core.clockSkewMs).toBeGreaterThanOrEqual(119_000);
  });
});

describe("every function refuses something that is not a core, without sending", () => {
  const notCores: unknown[] = [undefined, null, { bucket: DEMO_BUCKET, region: DEMO_REGION }];
  for (const notCore of notCores) {
    it(`${JSON.stringify(notCore) ?? "undefined"}`, async () => {
      const core = notCore as CiCore;
      const calls: Promise<unknown>[] = [
        describeJob(core, MISSING),
        describeJobs(core, [MISSING]),
        listJobs(core),
        createJob(core, WORKFLOW_REQUEST),
        cancelJob(core, MISSING),
        waitForJob(core, MISSING),
      ];
      for (const call of calls) {
        const error = await call.catch((e: unknown) => e);
        expect(isValidationError(error) && error.problems[0]?.path).toBe("core");
      }
      expect(() => paginateJobPages(core)).toThrow(/createCiCore/);
    });
  }
});

describe("describeJob / describeJobs", () => {
  it("returns the typed job with $metadata", async () => {
    const h = harness();
    const id = seed(h, "seeded");
    const job = await describeJob(h.makeCore(), id);
    expect(job).toMatchObject({ JobId: id, Name: "seeded", State: "Running", Type: "Workflow" });
    expect(job.CreationTime).toBeInstanceOf(Date);
    expect(job.$metadata.requestId).toBe(h.fake.journal.last()?.requestId);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(1);
  });

  it("throws NoSuchJob for an unknown id, and a ValidationError for a bad one without sending", async () => {
    const h = harness();
    const core = h.makeCore();
    const missing = await describeJob(core, MISSING).catch((e: unknown) => e);
    expect(isCiServiceError(missing) && missing.code === "NoSuchJob").toBe(true);
    const sent = h.fake.journal.count();
    expect(isValidationError(await describeJob(core, "../b1").catch((e: unknown) => e))).toBe(true);
    expect(h.fake.journal.count()).toBe(sent);
  });

  it("describes several ids in one request and reports the missing ones", async () => {
    const h = harness();
    const a = seed(h, "a");
    const b = seed(h, "b");
    const result = await describeJobs(h.makeCore(), [a, MISSING, b]);
    expect(result.JobsDetail.map((j) => j.JobId)).toEqual([a, b]);
    expect(result.NonExistJobIds).toEqual([MISSING]);
    expect(h.fake.journal.count()).toBe(1);
  });

  it("rejects with a CiAbortError when the signal is already aborted", async () => {
    const h = harness();
    const error = await describeJob(h.makeCore(), seed(h, "x"), { signal: AbortSignal.abort() }).catch(
      (e: unknown) => e,
    );
    expect(isCiAbortError(error)).toBe(true);
  });
});

describe("listJobs / paginateJobs / paginateJobPages", () => {
  it("lists a page with its nextToken, and paginates every job across pages", async () => {
    const h = harness();
    const ids = ["a", "b", "c"].map((name) => seed(h, name));
    const core = h.makeCore();
    const first = await listJobs(core, { size: 2 });
    expect(first.JobsDetail).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    const all: string[] = [];
    for await (const job of paginateJobs(core, { size: 2 })) all.push(job.JobId);
    expect(all.sort()).toEqual([...ids].sort());
    let pages = 0;
    for await (const page of paginateJobPages(core, { size: 2 })) {
      pages++;
      expect(page.$metadata.httpStatusCode).toBe(200);
    }
    expect(pages).toBe(2);
  });

  it("validates the query before the first page is requested", () => {
    const h = harness();
    const core = h.makeCore();
    expect(() => paginateJobs(core, { size: 0 })).toThrow(/size/);
    expect(h.fake.journal.count()).toBe(0);
  });
});

describe("createJob / cancelJob / waitForJob", () => {
  it("creates both variants once each", async () => {
    const h = harness();
    const core = h.makeCore();
    for (const request of [WORKFLOW_REQUEST, NODE_REQUEST]) {
      const job = await createJob(core, request);
      expect(job.Name).toBe(request.Name);
      expect(job.$metadata.reconciled).toBe(false);
      expect(h.fake.jobs.get(job.JobId)?.name).toBe(request.Name);
    }
    expect(h.fake.journal.count({ op: "CreateInventoryTriggerJob" })).toBe(2);
  });

  it("refuses an invalid create request without sending", async () => {
    const h = harness();
    const error = await createJob(h.makeCore(), { ...WORKFLOW_REQUEST, Name: "" }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(h.fake.journal.count()).toBe(0);
  });

  it("cancels a running job", async () => {
    const h = harness();
    const id = seed(h, "c");
    const result = await cancelJob(h.makeCore(), id);
    expect(result).toMatchObject({ jobId: id, verified: false });
    expect(h.fake.jobs.get(id)?.state).toBe("Cancel");
  });

  it("waits until the job reaches a terminal state", async () => {
    const h = harness({}, { transition: { mode: "afterDescribes", n: 1 } });
    const id = seed(h, "w", "Submitted");
    const seen: string[] = [];
    const job = await waitForJob(h.makeCore(), id, { interval: 1_000, onProgress: (j) => seen.push(j.State) });
    expect(job.State).toBe("Success");
    expect(seen.length).toBeGreaterThan(1);
    expect(h.sleeps).toContain(1_000);
  });
});
