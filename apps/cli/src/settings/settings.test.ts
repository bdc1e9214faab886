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

describe("mistakes are caught", () => {
  it("an unknown --profile (or TENCENTCLOUD_PROFILE) is exit 3, naming it", async () => {
    const file = configFile("[default]\nregion = ap-guangzhou\n");
    const h = harness();
    const flag = await h.run(["jobs", "list", "--profile", "nosuch"], { env: { CIBATCH_CONFIG_FILE: file } });
    expect(flag.code).toBe(3);
    expect(flag.stderr).toContain('the profile "nosuch" (--profile) could not be found');
    expect(h.fake.journal.entries()).toHaveLength(0);
    const env = await h.run(["jobs", "list"], { env: { CIBATCH_CONFIG_FILE: file, TENCENTCLOUD_PROFILE: "gone" } });
    expect(env.code).toBe(3);
    expect(env.stderr).toContain('the profile "gone" (env TENCENTCLOUD_PROFILE)');
  });

  it("a profile found only in the credentials file is fine", async () => {
    const file = configFile("[default]\n");
    const credentials = configFile("[ci]\nsecret_id = AKIDci\nsecret_key = key\n");
    const result = await harness().run(["jobs", "list", "--profile", "ci", "-o", "json"], {
      env: { CIBATCH_CONFIG_FILE: file, TENCENTCLOUD_CREDENTIALS_FILE: credentials },
    });
    expect(result.stderr).not.toContain("could not be found");
  });

  it("a region outside the known list is a warning naming the closest; a malformed one is refused", async () => {
    const h = harness();
    const typo = await h.run(["jobs", "list", "--region", "ap-beijin", "-o", "json"]);
    expect(typo.stderr).toContain(
      "cibatch: warning: region ap-beijin (--region) is not one this version knows; did you mean ap-beijing?",
    );
    const env = await h.run(["jobs", "list"], { env: { CIBATCH_REGION: "beijing" } });
    expect(env.code).toBe(3);
    expect(env.stderr).toContain("CIBATCH_REGION=beijing: not a region");
    const flag = await h.run(["jobs", "list", "--region", "beijing"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--region beijing: not a region");
  });

  it("a bad CIBATCH_* value exits 3 naming the variable", async () => {
    const h = harness();
    for (const [name, value] of [
      ["CIBATCH_BUCKET", "nobucket"],
      ["CIBATCH_ENDPOINT_URL", "ftp://x"],
      ["CIBATCH_DEBUG", "yes"],
    ] as const) {
      const result = await h.run(["jobs", "list"], { env: { [name]: value } });
      expect(result.code, name).toBe(3);
      expect(result.stderr, name).toContain(`${name}=${value}: `);
    }
    const config = configFile("[default]\noutput = xml\n");
    const fromFile = await h.run(["jobs", "list"], { env: { CIBATCH_CONFIG_FILE: config } });
    expect(fromFile.code).toBe(3);
    expect(fromFile.stderr).toContain(`${config}: output = xml: use json, table, text or yaml`);
  });

  it("enum flags take any case", async () => {
    const h = harness();
    const result = await h.run(["jobs", "list", "--type", "Workflow", "--order", "ASC", "-o", "JSON"]);
    expect(result.code).toBe(0);
    expect(h.fake.journal.last()?.query).toMatchObject({ type: "Workflow", orderByTime: "Asc" });
    const bad = await h.run(["jobs", "list", "--type", "flow"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("use one of: workflow, job");
  });
});
