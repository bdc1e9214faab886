import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";

const RUNNING = "b3deffea2f84911ec9cb15254008618d9";
const FAILED = "bc29640f823400022d15ee1663248666a";
const UNKNOWN = "b00000000000000000000000000000000";

describe("jobs list: limit and empty results", () => {
  it("shows 50 jobs by default in every format, says on stderr how to get the rest; --all gets them", async () => {
    const h = harness();
    for (let i = 0; i < 60; i++) {
      await h.run(["jobs", "create", "--name", `bulk-${i}`, "--prefix", "p/", "--workflow-ids", "w1", "-o", "json"]);
    }
    const total = h.fake.jobs.list().length;
    expect(total).toBe(67);
    const json = await h.run(["jobs", "list", "-o", "json"]);
    const data = JSON.parse(json.stdout);
    expect(data.Jobs).toHaveLength(50);
    expect(data.NextToken).toEqual(expect.any(String));
    expect(json.stderr).toContain(
      `cibatch: showing the first 50 jobs; more exist. Add --all for every job, --limit <n> for more, or --starting-token ${data.NextToken} to continue.`,
    );
    const text = await h.run(["jobs", "list", "-o", "text"]);
    expect(text.stdout.trimEnd().split("\n")).toHaveLength(50);
    const all = await h.run(["jobs", "list", "--all", "--page-size", "20", "-o", "json"]);
    expect(JSON.parse(all.stdout).Jobs).toHaveLength(total);
    expect(all.stderr).toBe("");
    const one = await h.run(["jobs", "list", "--limit", "1", "-o", "json"]);
    expect(JSON.parse(one.stdout).Jobs).toHaveLength(1);
    expect(one.stderr).toContain("showing the first 1 job;");
    expect((await h.run(["jobs", "list", "--all", "--limit", "5"])).code).toBe(2);
  });

  it('says "No jobs found." on stderr in table and text; JSON keeps an empty list', async () => {
    const h = harness();
    for (const format of ["table", "text"]) {
      const result = await h.run(["jobs", "list", "--name", "nothing-by-this-name", "-o", format]);
      expect(result).toMatchObject({ code: 0, stdout: "", stderr: "No jobs found.\n" });
    }
    const json = await h.run(["jobs", "list", "--name", "nothing-by-this-name", "-o", "json"]);
    expect(JSON.parse(json.stdout)).toEqual({ Jobs: [] });
  });
});

describe("jobs describe: every id's outcome and the detail view", () => {
  it("found, not found and failed ids each get their outcome; the exit is the worst", async () => {
    const h = harness();
    h.fake.faults.add({ match: { path: new RegExp(`/${FAILED}$`) }, action: { status: 403, code: "AccessDenied" } });
    const json = await h.run(["jobs", "describe", RUNNING, UNKNOWN, FAILED, "-o", "json"]);
    expect(json.code).toBe(4);
    const data = JSON.parse(json.stdout);
    expect(data.Jobs.map((j: { JobId: string }) => j.JobId)).toEqual([RUNNING]);
    expect(data.NonExistJobIds).toEqual([UNKNOWN]);
    expect(data.Errors).toEqual([
      {
        JobId: FAILED,
        Code: "AccessDenied",
        Message: expect.stringContaining("AccessDenied"),
        RequestId: expect.any(String),
      },
    ]);
    const table = await h.run(["jobs", "describe", RUNNING, UNKNOWN, FAILED, "-o", "table"]);
    expect(table.code).toBe(4);
    expect(table.stdout).toContain(`JobId     ${RUNNING}\n`);
    expect(table.stderr).toContain(`cibatch: job ${UNKNOWN} not found in bucket examplebucket-1250000000`);
    expect(table.stderr).toContain(`cibatch: job ${FAILED}: `);
  });

  it("a failed job shows its Code and Message; unknown elements appear under Other fields", async () => {
    const h = harness();
    const failed = await h.run(["jobs", "describe", FAILED, "-o", "table", "--time-format", "iso-utc"]);
    expect(failed.stdout).toContain(
      "\nState     Failed\nCode      ResourceNotFound\nMessage   input resource does not exist\n",
    );
    expect(failed.stdout).toContain("\nCreated   2022-06-25T00:30:00Z\n");
    expect(failed.stdout).toContain("\nDuration  2s\n");
    const running = await h.run(["jobs", "describe", RUNNING, "-o", "text"]);
    expect(running.stdout).not.toContain("Code");
  });

  it("the Chinese name of a job keeps the columns aligned", async () => {
    const h = harness();
    const created = await h.run([
      "jobs",
      "create",
      "--name",
      "夜间转码",
      "--prefix",
      "p/",
      "--workflow-ids",
      "w1",
      "-o",
      "json",
    ]);
    const id = JSON.parse(created.stdout).JobId as string;
    const table = await h.run(["jobs", "list", "--limit", "2", "-o", "table"], { env: { COLUMNS: "120" } });
    const [header, first, second] = table.stdout.split("\n") as [string, string, string];
    expect(first.startsWith(`${id}  夜间转码`)).toBe(true);
    // "夜间转码" is 4 characters but 8 columns wide: the State column starts at the same column on every line.
    const stateColumn = header.indexOf("State");
    expect(second.slice(stateColumn).startsWith("Submitted") || second.slice(stateColumn).startsWith("Running")).toBe(
      true,
    );
    expect(first.indexOf("Submitted") + 4).toBe(stateColumn);
  });
});

