import { decodeCreateJobResponse, decodeDescribeJobsResponse } from "@cibatch/xml-model";
import { describe, expect, it } from "vitest";
import { ACCOUNT, GO_JOB_BODY, signedFetch, WORKFLOW_BODY, workflowBody } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import { isFakeCiError } from "./errors.js";
import { pathBetweenStates } from "./job-state.js";
import { createFakeCi, type FakeCi, type FakeCiOptions } from "./node.js";
import { signedRaw, xmlText } from "./raw-http.fixture.js";

const T0 = Date.UTC(2024, 5, 1, 0, 0, 0);

function setup(options: FakeCiOptions = {}): FakeCi {
  return createFakeCi({ clock: manualClock(T0), randomSeed: "sm", accounts: [ACCOUNT], ...options });
}
async function create(fake: FakeCi, body = WORKFLOW_BODY): Promise<string> {
  const res = await signedFetch(fake, { method: "POST", target: "/inventorytriggerjob", body });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(decodeCreateJobResponse(text).JobsDetail.State).toBe("Submitted");
  return decodeCreateJobResponse(text).JobsDetail.JobId;
}
async function describeJob(fake: FakeCi, id: string) {
  const res = await signedFetch(fake, { target: `/inventorytriggerjob/${id}` });
  const text = await res.text();
  const detail = decodeDescribeJobsResponse(text).JobsDetail[0];
  if (!detail) throw new Error(`no job in ${text}`);
  return { detail, text };
}

