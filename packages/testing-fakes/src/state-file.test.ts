import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCOUNT, GO_JOB_BODY, signedFetch } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import { createFakeCi } from "./node.js";
import { readStateFile } from "./state-file.js";

describe("state persistence", () => {
  it("saves and reloads jobs (dates included), faults, transition and switches; never the accounts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fake-state-"));
    const file = join(dir, "state.json");
    const fake = createFakeCi({
      clock: manualClock(Date.UTC(2024, 0, 1)),
      accounts: [ACCOUNT],
      stateFile: file,
      transition: { mode: "afterDescribes", n: 1 },
    });
    const created = await signedFetch(fake, { method: "POST", target: "/inventorytriggerjob", body: GO_JOB_BODY });
    expect(created.status).toBe(200);
    fake.faults.add({ match: { path: /^\/x/ }, action: { status: 503, code: "ServiceUnavailable" } });
    fake.configure({ switches: { list: { endSignal: "empty" } } });
    fake.jobs.pauseQueue("p1");
    fake.state.flush();
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(ACCOUNT.secretKey);
    expect(text).toContain('"$date"');

    const again = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT], stateFile: file });
    const [job] = again.jobs.list();
    if (!job) throw new Error("the reloaded fake has no job");
    expect(job.operation).toEqual(fake.jobs.list()[0]?.operation);
    expect((job.operation as { TimeInterval: { Start: Date } }).TimeInterval.Start).toBeInstanceOf(Date);
    expect(again.clock.now()).toBe(Date.UTC(2024, 0, 1));
    expect(again.faults.list()[0]?.match?.path).toEqual(/^\/x/);
    expect(again.jobs.transition()).toEqual({ mode: "afterDescribes", n: 1 });
    expect(again.config().switches.list.endSignal).toBe("empty");
    expect(again.state.export().pausedQueues).toEqual(["p1"]);
    const res = await signedFetch(again, { target: `/inventorytriggerjob/${job.jobId}` });
    expect(await res.text()).toContain(
      GO_JOB_BODY.slice(GO_JOB_BODY.indexOf("<Operation>"), GO_JOB_BODY.indexOf("</Request>")),
    );
  });

  it("keeps the received text of TimeInterval times across a reload, so the echo stays exact", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fake-state-"));
    const file = join(dir, "state.json");
    const fake = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT], stateFile: file });
    const interval = "<TimeInterval><Start>0</Start><End>2022-02-25T12:00:00z</End></TimeInterval>";
    const body = `<Request><Name>t</Name><Input><Prefix>p/</Prefix></Input><Operation>${interval}<WorkflowIds>w1</WorkflowIds></Operation></Request>`;
    expect((await signedFetch(fake, { method: "POST", target: "/inventorytriggerjob", body })).status).toBe(200);
    fake.state.flush();
    expect(readFileSync(file, "utf8")).toMatch(/"text": ?"2022-02-25T12:00:00z"/);
    const again = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT], stateFile: file });
    const id = again.jobs.list()[0]?.jobId as string;
    const res = await signedFetch(again, { target: `/inventorytriggerjob/${id}` });
    expect(await res.text()).toContain(interval);
  });

  it("save/load to explicit files, and refuses bad files", () => {
    const dir = mkdtempSync(join(tmpdir(), "fake-state-"));
    const fake = createFakeCi();
    fake.jobs.seed({ Name: "n", Type: "Workflow", Input: { Prefix: "p" }, Operation: { WorkflowIds: "w" } });
    fake.state.save(join(dir, "a.json"));
    const other = createFakeCi();
    expect(other.state.load(join(dir, "a.json"))).toBe(true);
    expect(other.jobs.list()).toHaveLength(1);
    expect(other.state.load(join(dir, "missing.json"))).toBe(false);
    expect(() => other.state.save()).toThrow(/needs a file/);
    expect(() => other.state.load()).toThrow(/needs a file/);
    writeFileSync(join(dir, "bad.json"), "{");
    expect(() => readStateFile(join(dir, "bad.json"))).toThrow(/not JSON/);
    writeFileSync(join(dir, "v2.json"), JSON.stringify({ version: 2, jobs: [] }));
    expect(() => readStateFile(join(dir, "v2.json"))).toThrow(/version 1/);
    expect(() => readStateFile(dir)).toThrow(/cannot read/);
    const badJob = { version: 1, jobs: [{ bucket: "b-1", jobId: "b1", state: "Weird" }], pausedQueues: [], faults: [] };
    expect(() => other.state.import(badJob as never)).toThrow(/state file/);
  });
});
