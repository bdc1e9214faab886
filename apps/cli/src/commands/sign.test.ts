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
});
