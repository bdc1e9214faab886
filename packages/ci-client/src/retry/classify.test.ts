import { describe, expect, it } from "vitest";
import { CiNetworkError } from "../errors/ci-network-error.js";
import { CiResponseError } from "../errors/ci-response-error.js";
import { CiServiceError } from "../errors/ci-service-error.js";
import { CiTimeoutError } from "../errors/ci-timeout-error.js";
import { type AttemptOutcome, classifyOutcome, type RetryClass } from "./classify.js";

type Row = readonly [name: string, outcome: AttemptOutcome, retryClass: RetryClass, serverDidNotAct: boolean];

function response(
  status: number,
  code?: string,
  extra: { message?: string; skewed?: boolean; xmlBody?: boolean } = {},
): AttemptOutcome {
  return {
    kind: "error-response",
    status,
    code,
    message: extra.message,
    xmlBody: extra.xmlBody ?? code !== undefined,
    skewed: extra.skewed,
  };
}

/** A Node-style system error: an Error with a string `code`. */
function sysError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

/** What undici's fetch throws: `TypeError: fetch failed` with the system error as `cause`. */
function fetchFailed(cause: unknown): AttemptOutcome {
  return { kind: "thrown", error: new TypeError("fetch failed", { cause }) };
}

// reliability §1.1, one row per entry of the "Matches" column.
const responseRows: Row[] = [
  // throttling: HTTP 429 and the codes, whatever the status
  ["HTTP 429 without a body", response(429), "throttling", true],
  ...[
    "SlowDown",
    "QueueSaturated",
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "RequestThrottled",
    "BandwidthLimitExceeded",
  ].map((code): Row => [`code ${code} (403)`, response(403, code), "throttling", true]),
  ["code SlowDown on a 503", response(503, "SlowDown"), "throttling", true],
  // transient, coded
  ["503 ServiceUnavailable with an XML body (a refusal)", response(503, "ServiceUnavailable"), "transient-coded", true],
  ["503 without an XML body", response(503), "transient-coded", false],
  ["500 InternalError", response(500, "InternalError"), "transient-coded", false],
  ["500 without a body", response(500), "transient-coded", false],
  ["502 (HTML from a proxy)", response(502), "transient-coded", false],
  ["504", response(504), "transient-coded", false],
  ["code RequestTimeout (400)", response(400, "RequestTimeout"), "transient-coded", false],
  ["408", response(408), "transient-coded", false],
  ["503 with an unknown code falls back to the status", response(503, "ServiceBusy"), "transient-coded", false],
  // clock skew
  ["RequestTimeTooSkewed", response(403, "RequestTimeTooSkewed"), "clock-skew", true],
  ["SignatureExpired (CI, 401)", response(401, "SignatureExpired"), "clock-skew", true],
  [
    "AccessDenied 'Request has expired'",
    response(403, "AccessDenied", { message: "Request has expired" }),
    "clock-skew",
    true,
  ],
  [
    "SignatureDoesNotMatch when this attempt was skewed",
    response(403, "SignatureDoesNotMatch", { skewed: true }),
    "clock-skew",
    true,
  ],
  ["SignatureDoesNotMatch without skew", response(403, "SignatureDoesNotMatch"), "not-retryable", true],
  // credentials expired
  ["400 ExpiredToken", response(400, "ExpiredToken"), "credentials-expired", true],
  // not retryable
  ...[
    "InvalidArgument",
    "AccessDenied",
    "InvalidAccessKeyId",
    "SecretidNotExist",
    "InvalidContent",
    "MissingContentLength",
  ].map((code): Row => [`code ${code}`, response(400, code), "not-retryable", true]),
  ["code InvalidArgument on a 500 stays final", response(500, "InvalidArgument"), "not-retryable", true],
  ["413 (a body too large will not shrink)", response(413, "InvalidContent"), "not-retryable", true],
  ["413 without a body", response(413), "not-retryable", false],
  ["404 with an unknown code", response(404, "NoSuchThing"), "not-retryable", true],
  ["501 NotImplemented", response(501, "NotImplemented"), "not-retryable", true],
  ["501 without a body", response(501), "not-retryable", false],
  ["301 PermanentRedirect", response(301, "PermanentRedirect"), "not-retryable", true],
  ["307 without a body", response(307), "not-retryable", false],
  ["an empty code counts as none", response(502, ""), "transient-coded", false],
];

