import { inspect } from "node:util";
import { redactHeaders, redactText } from "@cibatch/signer";
import { describe, expect, it } from "vitest";
import { CiError } from "./ci-error.js";
import { redactCause, redactedExcerpt, redactUrl } from "./redact.js";
import {
  CANARY_AUTHORIZATION,
  CANARY_PRESIGNED_URL,
  CANARY_SECRET_ID,
  CANARY_SECRET_KEY,
  CANARY_SIGNATURE,
  CANARY_TOKEN,
  RAW_SECRETS,
} from "./secrets.fixture.js";

function expectNoSecrets(text: string): void {
  for (const secret of RAW_SECRETS) expect(text).not.toContain(secret);
}

describe("redactText", () => {
  it("redacts an Authorization header line: keeps times and lists, masks q-ak, drops q-signature", () => {
    const out = redactText(`Authorization: ${CANARY_AUTHORIZATION}`);
    expect(out).toBe(
      "Authorization: q-sign-algorithm=sha1&q-ak=****9U5q&q-sign-time=1557989151;1557996351" +
        "&q-key-time=1557989151;1557996351&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read" +
        "&q-url-param-list=&q-signature=[REDACTED]",
    );
  });

  it("redacts a presigned URL's signature and token, masks q-ak and keeps the rest", () => {
    const out = redactText(CANARY_PRESIGNED_URL);
    expectNoSecrets(out);
    expect(out).toContain(
      "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9?",
    );
    expect(out).toContain("q-ak=****9U5q");
    expect(out).toContain("q-sign-time=1557989151;1557996351");
    expect(out).toContain("q-signature=[REDACTED]");
    expect(out).toContain("x-ci-security-token=[REDACTED]");
  });

  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ["x-ci-security-token header", `x-ci-security-token: ${CANARY_TOKEN}`, "x-ci-security-token: [REDACTED]"],
    ["x-cos-security-token header", `X-Cos-Security-Token: ${CANARY_TOKEN}`, "X-Cos-Security-Token: [REDACTED]"],
    ["JSON secretKey", `{"secretKey":"${CANARY_SECRET_KEY}"}`, `{"secretKey":"[REDACTED]"}`],
    ["JSON sessionToken", `{"sessionToken": "${CANARY_TOKEN}"}`, `{"sessionToken": "[REDACTED]"}`],
    ["INI secret_key", `secret_key = ${CANARY_SECRET_KEY}`, "secret_key = [REDACTED]"],
    [
      "env TENCENTCLOUD_SESSION_TOKEN",
      `TENCENTCLOUD_SESSION_TOKEN=${CANARY_TOKEN}`,
      "TENCENTCLOUD_SESSION_TOKEN=[REDACTED]",
    ],
    ["env TENCENTCLOUD_SECRET_ID", `TENCENTCLOUD_SECRET_ID=${CANARY_SECRET_ID}`, "TENCENTCLOUD_SECRET_ID=****9U5q"],
    ["JSON secretId", `{"secretId":"${CANARY_SECRET_ID}"}`, `{"secretId":"****9U5q"}`],
    ["token query param", `?token=${CANARY_TOKEN}&size=10`, "?token=[REDACTED]&size=10"],
    [
      "XML TmpSecretKey",
      `<TmpSecretKey>${CANARY_SECRET_KEY}</TmpSecretKey>`,
      "<TmpSecretKey>[REDACTED]</TmpSecretKey>",
    ],
    [
      "XML SecurityToken",
      `<SecurityToken>${CANARY_TOKEN}</SecurityToken>`,
      "<SecurityToken>[REDACTED]</SecurityToken>",
    ],
    [
      "XML SignatureProvided",
      `<SignatureProvided>${CANARY_SIGNATURE}</SignatureProvided>`,
      "<SignatureProvided>[REDACTED]</SignatureProvided>",
    ],
    ["XML SecretId", `<SecretId>${CANARY_SECRET_ID}</SecretId>`, "<SecretId>****9U5q</SecretId>"],
    ["non-q Authorization scheme", "authorization: Bearer abcdef\nnext", "authorization: [REDACTED]\nnext"],
    [
      "JSON authorization",
      `{"authorization":"${CANARY_AUTHORIZATION}"}`,
      `{"authorization":"q-sign-algorithm=sha1&q-ak=****9U5q&q-sign-time=1557989151;1557996351&q-key-time=1557989151;1557996351&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read&q-url-param-list=&q-signature=[REDACTED]"}`,
    ],
  ];
  it.each(cases)("redacts %s", (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("leaves ordinary text alone, including NextToken and job fields", () => {
    const text =
      "<Response><NextToken>25</NextToken><JobId>b3deffea2f84911ec9cb15254008618d9</JobId></Response> nextToken=25";
    expect(redactText(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = redactText(`Authorization: ${CANARY_AUTHORIZATION} x-ci-security-token: ${CANARY_TOKEN}`);
    expect(redactText(once)).toBe(once);
  });
});

describe("redactUrl and redactHeaders", () => {
  it("redactUrl accepts URL objects", () => {
    const out = redactUrl(new URL(CANARY_PRESIGNED_URL));
    expectNoSecrets(out);
    expect(out).toContain("q-ak=****9U5q");
  });

  it("redactHeaders redacts Authorization and both token headers (through the signer)", () => {
    const out = redactHeaders(
      new Headers({
        Authorization: CANARY_AUTHORIZATION,
        "x-ci-security-token": CANARY_TOKEN,
        "x-cos-security-token": CANARY_TOKEN,
        Host: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com",
      }),
    );
    expectNoSecrets(JSON.stringify(out));
    expect(out["x-ci-security-token"]).toBe("[REDACTED]");
    expect(out["x-cos-security-token"]).toBe("[REDACTED]");
    expect(out.authorization).toContain("q-ak=****9U5q");
    expect(out.host).toBe("examplebucket-1250000000.ci.ap-beijing.myqcloud.com");
  });
});

describe("redactedExcerpt", () => {
  it("flattens whitespace and cuts to the limit with an ellipsis", () => {
    expect(redactedExcerpt("<html>\n  <body>502</body>\n</html>")).toBe("<html> <body>502</body> </html>");
    const long = "x".repeat(500);
    const out = redactedExcerpt(long, 200);
    expect(out).toHaveLength(200);
    expect(out.endsWith("…")).toBe(true);
  });

  it("redacts before cutting, so a secret that straddles the limit never leaks in part", () => {
    const body = `${"a".repeat(180)} q-signature=${CANARY_SIGNATURE}`;
    const out = redactedExcerpt(body, 200);
    expect(out).not.toContain(CANARY_SIGNATURE.slice(0, 6));
  });
});

describe("redactCause", () => {
  it("keeps a clean cause as the same object", () => {
    const clean = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(redactCause(clean)).toBe(clean);
    const wrapped = new TypeError("fetch failed", { cause: clean });
    expect(redactCause(wrapped)).toBe(wrapped);
    expect(redactCause(undefined)).toBeUndefined();
    const plain = { code: "X" };
    expect(redactCause(plain)).toBe(plain);
  });

  it("replaces a cause that would print a secret with a redacted copy, keeping name, code and chain", () => {
    const root = Object.assign(new Error(`request to ${CANARY_PRESIGNED_URL} failed`), { code: "ECONNRESET" });
    const top = new TypeError("fetch failed", { cause: root });
    const safe = redactCause(top) as TypeError & { cause: Error & { code: string } };
    expect(safe).not.toBe(top);
    expect(safe.name).toBe("TypeError");
    expect(safe.message).toBe("fetch failed");
    expect(safe.cause.code).toBe("ECONNRESET");
    expect(safe.cause.message).toContain("q-signature=[REDACTED]");
    expectNoSecrets(inspect(safe, { depth: 10 }));
  });

  it("redacts a string cause and keeps our own errors", () => {
    expect(redactCause(`x-ci-security-token: ${CANARY_TOKEN}`)).toBe("x-ci-security-token: [REDACTED]");
    const ours = new CiError("already redacted", { code: "X" });
    expect(redactCause(ours)).toBe(ours);
  });

  it("stops after 10 levels", () => {
    let error: Error = new Error(`q-signature=${CANARY_SIGNATURE}`);
    for (let i = 0; i < 12; i++) error = new Error(`level ${i}`, { cause: error });
    // Nothing within reach leaks, so the chain is kept as it is.
    expect(redactCause(error)).toBe(error);
  });
});
