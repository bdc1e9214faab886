import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { parseAuthorization } from "./authorization.js";
import { isSignerError, SignerError } from "./errors.js";
import { implementations } from "./implementations.fixture.js";
import type { SignRequestInput } from "./types.js";

const CANARY_KEY = "CANARYsecretKEY0123456789abcdefXYZ";
const CANARY_TOKEN = "CANARYsessionTOKEN9876543210zyxwvu";
const HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
const credentials = { secretId: "AKIDcanary0000000000", secretKey: CANARY_KEY, sessionToken: CANARY_TOKEN };
const ok: SignRequestInput = { method: "GET", url: `https://${HOST}/x`, credentials, now: 1_700_000_000_000 };

/** Inputs that each fail in a different way, all carrying the canary key and token. */
const BAD: ReadonlyArray<[string, SignRequestInput, string]> = [
  ["empty secretKey", { ...ok, credentials: { ...credentials, secretKey: "" } }, "InvalidCredentials"],
  [
    "missing secretId",
    { ...ok, credentials: { ...credentials, secretId: undefined as unknown as string } },
    "InvalidCredentials",
  ],
  ["empty secretId", { ...ok, credentials: { ...credentials, secretId: "" } }, "InvalidCredentials"],
  ["secretId with &", { ...ok, credentials: { ...credentials, secretId: "AKID&x" } }, "InvalidCredentials"],
  [
    "non-string token",
    { ...ok, credentials: { ...credentials, sessionToken: 5 as unknown as string } },
    "InvalidCredentials",
  ],
  ["no credentials", { ...ok, credentials: undefined as unknown as typeof credentials }, "InvalidCredentials"],
  ["KeyTime end before start", { ...ok, keyTime: "20;10" }, "InvalidKeyTime"],
  ["KeyTime not integer", { ...ok, keyTime: { start: 1.5, end: 3 } }, "InvalidKeyTime"],
  ["CR/LF in a header value", { ...ok, headers: { "x-cos-meta-a": `${CANARY_TOKEN}\r\nX: y` } }, "InvalidHeader"],
  [
    "CR/LF in the token",
    { ...ok, credentials: { ...credentials, sessionToken: `${CANARY_TOKEN}\n` } },
    "InvalidHeader",
  ],
  ["invalid header name", { ...ok, headers: { "bad name": CANARY_TOKEN } }, "InvalidHeader"],
  ["non-string header value", { ...ok, headers: { "x-a": {} as unknown as string } }, "InvalidHeader"],
  ["malformed header pair", { ...ok, headers: [["x-a"]] as unknown as [string, string][] }, "InvalidHeader"],
  ["relative URL", { ...ok, url: `/x?token=${CANARY_TOKEN}` }, "InvalidUrl"],
  ["URL not a string", { ...ok, url: 5 as unknown as string }, "InvalidUrl"],
  ["URL without host", { ...ok, url: `file:///${CANARY_TOKEN}` }, "InvalidUrl"],
  ["malformed path escape", { ...ok, url: `https://${HOST}/%E8%85` }, "InvalidUrl"],
  ["malformed query escape", { ...ok, url: `https://${HOST}/x?a=%zz${CANARY_TOKEN}` }, "InvalidQuery"],
  ["raw plus in the query", { ...ok, url: `https://${HOST}/x?t=+0800` }, "InvalidQuery"],
  [
    "two case variants of a header with different values",
    { ...ok, headers: { "X-Cos-A": CANARY_TOKEN, "x-cos-a": CANARY_KEY } },
    "DuplicateHeader",
  ],
  [
    "token header conflicting with the token",
    { ...ok, headers: { "x-ci-security-token": "other" } },
    "DuplicateHeader",
  ],
  ["a query key given twice", { ...ok, url: `https://${HOST}/x?a=1&a=2` }, "DuplicateParam"],
  ["keys equal after lower-casing", { ...ok, url: `https://${HOST}/x?a=1&A=2` }, "DuplicateParam"],
  ["headersToSign naming an absent header", { ...ok, headersToSign: ["x-cos-absent"] }, "MissingSignedHeader"],
  ["paramsToSign naming an absent param", { ...ok, paramsToSign: ["size"] }, "MissingSignedParam"],
  ["headersToSign not an array", { ...ok, headersToSign: "host" as unknown as string[] }, "InvalidOption"],
  ["tokenHeader unknown", { ...ok, tokenHeader: "x-token" as unknown as "x-ci-security-token" }, "InvalidOption"],
  ["expiresIn negative", { ...ok, expiresIn: -5 }, "InvalidOption"],
  ["empty method", { ...ok, method: "" }, "InvalidMethod"],
  ["method with a space", { ...ok, method: "GET X" }, "InvalidMethod"],
];

function expectNoCanary(error: unknown): void {
  const views = [
    (error as Error).message,
    String(error),
    JSON.stringify(error),
    inspect(error),
    inspect(error, { showHidden: true, depth: 10 }),
    (error as Error).stack ?? "",
  ];
  for (const view of views) {
    expect(view).not.toContain(CANARY_KEY);
    expect(view).not.toContain(CANARY_TOKEN);
  }
}

describe.each(implementations)("SignerError for bad input ($name)", ({ signRequest, presignUrl }) => {
  it.each(BAD)("%s", async (_label, input, code) => {
    const error = await signRequest(input).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SignerError);
    expect(error).toMatchObject({ name: "SignerError", code });
    expect((error as Error).message.length).toBeGreaterThan(20);
    expectNoCanary(error);
  });

  it("rejects a non-object input", async () => {
    await expect(signRequest(null as unknown as SignRequestInput)).rejects.toMatchObject({ code: "InvalidOption" });
    await expect(presignUrl(undefined as unknown as SignRequestInput)).rejects.toMatchObject({ code: "InvalidOption" });
  });
});

describe("SignerError", () => {
  it("keeps its cause and a literal name", () => {
    const cause = new Error("inner");
    const error = new SignerError("InvalidOption", "what to do", { cause });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("SignerError");
    expect(String(error)).toBe("SignerError: what to do");
  });

  it("is recognised by isSignerError across copies, and nothing else is", () => {
    const foreign = Object.assign(new Error("x"), { name: "SignerError", code: "InvalidUrl" });
    expect(isSignerError(new SignerError("InvalidUrl", "x"))).toBe(true);
    expect(isSignerError(foreign)).toBe(true);
    expect(isSignerError(new Error("x"))).toBe(false);
    expect(isSignerError({ name: "SignerError", code: "InvalidUrl" })).toBe(false);
  });

  it("never shows the Authorization value it failed to parse", () => {
    const value = `q-sign-algorithm=md5&q-ak=AK&q-signature=${CANARY_TOKEN}`;
    let caught: unknown;
    try {
      parseAuthorization(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "InvalidAuthorization" });
    expectNoCanary(caught);
  });
});
