import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "cibatch-config-")), "config");
  writeFileSync(file, text);
  return file;
}

function rows(stdout: string): Record<string, { Value: string; Source: string }> {
  const data = JSON.parse(stdout) as { Settings: { Name: string; Value: string; Source: string }[] };
  return Object.fromEntries(data.Settings.map((r) => [r.Name, { Value: r.Value, Source: r.Source }]));
}

describe("settings precedence: flag > environment > config profile > default", () => {
  const file = configFile(
    "[default]\nregion = ap-guangzhou\nbucket = cfgbucket-1250000000\n\n[prod]\nregion = ap-shanghai\noutput = yaml\n",
  );

  it("configure list shows each value and its source, secrets masked", async () => {
    const result = await harness().run(["configure", "list", "-o", "json", "--bucket", "flagbucket-1250000000"], {
      env: { CIBATCH_CONFIG_FILE: file, CIBATCH_REGION: undefined },
    });
    expect(result.code).toBe(0);
    const r = rows(result.stdout);
    expect(r.bucket).toEqual({ Value: "flagbucket-1250000000", Source: "--bucket" });
    expect(r.region).toEqual({ Value: "ap-guangzhou", Source: `${file} [default]` });
    expect(r.endpoint).toEqual({
      Value: "https://flagbucket-1250000000.ci.ap-guangzhou.myqcloud.com",
      Source: "derived",
    });
    expect(r.secret_id?.Value).toBe("****0000");
    expect(r.secret_id?.Source).toBe("env TENCENTCLOUD_SECRET_ID");
    expect(r.secret_key?.Value).not.toContain("cibatchDEMO");
    expect(r.token?.Value).toBe("(not set)");
    expect(r.output).toEqual({ Value: "json", Source: "--output" });
  });

  it("the environment beats the config file; --profile selects another section", async () => {
    const env = await harness().run(["configure", "list", "-o", "json"], {
      env: { CIBATCH_CONFIG_FILE: file, CIBATCH_REGION: "ap-chengdu" },
    });
    expect(rows(env.stdout).region).toEqual({ Value: "ap-chengdu", Source: "env CIBATCH_REGION" });
    const prod = await harness().run(["configure", "list", "--profile", "prod"], {
      env: { CIBATCH_CONFIG_FILE: file, CIBATCH_REGION: undefined, CIBATCH_BUCKET: undefined },
    });
    // The profile's own output setting applies (yaml), and its region.
    expect(prod.stdout).toMatch(/Name: region\n\s+Value: ap-shanghai/);
    expect(prod.stdout).toMatch(/Name: bucket\n\s+Value: \(not set\)/);
  });

  it("reports missing credentials in the table instead of failing", async () => {
    const result = await harness().run(["configure", "list", "-o", "json"], {
      env: {
        TENCENTCLOUD_SECRET_ID: undefined,
        TENCENTCLOUD_SECRET_KEY: undefined,
        TENCENTCLOUD_CREDENTIALS_FILE: "/nonexistent/creds",
      },
    });
    expect(result.code).toBe(0);
    expect(rows(result.stdout).secret_id?.Source).toMatch(/^no credentials/);
  });

  it("uses the bucket and region of the config file for real requests", async () => {
    const h = harness();
    const cfg = configFile("[default]\nregion = ap-beijing\nbucket = examplebucket-1250000000\n");
    const result = await h.run(["jobs", "list", "-o", "text"], {
      env: { CIBATCH_CONFIG_FILE: cfg, CIBATCH_BUCKET: undefined, CIBATCH_REGION: undefined },
    });
    expect(result.code).toBe(0);
    expect(h.fake.journal.last()?.bucket).toBe("examplebucket-1250000000");
  });
});
