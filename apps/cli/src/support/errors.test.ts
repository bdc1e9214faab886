import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";

const JOB = "b3deffea2f84911ec9cb15254008618d9";
const CANARY_KEY = "canarySECRETkey0123456789abcdefZZ";
const CANARY_TOKEN = "canaryTOKEN-9f8e7d6c5b4a";
const CANARY_ID = "AKIDcanary00000000000000000000000Q9x7";

function lastJsonLine(stderr: string): { error: Record<string, unknown> } {
  const lines = stderr.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] as string);
}

describe("error paths and exit codes", () => {
  it("bad credentials: the signature is refused, exit 4, one line plus the JSON envelope", async () => {
    const result = await harness().run(["jobs", "describe", JOB, "-o", "json"], {
      env: { TENCENTCLOUD_SECRET_KEY: "wrong-key-for-the-demo-id" },
    });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toMatch(/^cibatch: error: SignatureDoesNotMatch \(HTTP 403\)/);
    expect(lastJsonLine(result.stderr).error).toMatchObject({
      code: "SignatureDoesNotMatch",
      httpStatus: 403,
      retryable: false,
    });
    expect(typeof lastJsonLine(result.stderr).error.requestId).toBe("string");
  });

  it("an unknown SecretId is an authentication failure too (exit 4)", async () => {
    const result = await harness().run(["jobs", "list"], {
      env: { TENCENTCLOUD_SECRET_ID: "AKIDunknown000000000000000000000000" },
    });
    expect(result.code).toBe(4);
  });

  it("throttling that outlasts the retries exits 6 and says so", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: "DescribeInventoryTriggerJob" }, action: { status: 429, code: "SlowDown" } });
    const result = await h.run(["jobs", "describe", JOB, "-o", "text"]);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain("SlowDown");
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(3);
  });

  it("an unreachable endpoint exits 6 with what to check", async () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
    });
    const result = await harness().run(["jobs", "list", "-o", "text"], {
      fetch: async () => {
        throw refused;
      },
    });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain("--endpoint-url");
  });

  it("no credentials anywhere exits 3 and says where to put them", async () => {
    const result = await harness().run(["jobs", "list"], {
      env: { TENCENTCLOUD_SECRET_ID: undefined, TENCENTCLOUD_SECRET_KEY: undefined },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("TENCENTCLOUD_SECRET_ID");
  });

  it("a missing bucket or region exits 3 naming the flag, the variable and the config key", async () => {
    const noBucket = await harness().run(["jobs", "list"], { env: { CIBATCH_BUCKET: undefined } });
    expect(noBucket.code).toBe(3);
    expect(noBucket.stderr).toContain("--bucket");
    expect(noBucket.stderr).toContain("CIBATCH_BUCKET");
    const noRegion = await harness().run(["jobs", "list"], { env: { CIBATCH_REGION: undefined } });
    expect(noRegion.code).toBe(3);
  });

  it("an invalid job id is refused before sending (exit 2)", async () => {
    const h = harness();
    expect((await h.run(["jobs", "describe", "../etc"])).code).toBe(2);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("an ambiguous create that cannot be reconciled exits 10 with the command to check", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      when: "after",
      action: { status: 500, code: "InternalError" },
    });
    h.fake.faults.add({
      match: { op: "DescribeInventoryTriggerJobs" },
      action: { status: 500, code: "InternalError" },
    });
    const result = await h.run([
      "jobs",
      "create",
      "--name",
      "amb",
      "--prefix",
      "p",
      "--workflow-ids",
      "w1",
      "-o",
      "json",
    ]);
    expect(result.code).toBe(10);
    expect(result.stderr).toContain("cibatch jobs list");
    expect(lastJsonLine(result.stderr).error.code).toBe("AMBIGUOUS_CREATE");
  });

  it("a service 4xx that is not about auth or existence exits 5", async () => {
    const result = await harness().run(["jobs", "cancel", "b88a78fe20b418593ddb1c3622265e2ef"]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain("InvalidArgument");
  });
});

describe("secrets never appear in any output", () => {
  const account = {
    bucket: "examplebucket-1250000000",
    secretId: CANARY_ID,
    secretKey: CANARY_KEY,
    token: CANARY_TOKEN,
  };
  const env = {
    TENCENTCLOUD_SECRET_ID: CANARY_ID,
    TENCENTCLOUD_SECRET_KEY: CANARY_KEY,
    TENCENTCLOUD_SESSION_TOKEN: CANARY_TOKEN,
  };

  it("with --debug, on success and failure, in every command that touches credentials", async () => {
    const h = harness({ accounts: [account] });
    const outputs: string[] = [];
    const runs: string[][] = [
      ["jobs", "describe", JOB, "--debug"],
      ["jobs", "list", "--debug", "-o", "yaml"],
      ["jobs", "create", "--name", "c", "--prefix", "p", "--workflow-ids", "w1", "--debug"],
      ["jobs", "create", "--name", "c", "--prefix", "p", "--workflow-ids", "w1", "--dry-run", "--debug", "-o", "json"],
      ["configure", "list", "-o", "json"],
      ["sign", "--path", `/inventorytriggerjob/${JOB}`, "--debug"],
    ];
    for (const argv of runs) {
      const result = await h.run(argv, { env });
      expect(result.code, argv.join(" ")).toBe(0);
      outputs.push(result.stdout, result.stderr);
    }
    h.fake.faults.add({
      match: { op: "DescribeInventoryTriggerJob" },
      action: { status: 503, code: "ServiceUnavailable" },
    });
    const failing = await h.run(["jobs", "describe", JOB, "--debug", "-o", "json"], { env });
    expect(failing.code).toBe(6);
    outputs.push(failing.stdout, failing.stderr);
    const wrongKey = await h.run(["jobs", "list", "--debug"], {
      env: { ...env, TENCENTCLOUD_SECRET_KEY: `${CANARY_KEY}x` },
    });
    expect(wrongKey.code).toBe(4);
    outputs.push(wrongKey.stdout, wrongKey.stderr);
    const all = outputs.join("\n");
    expect(all).toContain("[debug]"); // the trace was really on
    expect(all).toContain("****Q9x7"); // the SecretId is masked to its last 4 where it is shown
    expect(all).not.toContain(CANARY_KEY);
    expect(all).not.toContain(CANARY_TOKEN);
  });
});
