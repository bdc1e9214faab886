import { describe, expect, it } from "vitest";
import { accountMayAccess, checkAccount, createAccountRegistry, parseAccountFlag } from "./accounts.js";
import { appIdOf, resolveVirtualHost } from "./virtual-host.js";

const defaults = { bucket: "examplebucket-1250000000", region: "ap-beijing" };

describe("virtual hosts", () => {
  it.each([
    ["examplebucket-1250000000.ci.ap-chengdu.myqcloud.com", "examplebucket-1250000000", "ap-chengdu", true],
    ["EXAMPLEBUCKET-1250000000.ci.ap-chengdu.myqcloud.com:443", "examplebucket-1250000000", "ap-chengdu", true],
    ["b-1.ci.ap-beijing.tencentci.cn", "b-1", "ap-beijing", true],
    ["127.0.0.1:39013", "examplebucket-1250000000", "ap-beijing", false],
    ["[::1]:8080", "examplebucket-1250000000", "ap-beijing", false],
    ["fake-ci", "examplebucket-1250000000", "ap-beijing", false],
  ])("%s → %s in %s", (host, bucket, region, virtual) => {
    expect(resolveVirtualHost(host, defaults)).toEqual({ ok: true, bucket, region, virtual });
  });

  it("refuses COS data hosts", () => {
    const r = resolveVirtualHost("examplebucket-1250000000.cos.ap-beijing.myqcloud.com", defaults);
    expect(r.ok).toBe(false);
    expect(resolveVirtualHost(undefined, defaults)).toMatchObject({ ok: true, virtual: false });
  });

  it("reads the APPID", () => {
    expect(appIdOf("a-b-1250000000")).toBe("1250000000");
    expect(appIdOf("nobucket")).toBeUndefined();
  });
});

describe("accounts", () => {
  it("parses --account with an optional token (which may contain colons)", () => {
    expect(parseAccountFlag("b-125:AKID:key")).toEqual({ bucket: "b-125", secretId: "AKID", secretKey: "key" });
    expect(parseAccountFlag("b-125:AKID:key:tok:en").token).toBe("tok:en");
    expect(() => parseAccountFlag("b-125:AKID")).toThrow(/bucket-appid:secretId:secretKey/);
    expect(() => parseAccountFlag("nobucket:AKID:key")).toThrow(/BucketName/);
  });

  it("binds keys to their APPID", () => {
    const account = checkAccount({ bucket: "a-125", secretId: "AKID", secretKey: "k" });
    expect(accountMayAccess(account, "other-125")).toBe(true);
    expect(accountMayAccess(account, "other-126")).toBe(false);
    expect(accountMayAccess({ secretId: "x", secretKey: "y" }, "any-1")).toBe(true);
  });

  it("validates and lists without secrets", () => {
    const registry = createAccountRegistry(
      [{ secretId: "AKIDa", secretKey: "sek", token: "tok", expiresAt: new Date(5) }],
      () => undefined,
    );
    expect(registry.list()).toEqual([{ secretId: "AKIDa", bucket: undefined, temporary: true, expiresAt: 5 }]);
    expect(JSON.stringify(registry.list())).not.toMatch(/sek|tok"/);
    expect(() => registry.add({ secretId: "", secretKey: "k" })).toThrow(/non-empty/);
    expect(() => registry.add({ secretId: "a", secretKey: "k", token: 5 as never })).toThrow(/token/);
    expect(() => registry.add({ secretId: "a", secretKey: "k", expiresAt: new Date(Number.NaN) })).toThrow(/expiresAt/);
    expect(() => checkAccount(null as never)).toThrow(/object/);
    expect(registry.remove("AKIDa")).toBe(true);
    expect(registry.remove("AKIDa")).toBe(false);
  });
});