describe("jobs wait and watch: timeouts that hold", () => {
  const hang = (): typeof fetch =>
    ((_input: unknown, init?: { signal?: AbortSignal }) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      })) as unknown as typeof fetch;

  it("a service that never answers: wait ends at --timeout with exit 6, not 8", async () => {
    const h = harness();
    const started = Date.now();
    const result = await h.run(
      ["jobs", "wait", RUNNING, "--timeout", "300ms", "--cli-read-timeout", "0", "--cli-total-timeout", "0"],
      { fetch: hang() },
    );
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(
      `no answer about job ${RUNNING} within --timeout 0.3 s: the service was not reached`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("a job seen running that does not finish in time: exit 8, saying its state", async () => {
    const h = harness({ transition: { mode: "manual" } });
    const result = await h.run(["jobs", "wait", RUNNING, "--timeout", "10s", "--interval", "2s"]);
    expect(result.code).toBe(8);
    expect(result.stderr).toContain(`timed out after 10 s waiting for job ${RUNNING}; it is still Running`);
  });

  it("create --wait prints the job only once it ended", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 1 }, outcome: "Failed" });
    const result = await h.run([
      "jobs",
      "create",
      "--name",
      "w",
      "--prefix",
      "p/",
      "--workflow-ids",
      "w1",
      "--wait",
      "-o",
      "json",
    ]);
    expect(result.code).toBe(9);
    expect(JSON.parse(result.stdout).State).toBe("Failed");
  });

  /** A fake whose new jobs need 3 describes to succeed, and one such job. */
  const newJob = async (name: string): Promise<{ h: ReturnType<typeof harness>; id: string }> => {
    const h = harness({ transition: { mode: "afterDescribes", n: 3 } });
    const created = await h.run([
      "jobs",
      "create",
      "--name",
      name,
      "--prefix",
      "p/",
      "--workflow-ids",
      "w1",
      "-o",
      "json",
    ]);
    return { h, id: JSON.parse(created.stdout).JobId as string };
  };

  /** The fake's fetch, with describes number 2, 3 and 4 (one whole poll: the client tries 3 times) failing. */
  const flaky = (h: ReturnType<typeof harness>): typeof fetch => {
    let describes = 0;
    return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if (/\/inventorytriggerjob\/b[0-9a-f]{32}$/.test(url) && (init?.method ?? "GET") === "GET") {
        describes += 1;
        if (describes >= 2 && describes <= 4) {
          throw new TypeError("fetch failed", {
            cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
          });
        }
      }
      return h.fake.fetch(input as never, init as never);
    }) as typeof fetch;
  };

  it("failed polls after the job was seen are named on stderr, and the wait goes on to the end", async () => {
    const { h, id } = await newJob("polled");
    const result = await h.run(["jobs", "wait", id, "--interval", "1s", "--timeout", "5m"], { fetch: flaky(h) });
    expect(result.stderr).toMatch(/^cibatch: poll 2 failed: cannot reach [^\n]*; trying again in 1 s\.$/m);
    expect(result.code).toBe(0);
    expect(h.fake.jobs.get(id)?.state).toBe("Success");
  });

  it("watch on a terminal prints a failed poll on its own line and redraws the status line", async () => {
    const { h, id } = await newJob("watched");
    const result = await h.run(["jobs", "watch", id, "--interval", "1s"], {
      fetch: flaky(h),
      isTTY: { stderr: true },
      env: { NO_COLOR: "1", COLUMNS: "200" },
    });
    expect(result.code).toBe(0);
    // The live line is erased before the message and drawn again after it.
    expect(result.stderr).toMatch(
      new RegExp(`\r\x1b\\[2Kcibatch: poll 2 failed[^\r]*\n\r\x1b\\[2K\\w+ · \\d+s · ${id}`),
    );
  });

  it("the first poll failing ends the wait at once: the service was never reached (exit 6)", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "DescribeInventoryTriggerJob" },
      action: { status: 503, code: "ServiceUnavailable" },
    });
    const result = await h.run(["jobs", "wait", RUNNING, "--interval", "1s", "--timeout", "30m"]);
    expect(result.code).toBe(6);
    expect(result.stderr).not.toContain("a poll failed");
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(3);
  });
});