describe("transition modes", () => {
  it("immediate: create answers Submitted, the next read sees Success with both times", async () => {
    const fake = setup({ transition: { mode: "immediate" } });
    const id = await create(fake);
    fake.clock.advance(2000);
    const { detail, text } = await describeJob(fake, id);
    expect(detail.State).toBe("Success");
    expect(text).toContain(
      "<StartTime>2024-06-01T08:00:02+0800</StartTime><EndTime>2024-06-01T08:00:02+0800</EndTime>",
    );
  });

  it("afterMs: one step per interval of fake-clock time, stamped at the step's time", async () => {
    const fake = setup({ transition: { mode: "afterMs", ms: 10_000 } });
    const id = await create(fake);
    fake.clock.advance(9_999);
    expect((await describeJob(fake, id)).detail.State).toBe("Submitted");
    fake.clock.advance(1);
    const running = await describeJob(fake, id);
    expect(running.detail.State).toBe("Running");
    expect(running.detail.StartTime?.getTime()).toBe(T0 + 10_000);
    expect(running.text).toContain("<EndTime>-</EndTime>");
    fake.clock.advance(60_000);
    const done = await describeJob(fake, id);
    expect(done.detail.State).toBe("Success");
    expect(done.detail.EndTime?.getTime()).toBe(T0 + 20_000);
  });

  it("afterMs moves jobs for list readers too", async () => {
    const fake = setup({ transition: { mode: "afterMs", ms: 1000 } });
    const id = await create(fake);
    fake.clock.advance(1000);
    const res = await signedFetch(fake, { target: `/inventorytriggerjob?jobId=${id}` });
    expect(await res.text()).toContain("<State>Running</State>");
  });

  it("afterDescribes: n describes see each state, the next one sees the step", async () => {
    const fake = setup({ transition: { mode: "afterDescribes", n: 2 } });
    const id = await create(fake);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push((await describeJob(fake, id)).detail.State);
    expect(seen).toEqual(["Submitted", "Submitted", "Running", "Running", "Success", "Success"]);
    expect(fake.jobs.get(id)?.describes).toBe(6);
  });

  it("manual: nothing moves until advance(), which walks the graph", async () => {
    const fake = setup({ transition: { mode: "manual" } });
    const id = await create(fake);
    fake.clock.advance(3_600_000);
    expect((await describeJob(fake, id)).detail.State).toBe("Submitted");
    const failed = fake.jobs.advance(id, "Failed", { code: "1103", message: "input missing" });
    expect(failed).toMatchObject({ state: "Failed", code: "1103", message: "input missing" });
    expect(failed.startTime).toBe(T0 + 3_600_000);
    const { detail } = await describeJob(fake, id);
    expect(detail).toMatchObject({ State: "Failed", Code: "1103", Message: "input missing" });
  });

  it("refuses impossible moves with FakeCiError InvalidTransition", async () => {
    const fake = setup({ transition: { mode: "manual" } });
    const id = await create(fake);
    fake.jobs.advance(id, "Success");
    let caught: unknown;
    try {
      fake.jobs.advance(id, "Running");
    } catch (error) {
      caught = error;
    }
    expect(isFakeCiError(caught) && caught.code).toBe("InvalidTransition");
    expect(() => fake.jobs.advance("bnope", "Running")).toThrow(/no job bnope/);
  });

  it("the outcome rule decides how jobs end, per fake or per job", async () => {
    const fake = setup({
      transition: { mode: "immediate" },
      outcome: (job) =>
        job.name.startsWith("fail")
          ? { state: "Failed", code: "InternalError", message: "boom" }
          : { state: "Success" },
    });
    const ok = await create(fake);
    const bad = await create(fake, WORKFLOW_BODY.replace("<Name>demo</Name>", "<Name>fail_me</Name>"));
    expect((await describeJob(fake, ok)).detail.State).toBe("Success");
    expect((await describeJob(fake, bad)).detail).toMatchObject({
      State: "Failed",
      Code: "InternalError",
      Message: "boom",
    });
    const always = setup({ transition: { mode: "immediate" }, outcome: "Failed" });
    const id = await create(always);
    expect((await describeJob(always, id)).detail.State).toBe("Failed");
  });

  it("a paused queue moves its Running jobs to Pause and holds its Submitted jobs; resume brings them back", async () => {
    const fake = setup({ transition: { mode: "afterMs", ms: 1000 } });
    const running = await create(fake, GO_JOB_BODY);
    fake.clock.advance(1000);
    expect(fake.jobs.get(running)?.state).toBe("Running");
    fake.jobs.pauseQueue("p893bcda225bf4945a378da6662e81a89");
    expect(fake.jobs.get(running)?.state).toBe("Pause");
    const waiting = await create(fake, GO_JOB_BODY);
    const other = await create(fake, WORKFLOW_BODY);
    fake.clock.advance(5000);
    expect((await describeJob(fake, running)).detail.State).toBe("Pause");
    expect((await describeJob(fake, waiting)).detail.State).toBe("Submitted");
    expect((await describeJob(fake, other)).detail.State).toBe("Success");
    fake.jobs.resumeQueue("p893bcda225bf4945a378da6662e81a89");
    expect(fake.jobs.get(running)?.state).toBe("Running");
    fake.clock.advance(1000);
    expect(fake.jobs.get(running)?.state).toBe("Success");
  });

  it("cancel from Running and from Pause", async () => {
    const fake = setup({ transition: { mode: "manual" } });
    const a = await create(fake);
    fake.jobs.advance(a, "Running");
    expect((await signedFetch(fake, { method: "PUT", target: `/inventorytriggerjob/${a}?cancel` })).status).toBe(200);
    const b = await create(fake);
    fake.jobs.advance(b, "Pause");
    expect((await signedFetch(fake, { method: "PUT", target: `/inventorytriggerjob/${b}?cancel` })).status).toBe(200);
    expect([fake.jobs.get(a)?.state, fake.jobs.get(b)?.state]).toEqual(["Cancel", "Cancel"]);
    expect(fake.jobs.get(a)?.startTime).toBeDefined();
  });

  it("[assumes OQ4] switch cancel.mode={afterDescribes: 2} lands the cancel on the third describe", async () => {
    const fake = setup({ transition: { mode: "manual" }, switches: { cancel: { mode: { afterDescribes: 2 } } } });
    const id = await create(fake);
    expect((await signedFetch(fake, { method: "PUT", target: `/inventorytriggerjob/${id}?cancel` })).status).toBe(200);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push((await describeJob(fake, id)).detail.State);
    expect(seen).toEqual(["Submitted", "Submitted", "Cancel"]);
  });

  it("a per-job transition pins a seeded job while others move", async () => {
    const fake = setup({ transition: { mode: "immediate" } });
    const pinned = fake.jobs.seed({
      Name: "pinned",
      Type: "Workflow",
      State: "Running",
      Input: { Prefix: "p" },
      Operation: { WorkflowIds: "w" },
      transition: { mode: "manual" },
    });
    const free = fake.jobs.seed({
      Name: "free",
      Type: "Workflow",
      State: "Running",
      Input: { Prefix: "p" },
      Operation: { WorkflowIds: "w" },
    });
    expect(fake.jobs.get(pinned.jobId)?.state).toBe("Running");
    expect(fake.jobs.get(free.jobId)?.state).toBe("Success");
  });

  it("setTransition changes the mode at run time", async () => {
    const fake = setup({ transition: { mode: "manual" } });
    const id = await create(fake);
    fake.jobs.setTransition({ mode: "afterMs", ms: 0 });
    expect(fake.jobs.transition()).toEqual({ mode: "afterMs", ms: 0 });
    expect(fake.jobs.get(id)?.state).toBe("Success");
  });
});

