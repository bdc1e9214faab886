import { describe, expect, it } from "vitest";
import { harness, stdinOf } from "../cli.fixture.js";

const SUBMITTED = "be4545ce55ba0412113701657c42f131d";
const RUNNING = "b3deffea2f84911ec9cb15254008618d9";
const TTY = { stdin: true, stderr: true, stdout: false };

function bytes(...chunks: string[]): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield new TextEncoder().encode(chunk);
    },
  };
}

describe("jobs cancel: confirmation", () => {
  it("on a terminal with no standard input to answer, cancels nothing (exit 12, the declined confirmation)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "cancel", SUBMITTED], { isTTY: TTY, env: { NO_COLOR: "1", COLUMNS: "200" } });
    expect(result.code).toBe(12);
    expect(result.stderr).toContain(
      `Cancel job ${SUBMITTED}? The jobs stop processing objects. [y/N] \ncibatch: error: not cancelled: the confirmation was declined; nothing was changed.\n`,
    );
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Submitted");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("asks once for several ids (duplicates dropped) and reads only the first line of the answer, as bytes too", async () => {
    const h = harness();
    const no = await h.run(["jobs", "cancel", SUBMITTED, RUNNING, SUBMITTED], {
      isTTY: TTY,
      stdin: bytes("n", "o\ny\n"),
    });
    expect(no.code).toBe(12);
    expect(no.stderr).toContain(`Cancel jobs ${SUBMITTED}, ${RUNNING}? The jobs stop processing objects. [y/N] `);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Submitted");
    const yes = await h.run(["jobs", "cancel", SUBMITTED, RUNNING, SUBMITTED, "-o", "json"], {
      isTTY: TTY,
      stdin: bytes(" Y", "es \nignored"),
    });
    expect(yes.code).toBe(0);
    const cancelled = JSON.parse(yes.stdout).Results as { JobId: string; Outcome: string }[];
    expect(cancelled.map((c) => [c.JobId, c.Outcome])).toEqual([
      [SUBMITTED, "cancelled"],
      [RUNNING, "cancelled"],
    ]);
    expect(h.fake.journal.count({ op: "CancelInventoryTriggerJob" })).toBe(2);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Cancel");
    expect(h.fake.jobs.get(RUNNING)?.state).toBe("Cancel");
  });

  it("CI=true counts as no input: the confirmation it would need is exit 2", async () => {
    const h = harness();
    const result = await h.run(["jobs", "cancel", SUBMITTED], {
      isTTY: TTY,
      stdin: stdinOf("y\n"),
      env: { CI: "true" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cancelling ${SUBMITTED} needs confirmation: add --yes`);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Submitted");
  });
});

describe("jobs cancel: output and --wait", () => {
  it("-o table and -o text show each JobId with its outcome; a wide table keeps the RequestId", async () => {
    const h = harness();
    const table = await h.run(["jobs", "cancel", SUBMITTED, "-o", "table"], { env: { COLUMNS: "120" } });
    expect(table.code).toBe(0);
    const requestId = h.fake.journal.last()?.requestId as string;
    expect(table.stdout).toBe(
      `JobId${" ".repeat(30)}Outcome    RequestId${" ".repeat(requestId.length - 9)}  Error\n${SUBMITTED}  cancelled  ${requestId}\n`,
    );
    const narrow = await h.run(["jobs", "cancel", RUNNING, "-o", "table"]);
    expect(narrow.stdout).toBe(`JobId${" ".repeat(30)}Outcome    Error\n${RUNNING}  cancelled\n`);
    const text = await h.run(["jobs", "cancel", RUNNING, "-o", "text"]);
    expect(text.stdout).toBe(`${RUNNING}\tcancelled\t${h.fake.journal.last()?.requestId}\t\n`);
  });

  it("gives every job its outcome: cancelled, not found, or an error with its code; the exit is the worst", async () => {
    const h = harness();
    const UNKNOWN = "b00000000000000000000000000000000";
    const result = await h.run(["jobs", "cancel", SUBMITTED, UNKNOWN, RUNNING, "-o", "json"]);
    expect(result.code).toBe(7);
    const outcomes = JSON.parse(result.stdout).Results as { JobId: string; Outcome: string; Code: string | null }[];
    expect(outcomes.map((o) => [o.JobId, o.Outcome])).toEqual([
      [SUBMITTED, "cancelled"],
      [UNKNOWN, "not found"],
      [RUNNING, "cancelled"],
    ]);
    expect(outcomes[1]?.Code).toEqual(expect.any(String));
    expect(h.fake.jobs.get(RUNNING)?.state).toBe("Cancel");
    const table = await harness().run(["jobs", "cancel", UNKNOWN, SUBMITTED, "-o", "table"]);
    expect(table.code).toBe(7);
    expect(table.stdout).toContain(`${UNKNOWN}  not found`);
    expect(table.stdout).toContain(`${SUBMITTED}  cancelled`);
    expect(table.stderr).toContain(`cibatch: job ${UNKNOWN} not found in bucket examplebucket-1250000000`);
  });

  it("--wait waits until each job is in state Cancel (exit 0)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "cancel", SUBMITTED, RUNNING, "--wait", "-o", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Results).toHaveLength(2);
    const ops = h.fake.journal.entries().map((e) => e.op);
    expect(ops).toEqual([
      "CancelInventoryTriggerJob",
      "CancelInventoryTriggerJob",
      "DescribeInventoryTriggerJob",
      "DescribeInventoryTriggerJob",
    ]);
  });

  it("--wait keeps polling while the cancel has not landed yet", async () => {
    const h = harness({ switches: { cancel: { mode: { afterDescribes: 2 } } } });
    const result = await h.run(["jobs", "cancel", RUNNING, "--wait", "-o", "json"]);
    expect(result.code).toBe(0);
    expect(h.fake.jobs.get(RUNNING)?.state).toBe("Cancel");
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(3);
  });

  it("--wait reports a job that ended in another state (exit 9) and still waits for the others", async () => {
    // This switch makes cancelling a finished job a no-op 200, so the wait sees Success.
    const h = harness({ switches: { cancel: { onFinished: "accept" } } });
    const SUCCEEDED = "b88a78fe20b418593ddb1c3622265e2ef";
    const result = await h.run(["jobs", "cancel", SUCCEEDED, SUBMITTED, "--wait", "-o", "json"]);
    expect(result.code).toBe(9);
    expect(JSON.parse(result.stdout).Results.map((c: { JobId: string }) => c.JobId)).toEqual([SUCCEEDED, SUBMITTED]);
    expect(result.stderr).toBe(`cibatch: job ${SUCCEEDED} ended in state Success.\n`);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(2);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Cancel");
  });
});
