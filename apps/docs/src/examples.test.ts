import { DEMO_JOB_ID } from "@cibatch/testing-fakes";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main as cancel } from "../examples/cancel.js";
import { main as createIdempotent } from "../examples/create-idempotent.js";
import { main as createJob } from "../examples/create-job.js";
import { main as credentials } from "../examples/credentials.js";
import { main as debugSignature } from "../examples/debug-signature.js";
import { main as describeJob } from "../examples/describe-job.js";
import { main as fakeServerTest } from "../examples/fake-server-test.js";
import { main as handleErrors } from "../examples/handle-errors.js";
import { main as listFailed } from "../examples/list-failed.js";
import { main as timeouts } from "../examples/timeouts.js";
import { main as waitForJob } from "../examples/wait-for-job.js";
import { main as xmlSafety } from "../examples/xml-safety.js";
import { type ExampleHarness, startExampleHarness } from "./example-env.fixture.js";

const JOB_ID = /^b[0-9a-f]{32}$/;

let h: ExampleHarness;
beforeAll(async () => {
  h = await startExampleHarness();
});
afterAll(async () => {
  await h.server.close();
});
beforeEach(() => h.reset());

describe("examples run against the fake", () => {
  it("create-job creates one Submitted Workflow job", async () => {
    const job = await createJob(h.env);
    expect(job.JobId).toMatch(JOB_ID);
    expect(job.State).toBe("Submitted");
    expect(h.server.fake.jobs.get(job.JobId)).toMatchObject({ name: "nightly-transcode", type: "Workflow" });
    h.server.fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 1);
    expect(h.lines[1]).toBe(job.$metadata.requestId);
  });

  it("describe-job reads the demo job and reports the missing id", async () => {
    const { job, missing } = await describeJob(h.env);
    expect(job).toMatchObject({ JobId: DEMO_JOB_ID, Name: "demo", Type: "Workflow", State: "Running" });
    expect(job.CreationTime.toISOString()).toBe("2022-06-27T07:23:10.000Z");
    expect(missing).toEqual(["b00000000000000000000000000000000"]);
    expect(h.lines).toContain("w7476ff3564ee45b7b490d64bccaba6cc");
  });

  it("wait-for-job polls until Success and sees every state on the way", async () => {
    const { final, seen } = await waitForJob(h.env);
    expect(final.State).toBe("Success");
    expect(seen.at(-1)).toBe("Success");
    expect(seen).toContain("Running");
    expect(h.lines[0]).toMatch(/^done at \d{4}-/);
  });

  it("list-failed returns exactly the failed jobs created in the last week", async () => {
    const recent = h.server.fake.jobs.seed({
      Name: "broken",
      Type: "Workflow",
      State: "Failed",
      Code: "InternalError",
      Message: "boom",
      Input: { Prefix: "a/" },
      Operation: { WorkflowIds: "w1" },
      transition: { mode: "manual" },
    });
    h.server.fake.jobs.seed({
      Name: "still-running",
      Type: "Workflow",
      State: "Running",
      Input: { Prefix: "b/" },
      Operation: { WorkflowIds: "w1" },
      transition: { mode: "manual" },
    });
    // The demo data holds a Failed job from 2022: outside the 7-day window, so not listed.
    expect(h.server.fake.jobs.list().filter((j) => j.state === "Failed").length).toBeGreaterThan(1);
    expect(await listFailed(h.env)).toEqual([recent.jobId]);
    expect(h.server.fake.journal.count({ op: "DescribeInventoryTriggerJobs" })).toBe(2);
  });

  it("cancel moves the running demo job to Cancel", async () => {
    expect(await cancel(h.env)).toBe(true);
    expect(h.server.fake.jobs.get(DEMO_JOB_ID)?.state).toBe("Cancel");
    expect(h.lines.at(-1)).toBe("Cancel");
  });

  it("create-idempotent reconciles an ambiguous 500 into the one job created", async () => {
    h.server.fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      when: "after", // the job is created, then the answer is an error: the client cannot know
      times: 1,
      action: { status: 500, code: "InternalError" },
    });
    const job = await createIdempotent(h.env);
    expect(job?.$metadata.reconciled).toBe(true);
    expect(job?.Name).toMatch(/^reindex_[a-z2-7]{8}$/);
    const created = h.server.fake.jobs.list().filter((j) => j.name.startsWith("reindex"));
    expect(created.map((j) => j.jobId)).toEqual([job?.JobId]);
    h.server.fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 1); // never resent
    expect(h.lines[0]).toContain("InternalError");
  });

  it("create-idempotent reports AmbiguousCreateError when reconciliation finds nothing", async () => {
    // Every create fails ambiguously (a 500) without acting: the lists that follow find nothing.
    h.server.fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      action: { status: 500, code: "InternalError" },
    });
    expect(await createIdempotent(h.env)).toBeUndefined();
    expect(h.lines[0]).toMatch(/^NO_MATCH reindex_[a-z2-7]{8} 0 /);
    expect(h.server.fake.jobs.list().filter((j) => j.name.startsWith("reindex"))).toEqual([]);
  });

  it("timeouts: the aborted call is a CiAbortError, the next call succeeds", async () => {
    const { job, aborted } = await timeouts(h.env);
    expect(aborted).toBe(true);
    expect(job.State).toBe("Running");
  });

  it("handle-errors tells NoSuchJob from a ValidationError that sent nothing", async () => {
    expect(await handleErrors(h.env)).toEqual(["NoSuchJob", "INVALID_INPUT"]);
    expect(h.server.fake.journal.count()).toBe(1); // only the valid id reached the service
  });

  it("credentials resolves from env, from a profile file, and fetches temporary keys once", async () => {
    const sources = await credentials(h.env);
    expect(sources[0]).toBe("env");
    expect(sources[1]).toMatch(/^profile:prod \(.+credentials\)$/);
    expect(sources[2]).toBe("fetches=1");
    expect(h.lines.join("\n")).not.toContain(h.env.credentials.secretKey);
  });

  it("debug-signature gets SignatureDoesNotMatch and finds the changed query line", async () => {
    expect(await debugSignature(h.env)).toEqual({ status: 403, code: "SignatureDoesNotMatch", differs: true });
    expect(h.lines).toContain('line 3: signed "size=10", sent "size=20"');
  });

  it("fake-server-test: one job despite the throttled create and the second call", async () => {
    expect(await fakeServerTest(h.env)).toMatchObject({ creates: 1 });
    const { first, second } = await fakeServerTest(h.env);
    expect(first).toMatch(JOB_ID);
    expect(second).toBe(first);
  });

  it("xml-safety refuses the entity bomb and the truncated body", async () => {
    expect(await xmlSafety(h.env)).toEqual(["UnsafeXml", "Truncated"]);
  });
});
