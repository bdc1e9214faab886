import { describe, expect, it } from "vitest";
import {
  maskSecretId,
  REDACTED,
  redactAuthorization,
  redactCredentials,
  redactHeaders,
  redactText,
  redactUrl,
} from "./redact.js";
import { vectors } from "./vectors.fixture.js";

describe("redactAuthorization", () => {
  it.each(vectors)("keeps the algorithm, times and lists of $name, masks q-ak, drops the signature", (vector) => {
    const redacted = redactAuthorization(vector.expected.authorization);
    expect(redacted).not.toContain(vector.expected.signature);
    expect(redacted).not.toContain(vector.secretId);
    expect(redacted).toBe(
      `q-sign-algorithm=sha1&q-ak=****${vector.secretId.slice(-4)}&q-sign-time=${vector.keyTime}` +
        `&q-key-time=${vector.keyTime}&q-header-list=${vector.expected.headerList}` +
        `&q-url-param-list=${vector.expected.urlParamList}&q-signature=${REDACTED}`,
    );
  });

  it("redacts unknown fields, malformed parts and non-q-sign values entirely", () => {
    expect(redactAuthorization("q-sign-algorithm=sha1&q-extra=secret&junk&other=x")).toBe(
      `q-sign-algorithm=sha1&q-extra=${REDACTED}&${REDACTED}&?=${REDACTED}`,
    );
    expect(redactAuthorization("Bearer secret")).toBe(REDACTED);
    expect(redactAuthorization(undefined as unknown as string)).toBe(REDACTED);
  });
});

describe("maskSecretId", () => {
  it("keeps the last 4 characters of ids of 8 or more characters", () => {
    expect(maskSecretId("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q")).toBe("****9U5q");
    expect(maskSecretId("AKID1234")).toBe("****1234");
    expect(maskSecretId("short")).toBe("****");
  });
});

describe("redactUrl", () => {
  it("redacts signatures and tokens, masks q-ak, keeps the rest", () => {
    const url =
      "https://b.ci.r.myqcloud.com/x?size=10&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1%3B2" +
      "&q-signature=abcdef&x-cos-security-token=tok&X-CI-Security-Token=tok2#h";
    expect(redactUrl(url)).toBe(
      "https://b.ci.r.myqcloud.com/x?size=10&q-ak=****9U5q&q-sign-time=1%3B2" +
        `&q-signature=${REDACTED}&x-cos-security-token=${REDACTED}&X-CI-Security-Token=${REDACTED}#h`,
    );
    expect(redactUrl(new URL("https://h/x?q-signature=abc"))).toBe(`https://h/x?q-signature=${REDACTED}`);
  });
});

describe("redactCredentials", () => {
  it("redacts keys and tokens, masks ids, keeps other fields", () => {
    expect(
      redactCredentials({
        secretId: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q",
        secretKey: "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz",
        sessionToken: "tok",
        expiredTime: 1700000000,
      }),
    ).toEqual({ secretId: "****9U5q", secretKey: REDACTED, sessionToken: REDACTED, expiredTime: 1700000000 });
    expect(
      redactCredentials({
        TmpSecretId: "AKIDabcdefgh",
        TmpSecretKey: "k",
        Token: "t",
        secret_key: "k",
        signKey: "s",
        noToken: undefined,
      }),
    ).toEqual({
      TmpSecretId: "****efgh",
      TmpSecretKey: REDACTED,
      Token: REDACTED,
      secret_key: REDACTED,
      signKey: REDACTED,
      noToken: undefined,
    });
    expect(redactCredentials({ secretId: 42 })).toEqual({ secretId: REDACTED });
    expect(redactCredentials(null as unknown as object)).toEqual({});
  });
});

describe("redactHeaders", () => {
  const auth =
    "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=abc";
  const expected = {
    authorization: redactAuthorization(auth),
    host: "h",
    "x-ci-security-token": REDACTED,
    cookie: REDACTED,
  };

  it("redacts authorization, tokens and cookies in every header shape", () => {
    const record = { Authorization: auth, Host: "h", "x-ci-security-token": "t", Cookie: "c", skipped: undefined };
    expect(redactHeaders(record)).toEqual(expected);
    expect(
      redactHeaders(new Headers({ Authorization: auth, Host: "h", "x-ci-security-token": "t", Cookie: "c" })),
    ).toEqual(expected);
    expect(
      redactHeaders([
        ["Authorization", auth],
        ["Host", "h"],
        ["x-ci-security-token", "t"],
        ["Cookie", "c"],
      ]),
    ).toEqual(expected);
    expect(redactHeaders(null as unknown as Headers)).toEqual({});
  });
});

describe("redactText", () => {
  it.each([
    ["TENCENTCLOUD_SECRET_KEY=abc", "TENCENTCLOUD_SECRET_KEY=[REDACTED]"],
    ["export TENCENTCLOUD_SECRET_KEY=abc", "export TENCENTCLOUD_SECRET_KEY=[REDACTED]"],
    ["TENCENTCLOUD_SECRET_KEY='abc'", "TENCENTCLOUD_SECRET_KEY='[REDACTED]'"],
    ['TENCENTCLOUD_SECRET_KEY="abc"', 'TENCENTCLOUD_SECRET_KEY="[REDACTED]"'],
    ["TENCENTCLOUD_SECRET_KEY: abc", "TENCENTCLOUD_SECRET_KEY: [REDACTED]"],
    ["export TENCENTCLOUD_SESSION_TOKEN=tok", "export TENCENTCLOUD_SESSION_TOKEN=[REDACTED]"],
    ["TENCENTCLOUD_SECRET_ID=AKIDabcdefgh1234", "TENCENTCLOUD_SECRET_ID=****1234"],
    ['{"secretKey": "xyz"}', '{"secretKey": "[REDACTED]"}'],
    [
      "<TmpSecretKey>k</TmpSecretKey><TmpSecretId>AKIDabcdefgh1234</TmpSecretId>",
      "<TmpSecretKey>[REDACTED]</TmpSecretKey><TmpSecretId>****1234</TmpSecretId>",
    ],
    ["Authorization: Bearer abc.def", "Authorization: [REDACTED]"],
    ["secretKey=[REDACTED]", "secretKey=[REDACTED]"],
  ])("redacts %s", (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("keeps the non-secret fields of a q-sign Authorization", () => {
    const out = redactText(`authorization=q-sign-algorithm=sha1&q-ak=AKIDabcdefgh1234&q-signature=abcdef`);
    expect(out).toContain("q-sign-algorithm=sha1");
    expect(out).toContain("q-ak=****1234");
    expect(out).not.toContain("abcdef");
  });
});
