import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";
import { VECTORS } from "./sign-vectors.fixture.js";

describe("cibatch sign", () => {
  for (const v of VECTORS) {
    it(`reproduces every step of vector ${v.name} and never prints the SecretKey`, async () => {
      const env = { TENCENTCLOUD_SECRET_ID: v.secretId, TENCENTCLOUD_SECRET_KEY: v.secretKey };
      const argv = [
        "sign",
        "--method",
        v.method,
        "--path",
        v.path,
        "--header",
        `Host: ${v.host}`,
        "--key-time",
        v.keyTime,
      ];
      for (const p of v.params) argv.push("--param", p);
      const json = await harness().run([...argv, "-o", "json"], { env });
      expect(json.code).toBe(0);
      const data = JSON.parse(json.stdout);
      expect(data).toMatchObject({
        HttpString: v.httpString,
        Sha1HttpString: v.sha1HttpString,
        StringToSign: v.stringToSign,
        Authorization: v.authorization,
      });
      const text = await harness().run([...argv, "-o", "text"], { env });
      expect(text.stdout).toContain(`Authorization  ${v.authorization}`);
      expect(text.stdout).toContain(`  ${v.httpString.split("\n")[0]}⏎`);
      for (const out of [json.stdout, json.stderr, text.stdout, text.stderr]) expect(out).not.toContain(v.secretKey);
    });
  }

  it("--check with the captured Authorization reports a match (exit 0), a different one a mismatch (exit 4)", async () => {
    const v = VECTORS[0];
    const env = { TENCENTCLOUD_SECRET_ID: v.secretId, TENCENTCLOUD_SECRET_KEY: v.secretKey };
    const base = ["sign", "--path", v.path, "--header", `Host: ${v.host}`, "-o", "json"];
    const same = await harness().run([...base, "--check", v.authorization], { env });
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).Check).toEqual({ Match: true, Findings: [] });
    const otherPath = await harness().run(
      [
        "sign",
        "--path",
        "/inventorytriggerjob/bffff",
        "--header",
        `Host: ${v.host}`,
        "-o",
        "json",
        "--check",
        v.authorization,
      ],
      { env },
    );
    expect(otherPath.code).toBe(4);
    expect(JSON.parse(otherPath.stdout).Check.Findings[0]).toContain("q-signature differs");
  });

  it("takes the Host from the bucket and region when no header or URL gives one, and warns about a live credential", async () => {
    const h = harness();
    const result = await h.run(["sign", "-o", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).HeaderList).toBe("host");
    expect(JSON.parse(result.stdout).HttpString).toContain("host=examplebucket-1250000000.ci.ap-beijing.myqcloud.com");
    expect(result.stderr).toContain("live credential");
    expect(h.fake.journal.entries()).toHaveLength(0);
  });

  it("rejects a malformed header with exit 2", async () => {
    expect((await harness().run(["sign", "--header", "no-colon"])).code).toBe(2);
  });

  it("takes the whole request from --url: the Host, the path and the parameters", async () => {
    const v = VECTORS[1];
    const env = { TENCENTCLOUD_SECRET_ID: v.secretId, TENCENTCLOUD_SECRET_KEY: v.secretKey };
    const result = await harness().run(
      ["sign", "--method", "put", "--url", `https://${v.host}${v.path}?cancel`, "--key-time", v.keyTime, "-o", "json"],
      { env: { ...env, CIBATCH_BUCKET: undefined, CIBATCH_REGION: undefined } },
    );
    expect(result.code).toBe(0);
    const data = JSON.parse(result.stdout);
    expect(data).toMatchObject({ Method: "PUT", HttpString: v.httpString, Authorization: v.authorization });
    expect(data.Url).toBe(`https://${v.host}${v.path}?cancel`);
  });

  it("signs a %-encoded path the same as the decoded one", async () => {
    const v = VECTORS[0];
    const env = { TENCENTCLOUD_SECRET_ID: v.secretId, TENCENTCLOUD_SECRET_KEY: v.secretKey };
    const encoded = v.path.replace("/b3de", "%2Fb3de").replace("ffea", "%66fea");
    expect(encoded).not.toBe(v.path);
    const result = await harness().run(
      ["sign", "--path", encoded, "--header", `Host: ${v.host}`, "--key-time", v.keyTime, "-o", "json"],
      { env },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ HttpString: v.httpString, Authorization: v.authorization });
  });

  it("refuses a bad --url, a --path without / or with broken %-encoding (exit 2), and a request without a Host (exit 3)", async () => {
    const h = harness();
    const badUrl = await h.run(["sign", "--url", "inventorytriggerjob/b1"]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain("--url inventorytriggerjob/b1: not an absolute URL");
    const relative = await h.run(["sign", "--path", "inventorytriggerjob"]);
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain("--path inventorytriggerjob: must start with /");
    const broken = await h.run(["sign", "--path", "/inventorytriggerjob/%E0%A4%A"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("--path /inventorytriggerjob/%E0%A4%A: malformed %-encoding");
    const noHost = await h.run(["sign"], { env: { CIBATCH_BUCKET: undefined } });
    expect(noHost.code).toBe(3);
    expect(noHost.stderr).toContain('no Host: pass --header "Host: <bucket>.ci.<region>.myqcloud.com"');
    expect(noHost.stdout).toBe("");
  });

  it("--check in text: one line saying it matches; no live-credential note for an expired KeyTime", async () => {
    const v = VECTORS[0];
    const env = { TENCENTCLOUD_SECRET_ID: v.secretId, TENCENTCLOUD_SECRET_KEY: v.secretKey };
    const result = await harness().run(
      ["sign", "--path", v.path, "--header", `Host: ${v.host}`, "--check", v.authorization, "-o", "text"],
      { env },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`KeyTime        ${v.keyTime}\n`);
    expect(result.stdout.endsWith("Check          the captured signature matches\n")).toBe(true);
    expect(result.stderr).toBe("");
  });

  it("--check names a different SecretId (exit 4) and an unusual q-sign-time (a note only, exit 0)", async () => {
    const v = VECTORS[0];
    const base = ["sign", "--path", v.path, "--header", `Host: ${v.host}`, "-o", "text"];
    const otherId = await harness().run([...base, "--check", v.authorization], {
      env: { TENCENTCLOUD_SECRET_ID: "AKIDother0000000000000000000000000000", TENCENTCLOUD_SECRET_KEY: v.secretKey },
    });
    expect(otherId.code).toBe(4);
    expect(otherId.stdout).toContain(
      "Check          q-ak differs: the captured request was signed with another SecretId\n",
    );
    expect(otherId.stdout).not.toContain("q-signature differs");
    const env = { TENCENTCLOUD_SECRET_ID: v.secretId, TENCENTCLOUD_SECRET_KEY: v.secretKey };
    const signTime = v.authorization.replace("q-sign-time=1497530202;1497610202", "q-sign-time=1497530202;1497530300");
    const unusual = await harness().run([...base, "--check", signTime], { env });
    expect(unusual.code).toBe(0);
    expect(unusual.stdout).toContain(
      "Check          q-sign-time (1497530202;1497530300) differs from q-key-time (1497530202;1497610202): unusual; the signature uses q-key-time\n",
    );
    expect(unusual.stdout).not.toContain("the captured signature matches");
  });
});
