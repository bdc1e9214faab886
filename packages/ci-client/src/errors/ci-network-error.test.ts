import { describe, expect, it } from "vitest";
import { CiError } from "./ci-error.js";
import { CiNetworkError, isCiNetworkError } from "./ci-network-error.js";
import { CANARY_PRESIGNED_URL, RAW_SECRETS } from "./secrets.fixture.js";

describe("CiNetworkError", () => {
  it("keeps the network code, whether the request was sent, and the cause", () => {
    const root = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    const cause = new TypeError("fetch failed", { cause: root });
    const error = new CiNetworkError({ code: "ECONNREFUSED", sent: false, retryable: true, attempts: 3, cause });
    expect(error).toBeInstanceOf(CiError);
    expect(error.name).toBe("CiNetworkError");
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.sent).toBe(false);
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(3);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      "Network error ECONNREFUSED: fetch failed. The request was not sent. Check the endpoint, DNS, proxy and network connection.",
    );
  });

  it("says the request may have reached the server when sent", () => {
    const error = new CiNetworkError({
      code: "ECONNRESET",
      sent: true,
      retryable: true,
      attempts: 1,
      detail: "socket hang up",
    });
    expect(error.message).toContain("ECONNRESET: socket hang up. The request may have reached the server.");
    expect(Object.hasOwn(error, "cause")).toBe(false);
  });

  it("redacts the request and a detail that carries a signed URL", () => {
    const error = new CiNetworkError({
      code: "UND_ERR_SOCKET",
      sent: true,
      retryable: true,
      attempts: 1,
      request: { method: "GET", url: CANARY_PRESIGNED_URL },
      cause: new Error(`other side closed: ${CANARY_PRESIGNED_URL}`),
    });
    const printed = `${error.message}\n${JSON.stringify(error)}`;
    for (const secret of RAW_SECRETS) expect(printed).not.toContain(secret);
    expect(error.request?.url).toContain("q-ak=****9U5q");
  });

  it("prints a non-Error cause as text", () => {
    expect(
      new CiNetworkError({ code: "EPIPE", sent: true, retryable: true, attempts: 1, cause: "broken" }).message,
    ).toContain("EPIPE: broken.");
  });

  it("is recognised by its guard only", () => {
    expect(isCiNetworkError(new CiNetworkError({ code: "EPIPE", sent: true, retryable: true, attempts: 1 }))).toBe(
      true,
    );
    expect(isCiNetworkError(new CiError("x", { code: "EPIPE" }))).toBe(false);
  });
});
