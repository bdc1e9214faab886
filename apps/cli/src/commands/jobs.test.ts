import { describe, expect, it } from "vitest";
import { harness, stdinOf } from "../cli.fixture.js";

const JOB = "b3deffea2f84911ec9cb15254008618d9";
const MISSING = "b00000000000000000000000000000000";
const WORKFLOW = "w7476ff3564ee45b7b490d64bccaba6cc";

describe("jobs describe", () => {
  it("describes several ids with one request each, prints the found ones and names the missing ones (exit 7)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "describe", JOB, MISSING, "be8f65004eb8511eaaed4f377124a303c", "-o", "json"]);
    expect(result.code).toBe(7);
    const data = JSON.parse(result.stdout);
    expect(data.Jobs.map((j: { JobId: string }) => j.JobId)).toEqual([JOB, "be8f65004eb8511eaaed4f377124a303c"]);
    expect(data.NonExistJobIds).toEqual([MISSING]);
    expect(result.stderr).toContain(`job ${MISSING} not found`);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(3);
  });
});

describe("jobs list", () => {
  it("follows NextToken through every page", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--page-size", "2", "-o", "json"]);
    const data = JSON.parse(result.stdout);
    expect(data.Jobs).toHaveLength(7);
    expect(new Set(data.Jobs.map((j: { JobId: string }) => j.JobId)).size).toBe(7);
    expect(data.NextToken).toBeUndefined();
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJobs" })).toBe(4);
  });

  it("stops at --max-items with a NextToken that resumes right after the last job shown", async () => {
    const h = harness();
    const first = JSON.parse(
      (await h.run(["jobs", "list", "--page-size", "2", "--max-items", "3", "-o", "json"])).stdout,
    );
    expect(first.Jobs).toHaveLength(3);
    expect(typeof first.NextToken).toBe("string");
    const rest = JSON.parse(
      (await h.run(["jobs", "list", "--page-size", "2", "--starting-token", first.NextToken, "-o", "json"])).stdout,
    );
    expect(rest.Jobs).toHaveLength(4);
    const all = [...first.Jobs, ...rest.Jobs].map((j: { JobId: string }) => j.JobId);
    expect(new Set(all).size).toBe(7);
  });

  it("makes one request with --no-paginate and says how to continue on a terminal format", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--page-size", "3", "--no-paginate", "-o", "text"]);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(result.stderr).toMatch(/--starting-token \S+/);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJobs" })).toBe(1);
  });

  it("sends the filters with the documented parameter names", async () => {
    const h = harness();
    const result = await h.run([
      "jobs",
      "list",
      "--states",
      "running,failed",
      "--type",
      "workflow",
      "--order",
      "asc",
      "--since",
      "2022-06-01T00:00:00+08:00",
      "-o",
      "text",
    ]);
    expect(result.code).toBe(0);
    const ids = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t")[0]);
    expect(ids).toEqual(["bc29640f823400022d15ee1663248666a", JOB]);
    const query = h.fake.journal.last()?.query ?? {};
    expect(query).toMatchObject({
      states: "Running,Failed",
      type: "Workflow",
      orderByTime: "Asc",
      startCreationTime: "2022-06-01T00:00:00+0800",
    });
  });

  it("rejects a bad state or time with exit 2 without sending anything", async () => {
    const h = harness();
    expect((await h.run(["jobs", "list", "--states", "Done"])).code).toBe(2);
    expect((await h.run(["jobs", "list", "--since", "yesterday"])).code).toBe(2);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});

