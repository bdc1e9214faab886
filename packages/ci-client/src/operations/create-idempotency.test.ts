import type { FaultAction } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { harness, NODE_REQUEST, WORKFLOW_REQUEST } from "../client.fixture.js";
import { isAmbiguousCreateError } from "../errors/ambiguous-create-error.js";
import { isCiServiceError } from "../errors/ci-service-error.js";
import { isCiTimeoutError } from "../errors/ci-timeout-error.js";

const CREATE = "CreateInventoryTriggerJob" as const;
const LIST = "DescribeInventoryTriggerJobs" as const;

describe("duplicate-create scenarios: the service acted, then the response failed", () => {
  const scenarios: readonly { name: string; action: FaultAction }[] = [
    { name: "a 500 after the job was created", action: { status: 500, code: "InternalError" } },
    { name: "a reset after sending", action: { reset: true } },
    { name: "a timeout after sending (no answer)", action: { hang: true } },
    {
      name: "a 502 HTML page after the job was created",
      action: { status: 502, body: "<html>502</html>", contentType: "text/html" },
    },
  ];
  for (const { name, action } of scenarios) {
    for (const request of [WORKFLOW_REQUEST, NODE_REQUEST]) {
      it(`${request.Type} job, ${name}: one create, the job returned as reconciled`, async () => {
        const h = harness({ timeouts: { attemptTimeoutMs: 100, deadlineMs: 5_000 } });
        h.fake.faults.add({ match: { op: CREATE }, times: 1, when: "after", action });
        const job = await h.client.createJob(request);
        expect(h.fake.journal.count({ op: CREATE })).toBe(1);
        const stored = h.fake.jobs.list();
        expect(stored).toHaveLength(1);
        expect(job.JobId).toBe(stored[0]?.jobId);
        expect(job.Name).toBe(request.Name);
        expect(job.$metadata.reconciled).toBe(true);
        expect(job.$metadata.reconciledAfter).toBeDefined();
        // The first list waited about a second (jittered) for the job to appear.
        expect(h.sleeps[0]).toBe(1_000);
      });
    }
  }
});

describe("reconciliation that cannot settle", () => {
  it("no job appears: lists 4 times, then AmbiguousCreateError NO_MATCH with the command to check", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: CREATE }, times: 1, action: { status: 500, code: "InternalError" } });
    const error = await h.client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isAmbiguousCreateError(error)).toBe(true);
    if (!isAmbiguousCreateError(error)) return;
    expect(error.reason).toBe("NO_MATCH");
    expect(error.jobName).toBe("nightly");
    expect(error.message).toContain("cibatch jobs list --name nightly --type workflow");
    expect(isCiServiceError(error.cause) && error.cause.code === "InternalError").toBe(true);
    expect(h.fake.journal.count({ op: CREATE })).toBe(1);
    expect(h.fake.journal.count({ op: LIST })).toBe(4);
  });

  it("two matching jobs: SEVERAL_MATCHES with both candidates", async () => {
    const h = harness();
    for (let i = 0; i < 2; i++) {
      h.fake.jobs.seed({
        Name: "nightly",
        Type: "Workflow",
        Input: { Prefix: "input/" },
        Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
      });
    }
    h.fake.faults.add({ match: { op: CREATE }, times: 1, action: { status: 504, code: "GatewayTimeout" } });
    const error = await h.client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isAmbiguousCreateError(error) && error.reason === "SEVERAL_MATCHES" && error.candidates.length === 2).toBe(
      true,
    );
  });

  it("an older job of the same name but another input is not taken for this one", async () => {
    const h = harness();
    h.fake.jobs.seed({
      Name: "nightly",
      Type: "Workflow",
      Input: { Prefix: "other/" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    });
    h.fake.faults.add({ match: { op: CREATE }, times: 1, action: { status: 500, code: "InternalError" } });
    const error = await h.client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isAmbiguousCreateError(error) && error.reason === "NO_MATCH").toBe(true);
  });

  it("the list fails: LIST_FAILED with the list error as cause", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: CREATE }, times: 1, action: { status: 500, code: "InternalError" } });
    h.fake.faults.add({ match: { op: LIST }, action: { status: 403, code: "AccessDenied" } });
    const error = await h.client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isAmbiguousCreateError(error) && error.reason === "LIST_FAILED").toBe(true);
    expect(isAmbiguousCreateError(error) && isCiServiceError(error.cause) && error.cause.code === "AccessDenied").toBe(
      true,
    );
  });

  it("the caller aborts after sending: ABORTED, no reconciliation", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: CREATE }, action: { hang: true } });
    const controller = new AbortController();
    const pending = h.client.createJob(WORKFLOW_REQUEST, { signal: controller.signal }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error("user pressed ^C"));
    const error = await pending;
    expect(isAmbiguousCreateError(error) && error.reason === "ABORTED").toBe(true);
    expect(h.fake.journal.count({ op: LIST })).toBe(0);
  });

  it("the total deadline passes after sending: ABORTED with the timeout as cause", async () => {
    const h = harness({ timeouts: { attemptTimeoutMs: 0, deadlineMs: 80 } });
    h.fake.faults.add({ match: { op: CREATE }, action: { hang: true } });
    const error = await h.client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isAmbiguousCreateError(error) && error.reason === "ABORTED").toBe(true);
    expect(isAmbiguousCreateError(error) && isCiTimeoutError(error.cause) && error.cause.timeout === "total").toBe(
      true,
    );
  });

  it("a coded refusal is retried, and a 4xx refusal is final: neither reconciles", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: CREATE }, action: { status: 400, code: "InvalidArgument", message: "bad Name" } });
    const error = await h.client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "InvalidArgument").toBe(true);
    expect(h.fake.journal.count({ op: LIST })).toBe(0);
  });
});

describe("idempotencyNonce", () => {
  it("appends _ and 8 base32 characters, and reconciliation matches the exact name", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: CREATE },
      times: 1,
      when: "after",
      action: { status: 500, code: "InternalError" },
    });
    const job = await h.client.createJob(WORKFLOW_REQUEST, { idempotencyNonce: true });
    expect(job.Name).toMatch(/^nightly_[a-z2-7]{8}$/);
    expect(job.$metadata.reconciled).toBe(true);
  });
});
