import { describe, expect, it } from "vitest";
import { implementations } from "./implementations.fixture.js";
import type { SignRequestInput } from "./types.js";

const HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
const ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
const KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
const base: SignRequestInput = {
  method: "GET",
  url: `https://${HOST}/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9`,
  credentials: { secretId: ID, secretKey: KEY },
  keyTime: "1497530202;1497610202",
};

describe.each(implementations)("signRequest ($name)", ({ signRequest, presignUrl }) => {
  it("signs host from the URL when no Host header is given (vector A)", async () => {
    const { parts } = await signRequest(base);
    expect(parts.signature).toBe("bf7b66e03031f4b88014504998ec649f5fd9073e");
  });

  it("accepts headers as a Headers object, a record or [name, value] pairs, alike", async () => {
    const headers = { "Content-Type": "application/xml", "X-Cos-Meta-A": " 1 ", "User-Agent": "ua", Date: "d" };
    const fromRecord = await signRequest({ ...base, headers });
    const fromHeaders = await signRequest({ ...base, headers: new Headers(headers) });
    const fromPairs = await signRequest({ ...base, headers: Object.entries(headers) });
    expect(fromRecord.parts.headerList).toBe("content-type;host;x-cos-meta-a");
    expect(fromRecord.parts.httpString).toContain("x-cos-meta-a=1\n");
    expect(fromHeaders.parts).toEqual(fromRecord.parts);
    expect(fromPairs.parts).toEqual(fromRecord.parts);
  });

  it("ignores undefined and null header values and accepts numbers", async () => {
    const { parts } = await signRequest({
      ...base,
      headers: { "content-length": 0, range: undefined, "x-ci-a": null },
    });
    expect(parts.headerList).toBe("content-length;host");
  });

  it("does not care about header order or name case", async () => {
    const a = await signRequest({ ...base, headers: { "x-cos-b": "2", "X-COS-A": "1" } });
    const b = await signRequest({ ...base, headers: { "x-cos-a": "1", "x-cos-b": "2" } });
    expect(a.authorization).toBe(b.authorization);
  });

  it("accepts two case variants of a header with the same value", async () => {
    const { parts } = await signRequest({
      ...base,
      headers: [
        ["x-cos-a", "1"],
        ["X-Cos-A", "1"],
      ],
    });
    expect(parts.headerList).toBe("host;x-cos-a");
  });

  it("prefers a Host header over the URL's host", async () => {
    const { parts } = await signRequest({ ...base, url: "http://127.0.0.1:8080/x", headers: { Host: HOST } });
    expect(parts.httpString).toBe(`get\n/x\n\nhost=${HOST}\n`);
  });

  it("signs the URL's host with its port", async () => {
    const { parts } = await signRequest({ ...base, url: "http://127.0.0.1:39013/inventorytriggerjob" });
    expect(parts.httpString).toBe("get\n/inventorytriggerjob\n\nhost=127.0.0.1%3A39013\n");
  });

  it("signs exactly headersToSign (case-insensitive), host from the URL if listed", async () => {
    const headers = { Date: "Thu", "x-cos-a": "1" };
    const only = await signRequest({ ...base, headers, headersToSign: ["DATE", "Host", "date"] });
    expect(only.parts.headerList).toBe("date;host");
    const none = await signRequest({ ...base, headers, headersToSign: [] });
    expect(none.parts.headerList).toBe("");
    expect(none.parts.httpString).toBe("get\n/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9\n\n\n");
  });

  it("signs all query parameters by default, a value-less one as key=", async () => {
    const { parts } = await signRequest({ ...base, url: `https://${HOST}/inventorytriggerjob/x?cancel&a=&B=1` });
    expect(parts.urlParamList).toBe("a;b;cancel");
    expect(parts.httpString.split("\n")[2]).toBe("a=&b=1&cancel=");
  });

  it("signs exactly paramsToSign (case-insensitive)", async () => {
    const url = `https://${HOST}/inventorytriggerjob?size=10&States=All&nextToken=`;
    const { parts } = await signRequest({ ...base, url, paramsToSign: ["states", "SIZE"] });
    expect(parts.urlParamList).toBe("size;states");
  });

  it("ignores empty query segments", async () => {
    const { parts } = await signRequest({ ...base, url: `https://${HOST}/x?&a=1&&` });
    expect(parts.urlParamList).toBe("a");
  });

  it("signs the decoded path", async () => {
    const { parts } = await signRequest({
      ...base,
      url: `https://${HOST}/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)%2Fa`,
    });
    expect(parts.httpString.split("\n")[1]).toBe("/exampleobject(腾讯云)/a");
  });

  it("accepts a URL object", async () => {
    const a = await signRequest({ ...base, url: new URL(base.url) });
    expect(a.parts.signature).toBe("bf7b66e03031f4b88014504998ec649f5fd9073e");
  });

  it("derives the window from now (−60 s … +900 s) when no keyTime is given", async () => {
    const { keyTime: _drop, ...rest } = base;
    const { parts } = await signRequest({ ...rest, now: 1_700_000_000_500 });
    expect(parts.keyTime).toBe("1699999940;1700000900");
    expect(parts.signTime).toBe(parts.keyTime);
    expect(parts.authorization).toContain("q-sign-time=1699999940;1700000900&q-key-time=1699999940;1700000900&");
  });

  it("puts the session token in x-ci-security-token on ci hosts, unsigned", async () => {
    const signed = await signRequest({
      ...base,
      credentials: { secretId: ID, secretKey: KEY, sessionToken: "tok+en/1=" },
    });
    expect(signed.headers).toEqual({ authorization: signed.authorization, "x-ci-security-token": "tok+en/1=" });
    expect(signed.parts.headerList).toBe("host");
  });

  it("puts the session token in x-cos-security-token elsewhere, and honours tokenHeader", async () => {
    const credentials = { secretId: ID, secretKey: KEY, sessionToken: "t" };
    const local = await signRequest({ ...base, url: "http://127.0.0.1:1/x", credentials });
    expect(Object.keys(local.headers)).toEqual(["authorization", "x-cos-security-token"]);
    const forced = await signRequest({
      ...base,
      url: "http://127.0.0.1:1/x",
      credentials,
      tokenHeader: "x-ci-security-token",
    });
    expect(Object.keys(forced.headers)).toEqual(["authorization", "x-ci-security-token"]);
  });

  it("signs the token when asked (vector F)", async () => {
    const signed = await signRequest({
      ...base,
      credentials: { secretId: ID, secretKey: KEY, sessionToken: "tok+en/1=" },
      headersToSign: ["host", "x-ci-security-token"],
    });
    expect(signed.parts.signature).toBe("1f73f3584201b989370046b74f98cf8041b3637e");
  });

  it("treats an empty session token as none", async () => {
    const signed = await signRequest({ ...base, credentials: { secretId: ID, secretKey: KEY, sessionToken: "" } });
    expect(Object.keys(signed.headers)).toEqual(["authorization"]);
  });

  it("accepts a token header already present with the same value", async () => {
    const signed = await signRequest({
      ...base,
      headers: { "x-ci-security-token": "t" },
      credentials: { secretId: ID, secretKey: KEY, sessionToken: "t" },
    });
    expect(signed.headers["x-ci-security-token"]).toBe("t");
  });

  describe("presignUrl", () => {
    it("appends the q-* parameters, URL-encoded, and the token", async () => {
      const presigned = await presignUrl({
        ...base,
        url: `https://${HOST}/inventorytriggerjob?size=10#frag`,
        credentials: { secretId: ID, secretKey: KEY, sessionToken: "a b+c" },
        headers: { Range: "bytes=0-3" },
      });
      const url = new URL(presigned.url);
      expect(url.hash).toBe("");
      expect(presigned.url).toContain("?size=10&q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q");
      expect(presigned.url).toContain("&q-sign-time=1497530202%3B1497610202&q-key-time=1497530202%3B1497610202");
      expect(presigned.url).toContain("&q-header-list=host%3Brange&q-url-param-list=size&");
      expect(presigned.url.endsWith("&x-ci-security-token=a%20b%2Bc")).toBe(true);
      expect(url.searchParams.get("q-signature")).toBe(presigned.parts.signature);
      expect(presigned.expiresAt).toBe(1497610202);
    });

    it("starts the query when the URL has none (or only a bare ?)", async () => {
      const a = await presignUrl({ ...base, url: `https://${HOST}/x` });
      const b = await presignUrl({ ...base, url: `https://${HOST}/x?` });
      expect(a.url.startsWith(`https://${HOST}/x?q-sign-algorithm=sha1&`)).toBe(true);
      expect(b.url).toBe(a.url);
    });

    it("refuses a URL that already carries a signature", async () => {
      await expect(presignUrl({ ...base, url: `https://${HOST}/x?q-signature=abc` })).rejects.toMatchObject({
        code: "InvalidQuery",
      });
    });
  });
});