const thrownRows: Row[] = [
  // network before connect
  ...["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"].map(
    (code): Row => [`${code} under fetch failed`, fetchFailed(sysError(code)), "network-before-connect", true],
  ),
  ["TLS handshake failure (EPROTO)", fetchFailed(sysError("EPROTO")), "network-before-connect", true],
  ["TLS handshake timeout", fetchFailed(sysError("ERR_TLS_HANDSHAKE_TIMEOUT")), "network-before-connect", true],
  ["certificate expired (final)", fetchFailed(sysError("CERT_HAS_EXPIRED")), "not-retryable", true],
  [
    "connect timeout (ours)",
    { kind: "thrown", error: new CiTimeoutError({ timeout: "connect", ms: 5000, retryable: true, attempts: 1 }) },
    "network-before-connect",
    true,
  ],
  // network after connect
  ...["ECONNRESET", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET"].map(
    (code): Row => [`${code} under fetch failed`, fetchFailed(sysError(code)), "network-after-connect", false],
  ),
  [
    "per-attempt timeout (ours)",
    { kind: "thrown", error: new CiTimeoutError({ timeout: "attempt", ms: 30_000, retryable: true, attempts: 1 }) },
    "network-after-connect",
    false,
  ],
  ["body aborted (UND_ERR_ABORTED)", fetchFailed(sysError("UND_ERR_ABORTED")), "network-after-connect", false],
  [
    "truncated 2xx body (ours)",
    { kind: "thrown", error: new CiResponseError({ code: "TRUNCATED", status: 200, retryable: true, attempts: 1 }) },
    "network-after-connect",
    false,
  ],
  [
    "HTTP/2 REFUSED_STREAM",
    {
      kind: "thrown",
      error: sysError("ERR_HTTP2_STREAM_ERROR", "Stream closed with error code NGHTTP2_REFUSED_STREAM"),
    },
    "network-after-connect",
    false,
  ],
  [
    "HTTP/2 other stream error",
    {
      kind: "thrown",
      error: sysError("ERR_HTTP2_STREAM_ERROR", "Stream closed with error code NGHTTP2_INTERNAL_ERROR"),
    },
    "not-retryable",
    false,
  ],
  // malformed 2xx
  [
    "2xx that is not XML (ours)",
    { kind: "thrown", error: new CiResponseError({ code: "NOT_XML", status: 200, retryable: true, attempts: 1 }) },
    "malformed-2xx",
    false,
  ],
  [
    "2xx too large (ours)",
    { kind: "thrown", error: new CiResponseError({ code: "TOO_LARGE", status: 200, retryable: true, attempts: 1 }) },
    "malformed-2xx",
    false,
  ],
  ["malformed-response outcome", { kind: "malformed-response", status: 200 }, "malformed-2xx", false],
  [
    "a 5xx with an unreadable body (ours) goes by status",
    { kind: "thrown", error: new CiResponseError({ code: "NOT_XML", status: 502, retryable: true, attempts: 1 }) },
    "transient-coded",
    false,
  ],
  // our service error thrown
  [
    "thrown CiServiceError SlowDown",
    { kind: "thrown", error: new CiServiceError({ code: "SlowDown", status: 503, retryable: true, attempts: 1 }) },
    "throttling",
    true,
  ],
  [
    "thrown CiServiceError HTTP_503 (no body)",
    { kind: "thrown", error: new CiServiceError({ code: "HTTP_503", status: 503, retryable: true, attempts: 1 }) },
    "transient-coded",
    false,
  ],
  // our network error with an unknown code
  [
    "CiNetworkError unknown code, not sent",
    { kind: "thrown", error: new CiNetworkError({ code: "EWEIRD", sent: false, retryable: true, attempts: 1 }) },
    "network-before-connect",
    true,
  ],
  [
    "CiNetworkError unknown code, sent",
    { kind: "thrown", error: new CiNetworkError({ code: "EWEIRD", sent: true, retryable: true, attempts: 1 }) },
    "network-after-connect",
    false,
  ],
  [
    "CiNetworkError known code wins over sent",
    { kind: "thrown", error: new CiNetworkError({ code: "ECONNREFUSED", sent: true, retryable: true, attempts: 1 }) },
    "network-before-connect",
    true,
  ],
  // final
  [
    "total deadline (ours)",
    { kind: "thrown", error: new CiTimeoutError({ timeout: "total", ms: 120_000, retryable: false, attempts: 2 }) },
    "not-retryable",
    false,
  ],
  [
    "caller abort",
    { kind: "thrown", error: new DOMException("This operation was aborted", "AbortError") },
    "not-retryable",
    false,
  ],
  ["an error with no known code", { kind: "thrown", error: new TypeError("fetch failed") }, "not-retryable", false],
  ["a thrown non-object", { kind: "thrown", error: "boom" }, "not-retryable", false],
];