describe("the state graph", () => {
  it("paths follow the state machine's diagram", () => {
    expect(pathBetweenStates("Submitted", "Success")).toEqual(["Running", "Success"]);
    expect(pathBetweenStates("Submitted", "Pause")).toEqual(["Running", "Pause"]);
    expect(pathBetweenStates("Pause", "Failed")).toEqual(["Running", "Failed"]);
    expect(pathBetweenStates("Submitted", "Cancel")).toEqual(["Cancel"]);
    expect(pathBetweenStates("Cancel", "Running")).toBeUndefined();
    expect(pathBetweenStates("Running", "Submitted")).toBeUndefined();
    expect(pathBetweenStates("Running", "Running")).toEqual([]);
  });
});

describe("state transitions over raw HTTP (node:http, no client library)", () => {
  it("Submitted → Running → Success, Failed, Pause and Cancel, as a client on the socket sees them", async () => {
    const clock = manualClock(Date.UTC(2024, 5, 1, 0, 0, 0));
    const fake = createFakeCi({
      clock,
      accounts: [ACCOUNT],
      transition: { mode: "afterDescribes", n: 1 },
      outcome: (job) =>
        job.name.startsWith("fail")
          ? { state: "Failed", code: "InternalError", message: "boom" }
          : { state: "Success" },
    });
    const server = await fake.listen();
    try {
      const send = (c: Parameters<typeof signedRaw>[2]) => signedRaw(fake, server.url, c);
      const createRaw = async (body: string): Promise<string> => {
        const res = await send({ method: "POST", target: "/inventorytriggerjob", body });
        expect(res.status, res.body).toBe(200);
        expect(xmlText(res.body, "State")).toBe("Submitted");
        return xmlText(res.body, "JobId") as string;
      };
      const describeRaw = async (id: string) => {
        const res = await send({ target: `/inventorytriggerjob/${id}` });
        expect(res.status, res.body).toBe(200);
        return {
          state: xmlText(res.body, "State"),
          start: xmlText(res.body, "StartTime"),
          end: xmlText(res.body, "EndTime"),
          code: xmlText(res.body, "Code"),
          message: xmlText(res.body, "Message"),
        };
      };

      const ok = await createRaw(workflowBody("ok_job"));
      expect(await describeRaw(ok)).toMatchObject({ state: "Submitted", start: "-", end: "-" });
      clock.advance(1000);
      expect(await describeRaw(ok)).toMatchObject({ state: "Running", start: "2024-06-01T08:00:01+0800", end: "-" });
      clock.advance(1000);
      expect(await describeRaw(ok)).toMatchObject({
        state: "Success",
        start: "2024-06-01T08:00:01+0800",
        end: "2024-06-01T08:00:02+0800",
        code: "Success",
      });

      const failing = await createRaw(workflowBody("fail_job"));
      await describeRaw(failing);
      await describeRaw(failing);
      expect(await describeRaw(failing)).toMatchObject({ state: "Failed", code: "InternalError", message: "boom" });

      const cancelled = await createRaw(workflowBody("cancel_job"));
      const cancel = await send({ method: "PUT", target: `/inventorytriggerjob/${cancelled}?cancel` });
      expect(cancel.status).toBe(200);
      expect(cancel.body).toBe("");
      expect(await describeRaw(cancelled)).toMatchObject({ state: "Cancel" });

      fake.jobs.setTransition({ mode: "manual" });
      const paused = await createRaw(GO_JOB_BODY);
      fake.jobs.advance(paused, "Running");
      fake.jobs.pauseQueue("p893bcda225bf4945a378da6662e81a89");
      expect(await describeRaw(paused)).toMatchObject({ state: "Pause" });
      fake.jobs.resumeQueue("p893bcda225bf4945a378da6662e81a89");
      expect(await describeRaw(paused)).toMatchObject({ state: "Running" });
    } finally {
      await server.close();
    }
  });
});
