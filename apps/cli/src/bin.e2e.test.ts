import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createFakeCi, DEMO_ACCOUNT, DEMO_JOB_ID, demoJobs, type RunningListener } from "@cibatch/testing-fakes/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The installed command (a shim over dist/bin.js), built by turbo before the run: `pnpm test:e2e` runs this
// package's test:e2e task, which depends on its build.
const BIN = fileURLToPath(new URL("../bin/cibatch.js", import.meta.url));
const WORKFLOW = "w7476ff3564ee45b7b490d64bccaba6cc";

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

let server: RunningListener;
const fake = createFakeCi({ randomSeed: 11, transition: { mode: "afterDescribes", n: 1 } });

function cibatch(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Spawned> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: {
          PATH: process.env.PATH,
          CIBATCH_ENDPOINT_URL: server.url,
          CIBATCH_BUCKET: "examplebucket-1250000000",
          CIBATCH_REGION: "ap-beijing",
          TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
          TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
          CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-e2e/config",
          HOME: "/nonexistent/cibatch-e2e",
          ...env,
        },
        timeout: 15_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  for (const job of demoJobs()) fake.jobs.seed(job);
  server = await fake.listen();
});
afterAll(async () => {
  await server.close();
});

describe("the built binary against a fake listener", () => {
  it("describes the seed's job, lists, creates, waits, watches and cancels", async () => {
    const describeJob = await cibatch(["jobs", "describe", DEMO_JOB_ID]);
    expect(describeJob.code).toBe(0);
    expect(JSON.parse(describeJob.stdout).Jobs[0]).toMatchObject({ JobId: DEMO_JOB_ID, State: "Running" });

    const list = await cibatch(["jobs", "list", "--page-size", "3", "-o", "text"]);
    expect(list.code).toBe(0);
    expect(list.stdout.trimEnd().split("\n")).toHaveLength(7);

    const created = await cibatch([
      "jobs",
      "create",
      "--name",
      "e2e",
      "--prefix",
      "in/",
      "--workflow-ids",
      WORKFLOW,
      "--query",
      "JobId",
      "-o",
      "text",
    ]);
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^b[0-9a-f]{32}$/);

    const wait = await cibatch(["jobs", "wait", id, "--interval", "50ms", "--timeout", "10s"]);
    expect(wait).toMatchObject({ code: 0, stdout: "" });

    const second = (
      await cibatch([
        "jobs",
        "create",
        "--name",
        "e2e2",
        "--prefix",
        "in/",
        "--workflow-ids",
        WORKFLOW,
        "--query",
        "JobId",
        "-o",
        "text",
      ])
    ).stdout.trim();
    const watch = await cibatch(["jobs", "watch", second, "--interval", "50ms", "-o", "text"]);
    expect(watch.code).toBe(0);
    expect(watch.stdout.trimEnd().split("\n").at(-1)).toContain("\tSuccess\t");

    const cancel = await cibatch(["jobs", "cancel", "be4545ce55ba0412113701657c42f131d", "-o", "json"]);
    expect(cancel.code).toBe(0);
    expect(fake.jobs.get("be4545ce55ba0412113701657c42f131d")?.state).toBe("Cancel");
  });

  it("--dry-run sends nothing; sign and configure list work offline", async () => {
    const before = fake.journal.entries().length;
    const dry = await cibatch([
      "jobs",
      "create",
      "--name",
      "dry",
      "--prefix",
      "p",
      "--workflow-ids",
      WORKFLOW,
      "--dry-run",
      "-o",
      "json",
    ]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).Body).toBe(
      `<Request><Name>dry</Name><Type>Workflow</Type><Input><Prefix>p</Prefix></Input><Operation><WorkflowIds>${WORKFLOW}</WorkflowIds></Operation></Request>`,
    );
    const sign = await cibatch([
      "sign",
      "--path",
      `/inventorytriggerjob/${DEMO_JOB_ID}`,
      "--key-time",
      "1497530202;1497610202",
      "-o",
      "text",
    ]);
    expect(sign.code).toBe(0);
    expect(sign.stdout).toContain("HeaderList     host");
    const configure = await cibatch(["configure", "list", "-o", "json"]);
    expect(configure.code).toBe(0);
    expect(configure.stdout).not.toContain(DEMO_ACCOUNT.secretKey);
    expect(fake.journal.entries().length).toBe(before);
  });

  it("error paths: bad credentials 4, unknown job 7, throttling 6, unreachable endpoint 6", async () => {
    const bad = await cibatch(["jobs", "list"], { TENCENTCLOUD_SECRET_KEY: "not-the-key" });
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain("SignatureDoesNotMatch");
    const missing = await cibatch(["jobs", "describe", "b00000000000000000000000000000000"]);
    expect(missing.code).toBe(7);
    const rule = fake.faults.add({
      match: { op: "DescribeInventoryTriggerJobs" },
      action: { status: 429, code: "SlowDown" },
    });
    const throttled = await cibatch(["jobs", "list"]);
    fake.faults.remove(rule);
    expect(throttled.code).toBe(6);
    const unreachable = await cibatch(["jobs", "list", "--cli-total-timeout", "3"], {
      CIBATCH_ENDPOINT_URL: "http://127.0.0.1:9",
    });
    expect(unreachable.code).toBe(6);
    expect(unreachable.stderr).toContain("ECONNREFUSED");
  });
});