describe("jobs create", () => {
  it("creates a workflow job from flags and prints it", async () => {
    const h = harness();
    const result = await h.run([
      "jobs",
      "create",
      "--name",
      "nightly",
      "--prefix",
      "input/",
      "--workflow-ids",
      WORKFLOW,
      "-o",
      "json",
    ]);
    expect(result.code).toBe(0);
    const job = JSON.parse(result.stdout);
    expect(job).toMatchObject({ Name: "nightly", Type: "Workflow", State: "Submitted", Input: { Prefix: "input/" } });
    expect(h.fake.jobs.get(job.JobId)?.name).toBe("nightly");
  });

  it("--dry-run prints the Go SDK's exact body for the documented Job sample and the redacted signed request, sending nothing", async () => {
    const h = harness();
    const result = await h.run([
      "jobs",
      "create",
      "--dry-run",
      "-o",
      "text",
      "--name",
      "demo",
      "--type",
      "job",
      "--prefix",
      "input",
      "--start",
      "2022-02-01T12:00:00+0800",
      "--end",
      "2022-05-01T12:00:00+0800",
      "--queue-id",
      "p893bcda225bf4945a378da6662e81a89",
      "--user-data",
      "this is my inventorytriggerjob",
      "--job-level",
      "1",
      "--callback",
      "https://www.callback.com",
      "--tag",
      "Transcode",
      "--template-id",
      "t1460606b9752148c4ab182f55163ba7cd",
      "--output-region",
      "ap-chongqing",
      "--output-bucket",
      "test-1234567890",
      "--output-object",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
      "output/${InventoryTriggerJobId}/out.mp4",
    ]);
    expect(result.code).toBe(0);
    // The byte string of cos-go-sdk-v5's TestCIService_CreateInventoryTriggerJob.
    const goSdkBody =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
      "<Request><Name>demo</Name><Type>Job</Type><Input><Prefix>input</Prefix></Input><Operation><TimeInterval><Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval><QueueId>p893bcda225bf4945a378da6662e81a89</QueueId><UserData>this is my inventorytriggerjob</UserData><JobLevel>1</JobLevel><CallBack>https://www.callback.com</CallBack><Tag>Transcode</Tag><JobParam><TemplateId>t1460606b9752148c4ab182f55163ba7cd</TemplateId></JobParam><Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket><Object>output/${InventoryTriggerJobId}/out.mp4</Object></Output></Operation></Request>";
    expect(result.stdout).toContain(`\n\n${goSdkBody}\n`);
    expect(result.stdout).toMatch(
      /^POST https:\/\/examplebucket-1250000000\.ci\.ap-beijing\.myqcloud\.com\/inventorytriggerjob\n/,
    );
    expect(result.stdout).toMatch(
      /authorization: q-sign-algorithm=sha1&q-ak=\*{4}0000&.*q-header-list=content-type;host&.*q-signature=\[REDACTED\]/,
    );
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("reads --cli-input-json from stdin, lets flags override it, and the skeleton round-trips", async () => {
    const h = harness();
    const skeleton = await h.run(["jobs", "create", "--generate-skeleton", "--type", "job"]);
    const document = JSON.parse(skeleton.stdout);
    expect(document.Type).toBe("Job");
    // Fill in what an independent-node job needs; the placeholders left empty are left out.
    document.Input.Prefix = "input/";
    document.Operation.Tag = "Transcode";
    document.Operation.JobParam.TemplateId = "t1460606b9752148c4ab182f55163ba7cd";
    document.Operation.Output = { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out/a.mp4" };
    const result = await h.run(["jobs", "create", "--cli-input-json", "-", "--name", "from-stdin", "-o", "json"], {
      stdin: stdinOf(JSON.stringify(document)),
    });
    expect(result.code).toBe(0);
    const job = JSON.parse(result.stdout);
    expect(job).toMatchObject({ Name: "from-stdin", Type: "Job", Operation: { Tag: "Transcode" } });
  });

  it("reports every problem of an invalid request at once with exit 2, and sends nothing", async () => {
    const h = harness();
    const both = await h.run([
      "jobs",
      "create",
      "--name",
      "x",
      "--prefix",
      "a",
      "--workflow-ids",
      "w1",
      "--tag",
      "Snapshot",
    ]);
    expect(both.code).toBe(2);
    const neither = await h.run(["jobs", "create", "--name", "x", "--prefix", "a"]);
    expect(neither.code).toBe(2);
    const invalid = await h.run(["jobs", "create", "--name", "bad name!", "--tag", "Transcode"]);
    expect(invalid.code).toBe(2);
    // One problem a line, each named by the flag that sets it.
    expect(invalid.stderr).toContain("the job was not created:\n");
    expect(invalid.stderr).toContain("\n  - --name: may contain only");
    expect(invalid.stderr).toContain("\n  - --prefix, --object, --manifest or --url-file: is required\n");
    expect(invalid.stderr).toContain("\n  - --template-id or --job-param-xml: is required");
    expect(invalid.stderr).not.toContain("Request.");
    const missingName = await h.run(["jobs", "create", "--prefix", "a", "--workflow-ids", "w1"]);
    expect(missingName.stderr).toContain("  - --name: is required\n");
    const fromDocument = await h.run(["jobs", "create", "--cli-input-json", "-"], {
      stdin: stdinOf(JSON.stringify({ Name: "n", Input: { Prefix: "a" }, Operation: { WorkflowIds: [] } })),
    });
    expect(fromDocument.code).toBe(2);
    expect(fromDocument.stderr).toContain(
      "  - Operation.WorkflowIds (or --workflow-ids): is required for a Workflow job",
    );
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});

describe("jobs cancel", () => {
  const SUBMITTED = "be4545ce55ba0412113701657c42f131d";

  it("cancels without asking when no terminal is attached, and prints JobId and RequestId", async () => {
    const h = harness();
    const result = await h.run(["jobs", "cancel", SUBMITTED, "-o", "json"]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.Results[0]).toMatchObject({ JobId: SUBMITTED, Outcome: "cancelled" });
    expect(data.Results[0].RequestId).toBe(h.fake.journal.last()?.requestId);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Cancel");
  });

  it("asks on a terminal: 'n' cancels nothing, 'y' cancels", async () => {
    const h = harness();
    const tty = { stdin: true, stderr: true, stdout: false };
    const no = await h.run(["jobs", "cancel", SUBMITTED], { isTTY: tty, stdin: stdinOf("n\n") });
    expect(no.code).toBe(12);
    expect(no.stderr).toContain("[y/N]");
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Submitted");
    const yes = await h.run(["jobs", "cancel", SUBMITTED], { isTTY: tty, stdin: stdinOf("y\n") });
    expect(yes.code).toBe(0);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Cancel");
  });

  it("under --no-input on a terminal the needed confirmation is a usage error; --yes skips it", async () => {
    const h = harness();
    const tty = { stdin: true, stderr: true };
    expect((await h.run(["jobs", "cancel", SUBMITTED, "--no-input"], { isTTY: tty })).code).toBe(2);
    expect(h.fake.jobs.get(SUBMITTED)?.state).toBe("Submitted");
    expect((await h.run(["jobs", "cancel", SUBMITTED, "--yes"], { isTTY: tty })).code).toBe(0);
  });

  it("exits 7 for a job that does not exist", async () => {
    const result = await harness().run(["jobs", "cancel", MISSING]);
    expect(result.code).toBe(7);
  });
});

describe("jobs wait and watch", () => {
  it("wait is silent and exits 0 when the job succeeds", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 2 } });
    const created = JSON.parse(
      (await h.run(["jobs", "create", "--name", "w", "--prefix", "p", "--workflow-ids", WORKFLOW])).stdout,
    );
    const result = await h.run(["jobs", "wait", created.JobId, "--interval", "1s"]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("wait exits 9 when the job fails, 0 with --until terminal", async () => {
    const h = harness({ transition: { mode: "immediate" }, outcome: "Failed" });
    const created = JSON.parse(
      (await h.run(["jobs", "create", "--name", "w", "--prefix", "p", "--workflow-ids", WORKFLOW])).stdout,
    );
    const failed = await h.run(["jobs", "wait", created.JobId]);
    expect(failed.code).toBe(9);
    expect(failed.stderr).toContain("ended in state Failed");
    expect((await h.run(["jobs", "wait", created.JobId, "--until", "terminal"])).code).toBe(0);
  });

  it("wait exits 8 at its timeout, measured on the injected clock", async () => {
    const h = harness({ transition: { mode: "manual" } });
    const result = await h.run(["jobs", "wait", JOB, "--interval", "10s", "--timeout", "1m"]);
    expect(result.code).toBe(8);
    expect(result.stderr).toContain("timed out");
    // One describe at 0 s, then every 10 s until 60 s.
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(7);
  });

  it("wait --print prints the final job; a missing job exits 7", async () => {
    const h = harness();
    const printed = await h.run(["jobs", "wait", "b88a78fe20b418593ddb1c3622265e2ef", "--print", "-o", "json"]);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout).State).toBe("Success");
    expect((await h.run(["jobs", "wait", MISSING])).code).toBe(7);
  });

  it("watch prints one line per state change when not on a terminal", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 2 } });
    const created = JSON.parse(
      (await h.run(["jobs", "create", "--name", "w", "--prefix", "p", "--workflow-ids", WORKFLOW])).stdout,
    );
    const result = await h.run(["jobs", "watch", created.JobId, "-o", "text"]);
    expect(result.code).toBe(0);
    const states = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => line.split("\t")[1]);
    expect(states).toEqual(["Submitted", "Running", "Success"]);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBeGreaterThan(3);
  });

  it("watch redraws one live line on a terminal's stderr and keeps stdout empty", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 1 } });
    const created = JSON.parse(
      (await h.run(["jobs", "create", "--name", "w", "--prefix", "p", "--workflow-ids", WORKFLOW])).stdout,
    );
    const result = await h.run(["jobs", "watch", created.JobId], { isTTY: { stderr: true }, env: { NO_COLOR: "1" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("\r\u001b[2KSubmitted · ");
    expect(result.stderr).toContain("\r\u001b[2KSuccess · ");
    expect(result.stderr).toContain(`job ${created.JobId} ended in state Success`);
  });

  it("watch --exit-status exits 9 for a failed job", async () => {
    const h = harness();
    expect((await h.run(["jobs", "watch", "bc29640f823400022d15ee1663248666a", "--exit-status"])).code).toBe(9);
    expect((await h.run(["jobs", "watch", "bc29640f823400022d15ee1663248666a"])).code).toBe(0);
  });

  it("Ctrl-C stops watching: the job keeps running, exit 130", async () => {
    const h = harness({ transition: { mode: "manual" } });
    let interrupt: ((signal: string) => void) | undefined;
    let polls = 0;
    const result = await h.run(["jobs", "watch", JOB, "-o", "text"], {
      onSignal: (handler) => {
        interrupt = handler;
        return () => undefined;
      },
      sleep: async (ms, signal) => {
        h.fake.clock.advance(ms);
        if (++polls === 2) interrupt?.("SIGINT");
        signal?.throwIfAborted();
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(
      `Stopped watching; job ${JOB} is still Running and keeps running. Cancel it with: cibatch jobs cancel ${JOB}`,
    );
    expect(h.fake.jobs.get(JOB)?.state).toBe("Running");
  });
});
