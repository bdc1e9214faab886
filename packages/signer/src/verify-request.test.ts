import { describe, expect, it } from "vitest";
import { implementations } from "./implementations.fixture.js";
import type { VerifiableRequest, VerifyOptions } from "./types.js";

const HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
const ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
const KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
const URL_A = `https://${HOST}/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9`;
// Vector A, as published.
const AUTH_A =
  "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1497530202;1497610202&q-key-time=1497530202;1497610202&q-header-list=host&q-url-param-list=&q-signature=bf7b66e03031f4b88014504998ec649f5fd9073e";
const NOW = 1497530300_000;
const options: VerifyOptions = { getSecret: (id) => (id === ID ? KEY : undefined), now: NOW };

describe.each(implementations)("verifyRequest ($name)", ({ verifyRequest, signRequest }) => {
  const request = (headers: Record<string, string>, url = URL_A, method = "GET"): VerifiableRequest => ({
    method,
    url,
    headers,
  });

  it("accepts vector A with the host taken from the URL (fetch Request objects carry no Host header)", async () => {
    const result = await verifyRequest(new Request(URL_A, { headers: { Authorization: AUTH_A } }), options);
    expect(result).toMatchObject({ ok: true, secretId: ID, form: "header" });
    if (result.ok) {
      expect(result.token).toBeUndefined();
      expect(result.authorization.signTimeRange).toEqual({ start: 1497530202, end: 1497610202 });
      expect(result.parts.authorization).toBe(AUTH_A);
    }
  });

  it("awaits an async getSecret", async () => {
    const result = await verifyRequest(request({ authorization: AUTH_A }), { getSecret: async () => KEY, now: NOW });
    expect(result.ok).toBe(true);
  });

  it("uses the system clock when now is omitted (vector A expired long ago)", async () => {
    const result = await verifyRequest(request({ authorization: AUTH_A }), { getSecret: () => KEY });
    expect(result).toMatchObject({ ok: false, code: "SignatureExpired" });
  });

  it("MissingAuthorization without header or q-* params (an empty header counts as none)", async () => {
    for (const headers of [{}, { authorization: "" }]) {
      const result = await verifyRequest(request(headers), options);
      expect(result).toMatchObject({ ok: false, code: "MissingAuthorization" });
      if (!result.ok) expect(result.message).toMatch(/no Authorization header/);
    }
  });

  it.each([
    ["a missing field", AUTH_A.replace("&q-key-time=1497530202;1497610202", "")],
    ["another algorithm", AUTH_A.replace("q-sign-algorithm=sha1", "q-sign-algorithm=sha256")],
    ["a malformed time", AUTH_A.replace("q-sign-time=1497530202;", "q-sign-time=x;")],
    ["an empty q-ak", AUTH_A.replace(`q-ak=${ID}`, "q-ak=")],
    ["an empty signature", AUTH_A.replace(/q-signature=.*/, "q-signature=")],
    ["a field given twice", `${AUTH_A}&q-ak=${ID}`],
    ["a header list with an empty entry", AUTH_A.replace("q-header-list=host", "q-header-list=host;")],
    ["a header list naming a header twice", AUTH_A.replace("q-header-list=host", "q-header-list=host;host")],
    ["a bearer token", "Bearer abc"],
  ])("InvalidAuthorization for %s", async (_label, authorization) => {
    const result = await verifyRequest(request({ authorization }), options);
    expect(result).toMatchObject({ ok: false, code: "InvalidAuthorization", form: "header" });
  });

  it("SecretIdNotExist for an unknown q-ak, reporting the id", async () => {
    const result = await verifyRequest(request({ authorization: AUTH_A.replace(ID, "AKIDunknown") }), options);
    expect(result).toMatchObject({ ok: false, code: "SecretIdNotExist", secretId: "AKIDunknown" });
    const empty = await verifyRequest(request({ authorization: AUTH_A }), { getSecret: () => "", now: NOW });
    expect(empty).toMatchObject({ ok: false, code: "SecretIdNotExist" });
  });

  it("checks the window against now: end inclusive, start within maxSkewSeconds", async () => {
    const at = (seconds: number, maxSkewSeconds?: number) =>
      verifyRequest(request({ authorization: AUTH_A }), { ...options, now: seconds * 1000, maxSkewSeconds });
    expect(await at(1497610202)).toMatchObject({ ok: true });
    expect(await at(1497610203)).toMatchObject({ ok: false, code: "SignatureExpired" });
    expect(await at(1497530202 - 900)).toMatchObject({ ok: true });
    expect(await at(1497530202 - 901)).toMatchObject({ ok: false, code: "RequestTimeTooSkewed" });
    expect(await at(1497530201, 0)).toMatchObject({ ok: false, code: "RequestTimeTooSkewed" });
  });

  it("reports the token from either header name or query parameter", async () => {
    const ci = await verifyRequest(request({ authorization: AUTH_A, "x-ci-security-token": "t1" }), options);
    expect(ci).toMatchObject({ ok: true, token: { value: "t1", name: "x-ci-security-token", in: "header" } });
    const cos = await verifyRequest(request({ authorization: AUTH_A, "x-cos-security-token": "t2" }), options);
    expect(cos).toMatchObject({ ok: true, token: { value: "t2", name: "x-cos-security-token", in: "header" } });
    const query = await verifyRequest(request({ authorization: AUTH_A }, `${URL_A}?x-cos-security-token=t3`), options);
    expect(query).toMatchObject({ ok: true, token: { value: "t3", in: "query" } });
    const failed = await verifyRequest(
      request({ authorization: AUTH_A.replace(ID, "AKIDx"), "x-ci-security-token": "t1" }),
      options,
    );
    expect(failed).toMatchObject({ ok: false, token: { value: "t1" } });
  });

  it("InvalidAuthorization for two different tokens; the same token twice is fine", async () => {
    const two = await verifyRequest(
      request({ authorization: AUTH_A, "x-ci-security-token": "a", "x-cos-security-token": "b" }),
      options,
    );
    expect(two).toMatchObject({ ok: false, code: "InvalidAuthorization" });
    const same = await verifyRequest(
      request({ authorization: AUTH_A, "x-ci-security-token": "a", "x-cos-security-token": "a" }),
      options,
    );
    expect(same.ok).toBe(true);
  });

  it("SignatureDoesNotMatch for a listed param given twice", async () => {
    const signed = await signRequest({
      method: "GET",
      url: `${URL_A}?a=1`,
      credentials: { secretId: ID, secretKey: KEY },
      now: NOW,
    });
    const result = await verifyRequest(request(signed.headers, `${URL_A}?a=1&a=1`), options);
    expect(result).toMatchObject({
      ok: false,
      code: "SignatureDoesNotMatch",
      missingParams: ["a"],
      missingHeaders: [],
    });
    if (!result.ok) expect(result.message).toMatch(/query parameters a \(absent or repeated\)/);
  });

  it("SignatureDoesNotMatch (not an exception) for an undecodable URL", async () => {
    const result = await verifyRequest(request({ authorization: AUTH_A }, `https://${HOST}/%E8`), options);
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  it("reads a raw + in the query as a plus", async () => {
    const signed = await signRequest({
      method: "GET",
      url: `${URL_A}?t=%2B0800`,
      credentials: { secretId: ID, secretKey: KEY },
      now: NOW,
    });
    expect((await verifyRequest(request(signed.headers, `${URL_A}?t=+0800`), options)).ok).toBe(true);
  });

  it("InvalidAuthorization for a query form with a field missing or given twice", async () => {
    const missing = await verifyRequest(request({}, `${URL_A}?q-sign-algorithm=sha1&q-ak=${ID}`), options);
    expect(missing).toMatchObject({ ok: false, code: "InvalidAuthorization", form: "query" });
    const twice = await verifyRequest(request({}, `${URL_A}?q-ak=a&q-ak=b`), options);
    expect(twice).toMatchObject({ ok: false, code: "InvalidAuthorization", form: "query" });
    if (!twice.ok) expect(twice.message).toMatch(/q-ak twice/);
  });

  it("prefers the Authorization header over query parameters", async () => {
    const result = await verifyRequest(request({ authorization: AUTH_A }, URL_A), options);
    expect(result).toMatchObject({ ok: true, form: "header" });
  });

  it("throws SignerError for bad options and relative URLs", async () => {
    await expect(verifyRequest(request({}), {} as VerifyOptions)).rejects.toMatchObject({ code: "InvalidOption" });
    await expect(verifyRequest(null as unknown as VerifiableRequest, options)).rejects.toMatchObject({
      code: "InvalidOption",
    });
    await expect(verifyRequest(request({}), { ...options, maxSkewSeconds: -1 })).rejects.toMatchObject({
      code: "InvalidOption",
    });
    await expect(verifyRequest(request({}, "/relative"), options)).rejects.toMatchObject({ code: "InvalidUrl" });
  });
});
