import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { harness, stdinOf } from "../cli.fixture.js";

const TTY = { stdin: true, stderr: true, stdout: false };

function files(): { config: string; credentials: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "cibatch-configure-"));
  const config = join(dir, "cibatch", "config");
  const credentials = join(dir, "tencentcloud", "credentials");
  mkdirSync(join(dir, "cibatch"));
  return {
    config,
    credentials,
    env: { CIBATCH_CONFIG_FILE: config, TENCENTCLOUD_CREDENTIALS_FILE: credentials, NO_COLOR: "1" },
  };
}

const mode = (file: string): number => statSync(file).mode & 0o777;

describe("configure set and get", () => {
  it("writes settings to the config file and keys to the credentials file, both mode 0600", async () => {
    const f = files();
    const h = harness();
    expect((await h.run(["configure", "set", "region", "ap-guangzhou"], { env: f.env })).code).toBe(0);
    expect(
      (await h.run(["--profile", "prod", "configure", "set", "bucket", "prodbucket-1250000000"], { env: f.env })).code,
    ).toBe(0);
    expect(
      (await h.run(["--profile", "prod", "configure", "set", "secret_id", "AKIDprod0000000000001234"], { env: f.env }))
        .code,
    ).toBe(0);
    expect(readFileSync(f.config, "utf8")).toMatch(
      /\[default\]\nregion = ap-guangzhou\n[\s\S]*\[prod\]\nbucket = prodbucket-1250000000\n/,
    );
    expect(readFileSync(f.credentials, "utf8")).toContain("[prod]\nsecret_id = AKIDprod0000000000001234\n");
    expect(mode(f.config)).toBe(0o600);
    expect(mode(f.credentials)).toBe(0o600);
    const region = await h.run(["configure", "get", "region"], { env: f.env });
    expect(region).toMatchObject({ code: 0, stdout: "ap-guangzhou\n" });
    const id = await h.run(["--profile", "prod", "configure", "get", "secret_id"], { env: f.env });
    expect(id.stdout).toBe("****1234\n");
    expect((await h.run(["configure", "get", "bucket"], { env: f.env })).code).toBe(3);
    // An empty value removes the key.
    await h.run(["configure", "set", "region", ""], { env: f.env });
    expect(readFileSync(f.config, "utf8")).not.toContain("ap-guangzhou");
  });

  it("checks a value as a flag would: a bad bucket is exit 2, an unknown region a warning", async () => {
    const f = files();
    const h = harness();
    const bad = await h.run(["configure", "set", "bucket", "Bad_Bucket"], { env: f.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bucket Bad_Bucket: not a bucket name");
    const odd = await h.run(["configure", "set", "region", "ap-beijin"], { env: f.env });
    expect(odd.code).toBe(0);
    expect(odd.stderr).toContain("did you mean ap-beijing?");
    expect((await h.run(["configure", "get", "secret_key"], { env: f.env })).code).toBe(2);
  });
});

describe("configure (interactive)", () => {
  it("asks for region, bucket, output and keys; Enter keeps a value; keys go to the credentials file", async () => {
    const f = files();
    writeFileSync(f.config, "[default]\noutput = yaml\n");
    const h = harness();
    const result = await h.run(["configure"], {
      env: f.env,
      isTTY: TTY,
      stdin: stdinOf("ap-shanghai\n", "nope\n", "shbucket-1250000000\n", "\n", "AKIDnew0000000000005678\n", "s3cret\n"),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Output format (json, table, text, yaml) [yaml]: ");
    expect(result.stderr).toContain("bucket nope: not a bucket name");
    expect(result.stderr).not.toContain("s3cret");
    expect(readFileSync(f.config, "utf8")).toContain("region = ap-shanghai\n");
    expect(readFileSync(f.config, "utf8")).toContain("output = yaml\n");
    expect(readFileSync(f.credentials, "utf8")).toBe(
      "[default]\nsecret_id = AKIDnew0000000000005678\nsecret_key = s3cret\n",
    );
    expect(mode(f.credentials)).toBe(0o600);
  });

  it("needs a terminal: elsewhere it points at configure set (exit 2)", async () => {
    const f = files();
    const result = await harness().run(["configure"], { env: f.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("use `cibatch configure set <key> <value>`");
  });
});
