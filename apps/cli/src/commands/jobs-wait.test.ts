import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";

// Demo jobs (pinned in their states).
const RUNNING = "b3deffea2f84911ec9cb15254008618d9";
const FAILED = "bc29640f823400022d15ee1663248666a";
const PAUSED = "bd9d12f01cae9eb662ae48dcd37997bdd";
const CANCELLED = "b256d23361f08a31e9f60f366f0a9ceac";
const WORKFLOW = "w7476ff3564ee45b7b490d64bccaba6cc";

describe("jobs wait --until", () => {
  it("running: met as soon as the job runs; --print shows it, still Running", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 2 } });
    const created = JSON.parse(
      (await h.run(["jobs", "create", "--name", "w", "--prefix", "p", "--workflow-ids", WORKFLOW])).stdout,
    );
    const result = await h.run(["jobs", "wait", created.JobId, "--until", "running", "--interval", "1s", "--print"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ JobId: created.JobId, State: "Running" });
    expect(h.fake.jobs.get(created.JobId)?.state).toBe("Running");
    const already = await h.run(["jobs", "wait", RUNNING, "--until", "running"]);
    expect(already).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("running: a job that already ended Failed is exit 9, with its Code and Message", async () => {
    const h = harness();
    const result = await h.run(["jobs", "wait", FAILED, "--until", "running"]);
    expect(result.code).toBe(9);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `cibatch: job ${FAILED} ended in state Failed (ResourceNotFound: input resource does not exist).\n`,
    );
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(1);
  });

  it("terminal: a cancelled job meets it (exit 0); success does not (exit 9)", async () => {
    const h = harness();
    expect((await h.run(["jobs", "wait", CANCELLED, "--until", "terminal"])).code).toBe(0);
    const result = await h.run(["jobs", "wait", CANCELLED, "--print", "-o", "text"]);
    expect(result.code).toBe(9);
    expect(result.stdout).toMatch(new RegExp(`^JobId +${CANCELLED}\n(.*\n)*State +Cancel\n`));
    expect(result.stderr).toBe(`cibatch: job ${CANCELLED} ended in state Cancel.\n`);
  });

  it("says once that a paused job is paused, then times out (exit 8)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "wait", PAUSED, "--interval", "5s", "--timeout", "30s"]);
    expect(result.code).toBe(8);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines.filter((line) => line.includes("is paused"))).toEqual([
      `cibatch: job ${PAUSED} is paused (its queue is paused); still waiting.`,
    ]);
    expect(result.stderr).toContain("timed out after 30 s");
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(7);
  });

  it("Ctrl-C stops waiting with exit 130 and says the job keeps its state", async () => {
    const h = harness();
    let interrupt: ((signal: string) => void) | undefined;
    let sleeps = 0;
    const result = await h.run(["jobs", "wait", RUNNING, "--interval", "2s"], {
      onSignal: (handler) => {
        interrupt = handler;
        return () => {
          interrupt = undefined;
        };
      },
      sleep: async (ms, signal) => {
        h.fake.clock.advance(ms);
        if (++sleeps === 3) interrupt?.("SIGINT");
        signal?.throwIfAborted();
      },
    });
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `Stopped waiting; job ${RUNNING} is still Running. Cancel it with: cibatch jobs cancel ${RUNNING}\n`,
    );
    expect(interrupt).toBeUndefined(); // unsubscribed on the way out
    expect(h.fake.jobs.get(RUNNING)?.state).toBe("Running");
  });

  it("rejects a bad --interval or --timeout with exit 2 before any request", async () => {
    const h = harness();
    const interval = await h.run(["jobs", "wait", RUNNING, "--interval", "soon"]);
    expect(interval.code).toBe(2);
    expect(interval.stderr).toContain("--interval soon: expected a duration");
    const timeout = await h.run(["jobs", "wait", RUNNING, "--timeout", "-1m"]);
    expect(timeout.code).toBe(2);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});
