import type { FetchLike } from "@cibatch/ci-client";
import { describe, expect, it } from "vitest";
import { type Harness, harness, stdinOf } from "../cli.fixture.js";
import { decodeWarningLine } from "./decode-warnings.js";

const JOB = "b3deffea2f84911ec9cb15254008618d9";
const WORKFLOW = "w7476ff3564ee45b7b490d64bccaba6cc";
const NOT_A_TIME = "CreationTime: expected a time like";
const KEPT = "the raw text was kept and is shown as received";

/**
 * The fake's own answers with every job's `CreationTime` replaced by `soon`: a value that does not fit its type,
 * as a service could send it. Everything else (status, headers but the now wrong length) is passed on unchanged.
 */
function oddTimes(h: Harness): FetchLike {
  return async (input, init) => {
    const response = await h.fake.fetch(input, init);
    const body = (await response.text()).replaceAll(
      /<CreationTime>[^<]*<\/CreationTime>/g,
      "<CreationTime>soon</CreationTime>",
    );
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(body, { status: response.status, headers });
  };
}

const warningLines = (stderr: string): string[] => stderr.split("\n").filter((line) => line.includes("warning:"));

describe("decode warnings of a response", () => {
  it("describe -o json: the job is printed with the raw text, the warning goes to stderr (exit 0)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "describe", JOB, "-o", "json"], { fetch: oddTimes(h) });
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data.Jobs[0]).toMatchObject({ JobId: JOB, CreationTime: "soon" });
    expect(result.stdout).not.toContain("warning");
    expect(warningLines(result.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^cibatch: warning: job ${JOB}: ${NOT_A_TIME} .*, found "soon"; ${KEPT}$`)),
    ]);
  });

  it("--query still sees the raw text", async () => {
    const h = harness();
    const result = await h.run(["jobs", "describe", JOB, "--query", "Jobs[0].CreationTime", "-o", "json"], {
      fetch: oddTimes(h),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toBe("soon");
    expect(result.stderr).toContain(`job ${JOB}: ${NOT_A_TIME}`);
  });

  it("list: the warnings of every page fetched, one line per job", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--all", "--page-size", "2", "-o", "json"], { fetch: oddTimes(h) });
    expect(result.code).toBe(0);
    const jobs = JSON.parse(result.stdout).Jobs as { JobId: string; CreationTime: string }[];
    expect(jobs).toHaveLength(7);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJobs" })).toBe(4);
    expect(jobs.every((job) => job.CreationTime === "soon")).toBe(true);
    const lines = warningLines(result.stderr);
    expect(lines).toHaveLength(7);
    for (const job of jobs) expect(lines.some((line) => line.includes(`job ${job.JobId}: ${NOT_A_TIME}`))).toBe(true);
  });

  it("create, then wait and watch: each job warned about once, however often it is polled", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 2 } });
    const fetch = oddTimes(h);
    const created = await h.run(["jobs", "create", "--name", "w", "--prefix", "p", "--workflow-ids", WORKFLOW], {
      fetch,
    });
    expect(created.code).toBe(0);
    const job = JSON.parse(created.stdout);
    expect(job.CreationTime).toBe("soon");
    expect(warningLines(created.stderr)).toEqual([expect.stringContaining(`job ${job.JobId}: ${NOT_A_TIME}`)]);

    const waited = await h.run(["jobs", "wait", job.JobId, "--interval", "1s", "--print", "-o", "json"], { fetch });
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ State: "Success", CreationTime: "soon" });
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBeGreaterThan(1);
    expect(warningLines(waited.stderr)).toEqual([expect.stringContaining(`job ${job.JobId}: ${NOT_A_TIME}`)]);

    const watched = await h.run(["jobs", "watch", job.JobId, "-o", "json"], { fetch });
    expect(watched.code).toBe(0);
    expect(JSON.parse(watched.stdout.trimEnd().split("\n")[0] ?? "")).toMatchObject({ State: "Success" });
    expect(warningLines(watched.stderr)).toEqual([expect.stringContaining(`job ${job.JobId}: ${NOT_A_TIME}`)]);
  });

  it("cancel: a cancel settled by describing the job warns about that job's odd value", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "CancelInventoryTriggerJob" },
      when: "after",
      times: 1,
      action: { status: 500, code: "InternalError" },
    });
    // The retry is refused, as a cancel of a job already cancelled can be: only describing the job settles it.
    h.fake.faults.add({
      match: { op: "CancelInventoryTriggerJob" },
      times: 1,
      action: { status: 400, code: "InvalidParameter" },
    });
    const result = await h.run(["jobs", "cancel", JOB, "--yes", "-o", "json"], { fetch: oddTimes(h) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Results).toEqual([expect.objectContaining({ JobId: JOB, Outcome: "cancelled" })]);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(1);
    expect(warningLines(result.stderr)).toEqual([expect.stringContaining(`job ${JOB}: ${NOT_A_TIME}`)]);
  });

  it("names a missing element and a problem outside any job in words too", () => {
    const missing = {
      path: "Response.JobsDetail[1].JobId",
      expected: "a <JobId> element",
      found: "<JobsDetail> without it",
      message: "Response.JobsDetail[1].JobId: expected a <JobId> element, found <JobsDetail> without it; left absent.",
    };
    expect(decodeWarningLine(missing, { JobsDetail: [{ JobId: "b1" }, {}] }, undefined)).toBe(
      "a job: JobId: expected a <JobId> element, found <JobsDetail> without it; the job is shown without it",
    );
    const outside = {
      path: "Response",
      expected: "at most one <RequestId>",
      found: "another <RequestId>",
      message: "",
    };
    expect(decodeWarningLine(outside, {}, "b2")).toBe(
      "job b2: Response: expected at most one <RequestId>, found another <RequestId>; the raw text was kept and is shown as received",
    );
    expect(decodeWarningLine(outside, {})).toMatch(/^the response: /);
  });
});

describe("jobs create: what validation only warns about", () => {
  const NODE = ["--name", "inspect", "--prefix", "in/", "--type", "job", "--template-id", "t1", "--queue-id", "q1"];

  it("an unknown --tag is created, with a warning naming the flag (exit 0)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", ...NODE, "--tag", "FutureTag", "-o", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Operation.Tag).toBe("FutureTag");
    expect(warningLines(result.stderr)).toEqual([
      'cibatch: warning: --tag: "FutureTag" is not one the batch-job pages or the SDKs list; it is sent as given',
    ]);
    expect(h.fake.journal.count({ op: "CreateInventoryTriggerJob" })).toBe(1);
  });

  it("under --dry-run too, and a missing QueueId in --cli-input-json is named by its element path", async () => {
    const h = harness();
    const document = {
      Name: "inspect",
      Type: "Job",
      Input: { Prefix: "in/" },
      Operation: { Tag: "FutureTag", JobParam: { TemplateId: "t1" } },
    };
    const result = await h.run(["jobs", "create", "--cli-input-json", "-", "--dry-run", "-o", "json"], {
      stdin: stdinOf(JSON.stringify(document)),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Body).toContain("<Tag>FutureTag</Tag>");
    const lines = warningLines(result.stderr);
    expect(lines).toHaveLength(2);
    expect(lines).toContain(
      'cibatch: warning: Operation.Tag (or --tag): "FutureTag" is not one the batch-job pages or the SDKs list; it is sent as given',
    );
    expect(lines.find((line) => line.includes("QueueId"))).toMatch(
      /^cibatch: warning: Operation\.QueueId \(or --queue-id\): /,
    );
    expect(h.fake.journal.count({ op: "CreateInventoryTriggerJob" })).toBe(0);
  });

  it("a refused request reports only its problems, not the warnings", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", ...NODE, "--tag", "FutureTag", "--name", ""]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--name");
    expect(result.stderr).not.toContain("warning:");
  });
});
