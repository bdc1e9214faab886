import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { harness, stdinOf } from "../cli.fixture.js";

const WORKFLOW = "w7476ff3564ee45b7b490d64bccaba6cc";
const TEMPLATE = "t1460606b9752148c4ab182f55163ba7cd";
const CI_HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
const WORKFLOW_FLAGS = ["--name", "nightly", "--prefix", "input/", "--workflow-ids", WORKFLOW];
const NODE_FLAGS = [
  "--name",
  "transcode",
  "--prefix",
  "input/",
  "--tag",
  "Transcode",
  "--output-region",
  "ap-chongqing",
  "--output-bucket",
  "test-1234567890",
  "--output-object",
  "out/a.mp4",
];

const temp = mkdtempSync(join(tmpdir(), "cibatch-create-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(temp, "case-")), name);
  writeFileSync(file, text);
  return file;
}

describe("jobs create: input documents", () => {
  it("refuses --cli-input-json together with --cli-input-yaml (exit 2)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--cli-input-json", "a.json", "--cli-input-yaml", "a.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("give --cli-input-json or --cli-input-yaml, not both");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("reports input that is not JSON (exit 2), sending nothing", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--cli-input-json", "-", "-o", "text"], {
      stdin: stdinOf("{ Name: nightly"),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cibatch: error: --cli-input-json -: not valid JSON at line 1, column 3: /);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("names the line and column of a JSON syntax error on a later line", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--cli-input-json", "-"], {
      stdin: stdinOf('{\n  "Name": "nightly",\n  "Type": Workflow\n}'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--cli-input-json -: not valid JSON at line 3, column 11: ");
  });

  it("accepts a UTF-8 byte order mark and WorkflowIds as an array", async () => {
    const h = harness();
    const document = {
      Name: "bom",
      Input: { Prefix: "in/" },
      Operation: { WorkflowIds: [WORKFLOW] },
    };
    const result = await h.run(["jobs", "create", "--cli-input-json", "-", "-o", "json"], {
      stdin: stdinOf(`\uFEFF${JSON.stringify(document)}`),
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Operation.WorkflowIds).toBe(WORKFLOW);
  });

  it("refuses an input larger than 1 MiB before reading it whole", async () => {
    const h = harness();
    let pulled = 0;
    const endless: AsyncIterable<Uint8Array> = {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          pulled += 1;
          yield new Uint8Array(64 * 1024).fill(0x20);
        }
      },
    };
    const result = await h.run(["jobs", "create", "--cli-input-json", "-"], { stdin: endless });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--cli-input-json -: larger than 1024 KiB");
    expect(pulled).toBe(17);
  });

  it("creates from a --cli-input-yaml file, flags overriding its fields", async () => {
    const h = harness();
    const file = tempFile(
      "job.yaml",
      [
        "Name: from-yaml",
        "Type: Workflow",
        "Input:",
        "  Prefix: yaml/",
        "Operation:",
        `  WorkflowIds: ${WORKFLOW}`,
        "  TimeInterval:",
        "    Start: 2022-02-01T12:00:00+08:00",
        "    End: 2022-05-01T12:00:00+08:00",
        "",
      ].join("\n"),
    );
    const result = await h.run(["jobs", "create", "--cli-input-yaml", file, "--name", "overridden", "-o", "json"]);
    expect(result.code).toBe(0);
    const job = JSON.parse(result.stdout);
    expect(job).toMatchObject({
      Name: "overridden",
      Type: "Workflow",
      Input: { Prefix: "yaml/" },
      Operation: { WorkflowIds: WORKFLOW },
    });
    const stored = h.fake.jobs.get(job.JobId);
    expect(stored?.name).toBe("overridden");
    expect(h.fake.journal.last()?.body).toContain("<Start>2022-02-01T12:00:00+0800</Start>");
  });

  it("reports input that is not YAML (exit 2)", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--cli-input-yaml", "-"], { stdin: stdinOf("Name: [unclosed\n") });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--cli-input-yaml -: not valid YAML (");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("refuses an input document that is not an object (exit 2)", async () => {
    const result = await harness().run(["jobs", "create", "--cli-input-json", "-", ...WORKFLOW_FLAGS], {
      stdin: stdinOf("[1, 2]"),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the input document must be an object");
  });
});

describe("jobs create: --job-param-xml", () => {
  it("takes a bare fragment or a whole <JobParam> element", async () => {
    const h = harness();
    for (const xml of [
      `<TemplateId>${TEMPLATE}</TemplateId>`,
      `<JobParam><TemplateId>${TEMPLATE}</TemplateId></JobParam>`,
    ]) {
      const result = await h.run(["jobs", "create", ...NODE_FLAGS, "--job-param-xml", "-", "-o", "json"], {
        stdin: stdinOf(`\n  ${xml}\n`),
      });
      expect(result.code, xml).toBe(0);
      const job = JSON.parse(result.stdout);
      expect(job.Operation.JobParam).toEqual({ TemplateId: TEMPLATE });
      expect(h.fake.journal.last()?.body).toContain(`<JobParam><TemplateId>${TEMPLATE}</TemplateId></JobParam>`);
    }
  });

  it("reports a fragment that is not XML (exit 2), sending nothing", async () => {
    const h = harness();
    const file = tempFile("param.xml", "<TemplateId>unclosed");
    const result = await h.run(["jobs", "create", ...NODE_FLAGS, "--job-param-xml", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--job-param-xml ${file}: not a valid XML fragment (`);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});

describe("jobs create: --dry-run", () => {
  it("-o json prints the request as data: URL, signed Host, redacted authorization, body and the signing steps", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--dry-run", ...WORKFLOW_FLAGS, "-o", "json"]);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({
      DryRun: true,
      Method: "POST",
      Url: `https://${CI_HOST}/inventorytriggerjob`,
      Headers: { host: CI_HOST, "content-type": "application/xml" },
    });
    expect(data.Body).toContain("<Name>nightly</Name>");
    expect(data.Headers["content-length"]).toBe(String(Buffer.byteLength(data.Body)));
    expect(data.Headers.authorization).toMatch(/q-ak=\*{4}0000&.*q-signature=\[REDACTED\]$/);
    expect(data.HttpString).toBe(`post\n/inventorytriggerjob\n\ncontent-type=application%2Fxml&host=${CI_HOST}\n`);
    expect(data.StringToSign).toMatch(/^sha1\n\d+;\d+\n[0-9a-f]{40}\n$/);
    expect(result.stderr).toBe("cibatch: dry run: nothing was sent; the signature is redacted\n");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("with --endpoint-url the URL changes and the signed Host stays the CI host", async () => {
    const result = await harness().run([
      "jobs",
      "create",
      "--dry-run",
      ...WORKFLOW_FLAGS,
      "--endpoint-url",
      "http://127.0.0.1:9000",
      "-o",
      "text",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^POST http:\/\/127\.0\.0\.1:9000\/inventorytriggerjob\nhost: examplebucket/);
  });

  it("without credentials prints the unsigned request and says why", async () => {
    const result = await harness().run(["jobs", "create", "--dry-run", ...WORKFLOW_FLAGS, "-o", "yaml"], {
      env: {
        TENCENTCLOUD_SECRET_ID: undefined,
        TENCENTCLOUD_SECRET_KEY: undefined,
        TENCENTCLOUD_CREDENTIALS_FILE: "/nonexistent/cibatch/credentials",
      },
    });
    expect(result.code).toBe(0);
    const data = parseYaml(result.stdout);
    expect(data.DryRun).toBe(true);
    expect(Object.keys(data.Headers).sort()).toEqual(["content-length", "content-type", "host"]);
    expect(data.HttpString).toBeUndefined();
    expect(result.stderr).toMatch(/^cibatch: dry run: nothing was sent \(not signed: .+\)\n$/);
  });

  it("needs a bucket and a region to build the URL (exit 3)", async () => {
    const result = await harness().run(["jobs", "create", "--dry-run", ...WORKFLOW_FLAGS], {
      env: { CIBATCH_REGION: undefined },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("--dry-run needs --bucket and --region");
  });
});

describe("jobs create: skeleton, reconciliation and --wait", () => {
  it("--generate-skeleton -o yaml prints an empty workflow template by default; sent unedited it creates nothing", async () => {
    const h = harness();
    const result = await h.run(["jobs", "create", "--generate-skeleton", "-o", "yaml"]);
    expect(result.code).toBe(0);
    expect(parseYaml(result.stdout)).toMatchObject({
      Name: "",
      Type: "Workflow",
      Input: { Prefix: "" },
      Operation: { WorkflowIds: "" },
    });
    const sent = await h.run(["jobs", "create", "--cli-input-yaml", "-"], { stdin: stdinOf(result.stdout) });
    expect(sent.code).toBe(2);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("--generate-skeleton --type job prints an empty independent-node template", async () => {
    const result = await harness().run(["jobs", "create", "--generate-skeleton", "--type", "Job"]);
    expect(result.code).toBe(0);
    const skeleton = JSON.parse(result.stdout);
    expect(skeleton).toMatchObject({ Type: "Job", Name: "", Operation: { Tag: "", JobParam: { TemplateId: "" } } });
  });

  it("says so when the create answer was lost and the job was found by listing", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      when: "after",
      times: 1,
      action: { status: 500, code: "InternalError" },
    });
    const result = await h.run(["jobs", "create", ...WORKFLOW_FLAGS, "-o", "json"]);
    expect(result.code).toBe(0);
    const job = JSON.parse(result.stdout);
    expect(h.fake.jobs.list().filter((j) => j.name === "nightly")).toHaveLength(1);
    expect(h.fake.jobs.get(job.JobId)?.name).toBe("nightly");
    expect(result.stderr).toMatch(/the create answer was lost; found the job by listing \(request id \S+\)/);
  });

  it("--wait waits for the new job to succeed, then prints it as it ended (exit 0)", async () => {
    const h = harness({ transition: { mode: "afterDescribes", n: 1 } });
    const result = await h.run(["jobs", "create", ...WORKFLOW_FLAGS, "--wait", "-o", "json"]);
    expect(result.code).toBe(0);
    const job = JSON.parse(result.stdout);
    expect(job.State).toBe("Success");
    expect(result.stderr).toContain(`created job ${job.JobId}; waiting`);
    expect(h.fake.jobs.get(job.JobId)?.state).toBe("Success");
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBeGreaterThanOrEqual(2);
  });

  it("--wait exits 9 when the new job fails", async () => {
    const h = harness({ transition: { mode: "immediate" }, outcome: "Failed" });
    const result = await h.run(["jobs", "create", ...WORKFLOW_FLAGS, "--wait", "-o", "json"]);
    expect(result.code).toBe(9);
    expect(result.stderr).toContain("ended in state Failed");
  });
});
