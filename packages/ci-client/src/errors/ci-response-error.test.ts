import { describe, expect, it } from "vitest";
import { CiError } from "./ci-error.js";
import { CiResponseError, isCiResponseError } from "./ci-response-error.js";
import { CANARY_TOKEN } from "./secrets.fixture.js";

describe("CiResponseError", () => {
  it("keeps status, request id, content type and a redacted excerpt of about 200 characters", () => {
    const body = `<html>\n<body>502 Bad Gateway x-ci-security-token: ${CANARY_TOKEN} ${"z".repeat(400)}</body></html>`;
    const cause = new Error("root check");
    const error = new CiResponseError({
      code: "NOT_XML",
      status: 200,
      requestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
      contentType: "text/html",
      body,
      retryable: true,
      attempts: 1,
      cause,
    });
    expect(error).toBeInstanceOf(CiError);
    expect(error.name).toBe("CiResponseError");
    expect(error.code).toBe("NOT_XML");
    expect(error.status).toBe(200);
    expect(error.requestId).toBe("NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==");
    expect(error.contentType).toBe("text/html");
    expect(error.cause).toBe(cause);
    expect(error.excerpt.length).toBe(200);
    expect(error.excerpt.startsWith("<html> <body>502 Bad Gateway x-ci-security-token: [REDACTED]")).toBe(true);
    expect(error.message).not.toContain(CANARY_TOKEN);
    expect(error.message).toContain("HTTP 200 with a body that is not XML");
    expect(error.message).toContain("Content-Type text/html");
  });

  const codes = [
    ["EMPTY_BODY", /empty body/],
    ["NOT_XML", /not XML/],
    ["MALFORMED_XML", /malformed XML/],
    ["TRUNCATED", /truncated/],
    ["TOO_LARGE", /size cap/],
    ["UNEXPECTED_CONTENT", /unexpected shape/],
  ] as const;
  it.each(codes)("%s has its own message", (code, pattern) => {
    const error = new CiResponseError({ code, status: 200, retryable: true, attempts: 1 });
    expect(error.message).toMatch(pattern);
    expect(error.excerpt).toBe("");
  });

  it("reports the cap of a too-large body and a detail", () => {
    const error = new CiResponseError({
      code: "TOO_LARGE",
      status: 200,
      limitBytes: 1_048_576,
      detail: "stopped reading at 1048577 bytes",
      retryable: true,
      attempts: 1,
    });
    expect(error.limitBytes).toBe(1_048_576);
    expect(error.message).toContain("(stopped reading at 1048577 bytes)");
    expect(error.message).toContain("cap 1048576 bytes");
    expect(Object.hasOwn(error, "requestId")).toBe(false);
  });

  it("is recognised by its guard only", () => {
    expect(
      isCiResponseError(new CiResponseError({ code: "EMPTY_BODY", status: 200, retryable: true, attempts: 1 })),
    ).toBe(true);
    expect(isCiResponseError(new CiError("x", { code: "EMPTY_BODY" }))).toBe(false);
  });
});