describe("classifyOutcome — responses (reliability §1.1: code first, then status)", () => {
  it.each(responseRows)("%s", (_name, outcome, retryClass, serverDidNotAct) => {
    const verdict = classifyOutcome(outcome);
    expect(verdict.retryClass).toBe(retryClass);
    expect(verdict.serverDidNotAct).toBe(serverDidNotAct);
    if (outcome.kind === "error-response") expect(verdict.status).toBe(outcome.status);
  });
});

describe("classifyOutcome — thrown errors (codes searched through cause chains)", () => {
  it.each(thrownRows)("%s", (_name, outcome, retryClass, serverDidNotAct) => {
    const verdict = classifyOutcome(outcome);
    expect(verdict.retryClass).toBe(retryClass);
    expect(verdict.serverDidNotAct).toBe(serverDidNotAct);
  });

  function nest(levels: number, code: string): unknown {
    let error: unknown = sysError(code);
    for (let i = 0; i < levels; i++) error = new Error(`wrapper ${i}`, { cause: error });
    return error;
  }

  it("finds a code 10 levels down, but not 11", () => {
    expect(classifyOutcome({ kind: "thrown", error: nest(10, "ECONNRESET") }).retryClass).toBe("network-after-connect");
    expect(classifyOutcome({ kind: "thrown", error: nest(11, "ECONNRESET") }).retryClass).toBe("not-retryable");
  });

  it("looks into AggregateError.errors (happy-eyeballs connection attempts)", () => {
    const error = new TypeError("fetch failed", {
      cause: new AggregateError([sysError("ECONNREFUSED"), sysError("ENETUNREACH")], "all attempts failed"),
    });
    expect(classifyOutcome({ kind: "thrown", error }).retryClass).toBe("network-before-connect");
  });

  it("survives cyclic cause chains", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(classifyOutcome({ kind: "thrown", error: a }).retryClass).toBe("not-retryable");
  });

  it("marks timeouts, for the quota price", () => {
    expect(classifyOutcome(fetchFailed(sysError("ETIMEDOUT"))).timeout).toBe(true);
    expect(classifyOutcome(fetchFailed(sysError("UND_ERR_CONNECT_TIMEOUT"))).timeout).toBe(true);
    expect(
      classifyOutcome({
        kind: "thrown",
        error: new CiTimeoutError({ timeout: "attempt", ms: 1, retryable: true, attempts: 1 }),
      }).timeout,
    ).toBe(true);
    expect(classifyOutcome(fetchFailed(sysError("ECONNRESET"))).timeout).toBe(false);
    expect(classifyOutcome(response(503)).timeout).toBe(false);
  });

  it("carries the skew flag and a reason", () => {
    const verdict = classifyOutcome(response(403, "RequestTimeTooSkewed", { skewed: true }));
    expect(verdict.skewed).toBe(true);
    expect(verdict.reason).toBe("code RequestTimeTooSkewed");
    expect(classifyOutcome(fetchFailed(sysError("ECONNRESET"))).reason).toBe("network ECONNRESET");
  });
});
