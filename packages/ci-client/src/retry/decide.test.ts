import { describe, expect, it } from "vitest";
import { type AttemptOutcome, classifyOutcome } from "./classify.js";
import { decideRetry, type RetryDecision, type RetryDecisionInput, type RetryOperation } from "./decide.js";

function sysError(code: string): Error {
  return Object.assign(new Error(code), { code });
}
const thrown = (code: string): AttemptOutcome => ({
  kind: "thrown",
  error: new TypeError("fetch failed", { cause: sysError(code) }),
});
const response = (
  status: number,
  code?: string,
  extra: { message?: string; skewed?: boolean } = {},
): AttemptOutcome => ({
  kind: "error-response",
  status,
  code,
  message: extra.message,
  xmlBody: code !== undefined,
  skewed: extra.skewed,
});

function decide(
  operation: RetryOperation,
  outcome: AttemptOutcome,
  overrides: Partial<Omit<RetryDecisionInput, "classification" | "operation">> = {},
): RetryDecision {
  return decideRetry({
    operation,
    classification: classifyOutcome(outcome),
    attempts: 1,
    maxAttempts: 3,
    quotaAvailable: 500,
    skewRetried: false,
    credentialsRetried: false,
    earlierAmbiguous: false,
    now: 1_000_000,
    random: () => 0.5,
    ...overrides,
  });
}

type Action = RetryDecision["action"];

// reliability §1.1: one row per class, with the GET / cancel and create columns.
const classTable: ReadonlyArray<readonly [string, AttemptOutcome, read: Action, cancel: Action, create: Action]> = [
  ["throttling (429)", response(429), "retry", "retry", "retry"],
  ["throttling (SlowDown)", response(503, "SlowDown"), "retry", "retry", "retry"],
  [
    "transient: 503 ServiceUnavailable with an XML body",
    response(503, "ServiceUnavailable"),
    "retry",
    "retry",
    "retry",
  ],
  ["transient: 500 InternalError", response(500, "InternalError"), "retry", "retry", "reconcile"],
  ["transient: 502", response(502), "retry", "retry", "reconcile"],
  ["transient: 504", response(504), "retry", "retry", "reconcile"],
  ["transient: RequestTimeout", response(400, "RequestTimeout"), "retry", "retry", "reconcile"],
  ["network before connect (ECONNREFUSED)", thrown("ECONNREFUSED"), "retry", "retry", "retry"],
  ["network after connect (ECONNRESET)", thrown("ECONNRESET"), "retry", "retry", "reconcile"],
  [
    "clock skew, this attempt skewed",
    response(403, "RequestTimeTooSkewed", { skewed: true }),
    "retry",
    "retry",
    "retry",
  ],
  ["clock skew, this attempt not skewed", response(403, "RequestTimeTooSkewed"), "fail", "fail", "fail"],
  ["credentials expired", response(400, "ExpiredToken"), "retry", "retry", "retry"],
  ["malformed 2xx", { kind: "malformed-response", status: 200 }, "retry", "retry", "reconcile"],
  ["not retryable (InvalidArgument)", response(400, "InvalidArgument"), "fail", "fail", "fail"],
  ["not retryable (501)", response(501), "fail", "fail", "fail"],
  ["not retryable (413)", response(413), "fail", "fail", "fail"],
];

describe("decideRetry — reliability §1.1 by operation", () => {
  it.each(classTable)("%s: read %s, cancel %s, create %s", (_name, outcome, read, cancel, create) => {
    expect(decide("read", outcome).action).toBe(read);
    expect(decide("cancel", outcome).action).toBe(cancel);
    expect(decide("create", outcome).action).toBe(create);
  });
});

// reliability §2.1: "resend a create only when the server certainly did not act".
const createTable: ReadonlyArray<readonly [string, AttemptOutcome, Action]> = [
  ["connection refused (nothing sent)", thrown("ECONNREFUSED"), "retry"],
  ["DNS failure", thrown("ENOTFOUND"), "retry"],
  ["DNS temporary failure", thrown("EAI_AGAIN"), "retry"],
  ["connect timeout", thrown("UND_ERR_CONNECT_TIMEOUT"), "retry"],
  ["TLS failure", thrown("EPROTO"), "retry"],
  ["429", response(429), "retry"],
  ["SlowDown", response(503, "SlowDown"), "retry"],
  ["QueueSaturated", response(403, "QueueSaturated"), "retry"],
  ["503 ServiceUnavailable with an XML error body", response(503, "ServiceUnavailable"), "retry"],
  ["skew error, offset corrected", response(403, "RequestTimeTooSkewed", { skewed: true }), "retry"],
  ["400 ExpiredToken", response(400, "ExpiredToken"), "retry"],
  ["other 4xx with an XML error body", response(403, "AccessDenied"), "fail"],
  ["500", response(500, "InternalError"), "reconcile"],
  ["502", response(502), "reconcile"],
  ["504", response(504), "reconcile"],
  ["503 without an XML body", response(503), "reconcile"],
  ["per-attempt timeout after sending", thrown("ETIMEDOUT"), "reconcile"],
  ["ECONNRESET after sending", thrown("ECONNRESET"), "reconcile"],
  ["EPIPE after sending", thrown("EPIPE"), "reconcile"],
  ["truncated or invalid 2xx body", { kind: "malformed-response", status: 200 }, "reconcile"],
];

describe("decideRetry — create rules (reliability §2.1)", () => {
  it.each(createTable)("%s → %s", (_name, outcome, action) => {
    expect(decide("create", outcome).action).toBe(action);
  });

  it("reconciles even when the attempts are used up: reconciling is not a resend", () => {
    expect(decide("create", response(500, "InternalError"), { attempts: 3 }).action).toBe("reconcile");
  });
});

describe("decideRetry — delays", () => {
  it("uses full jitter over the transient base (100 ms × 2^(retry−1))", () => {
    expect(decide("read", response(503))).toMatchObject({ action: "retry", delayMs: 50, quotaCost: 5 });
    expect(decide("read", response(503), { attempts: 2 })).toMatchObject({ action: "retry", delayMs: 100 });
    expect(decide("read", response(503), { attempts: 2, maxAttempts: 10, random: () => 0.999 })).toMatchObject({
      delayMs: 199,
    });
    expect(decide("read", response(503), { random: () => 0 })).toMatchObject({ delayMs: 0 });
  });

  it("uses the throttling base (500 ms) for throttling", () => {
    expect(decide("read", response(429))).toMatchObject({ action: "retry", delayMs: 250 });
    expect(decide("read", response(429), { attempts: 3, maxAttempts: 5 })).toMatchObject({ delayMs: 1000 });
  });

  it("caps the backoff at 20 s before jitter", () => {
    expect(decide("read", response(429), { attempts: 20, maxAttempts: 50, random: () => 0.5 })).toMatchObject({
      delayMs: 10_000,
    });
  });

  it("retries clock skew and expired credentials at once, for free, refreshing credentials for the latter", () => {
    const skew = decide("read", response(403, "RequestTimeTooSkewed", { skewed: true }), { quotaAvailable: 0 });
    expect(skew).toEqual({
      action: "retry",
      retryClass: "clock-skew",
      delayMs: 0,
      quotaCost: 0,
      refreshCredentials: false,
      reason: "code RequestTimeTooSkewed",
    });
    const token = decide("create", response(400, "ExpiredToken"), { quotaAvailable: 0 });
    expect(token).toMatchObject({ action: "retry", delayMs: 0, quotaCost: 0, refreshCredentials: true });
  });
});

describe("decideRetry — Retry-After (reliability §1)", () => {
  it("clamps the server's value into [computed, computed + 5 s]", () => {
    expect(decide("read", response(429), { retryAfter: "3" })).toMatchObject({ action: "retry", delayMs: 3000 });
    expect(decide("read", response(429), { retryAfter: "0" })).toMatchObject({ action: "retry", delayMs: 250 });
    expect(decide("read", response(429), { retryAfter: "20" })).toMatchObject({ action: "retry", delayMs: 5250 });
  });

  it("ends retrying when the server asks for more than 20 s", () => {
    expect(decide("read", response(429), { retryAfter: "21" })).toMatchObject({
      action: "fail",
      failReason: "retry-after-too-long",
      retryable: true,
    });
  });

  it("reads an HTTP date in server time (now + skew offset)", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const retryAfter = new Date(now + 3_600_000 + 4_000).toUTCString(); // the server is an hour ahead
    expect(decide("read", response(503), { now, retryAfter, skewOffsetMs: 3_600_000 })).toMatchObject({
      delayMs: 4000,
    });
    // Read without the offset, the same date would be an hour away: retrying ends.
    expect(decide("read", response(503), { now, retryAfter })).toMatchObject({ failReason: "retry-after-too-long" });
  });

  it("ignores an unreadable Retry-After", () => {
    expect(decide("read", response(429), { retryAfter: "soon-ish" })).toMatchObject({ delayMs: 250 });
  });
});

describe("decideRetry — limits", () => {
  it("fails once maxAttempts attempts were made (the error stays retryable)", () => {
    expect(decide("read", response(503), { attempts: 3 })).toMatchObject({
      action: "fail",
      failReason: "attempts-exhausted",
      retryable: true,
    });
    expect(decide("read", response(503), { attempts: 1, maxAttempts: 1 })).toMatchObject({
      failReason: "attempts-exhausted",
    });
  });

  it("costs 5 tokens, 10 after a timeout, and fails when the quota cannot pay", () => {
    expect(decide("read", thrown("ECONNRESET"), { quotaAvailable: 5 })).toMatchObject({
      action: "retry",
      quotaCost: 5,
    });
    expect(decide("read", thrown("ECONNRESET"), { quotaAvailable: 4 })).toMatchObject({
      action: "fail",
      failReason: "quota-exhausted",
      retryable: true,
    });
    expect(decide("read", thrown("ETIMEDOUT"), { quotaAvailable: 10 })).toMatchObject({
      action: "retry",
      quotaCost: 10,
    });
    expect(decide("read", thrown("ETIMEDOUT"), { quotaAvailable: 9 })).toMatchObject({ failReason: "quota-exhausted" });
  });

  it("never sleeps past the deadline", () => {
    expect(decide("read", response(503), { now: 0, deadline: 50 })).toMatchObject({
      action: "fail",
      failReason: "deadline",
    });
    expect(decide("read", response(503), { now: 0, deadline: 51 })).toMatchObject({ action: "retry", delayMs: 50 });
    expect(
      decide("read", response(403, "RequestTimeTooSkewed", { skewed: true }), { now: 100, deadline: 100 }),
    ).toMatchObject({ failReason: "deadline" });
  });

  it("allows one clock-skew retry and one credentials retry per request", () => {
    expect(
      decide("read", response(403, "RequestTimeTooSkewed", { skewed: true }), { skewRetried: true }),
    ).toMatchObject({
      action: "fail",
      failReason: "skew-retry-used",
      retryable: false,
    });
    expect(decide("read", response(403, "RequestTimeTooSkewed"))).toMatchObject({ failReason: "skew-not-detected" });
    expect(decide("read", response(400, "ExpiredToken"), { credentialsRetried: true })).toMatchObject({
      failReason: "credentials-retry-used",
    });
  });

  it("reports non-retryable failures as such", () => {
    expect(decide("read", response(400, "InvalidArgument"))).toEqual({
      action: "fail",
      retryClass: "not-retryable",
      retryable: false,
      failReason: "not-retryable",
      reason: "code InvalidArgument",
    });
  });
});

describe("decideRetry — cancel after an ambiguous attempt (reliability §1.1 notes)", () => {
  it("verifies by describing when a retried cancel is refused with a 4xx", () => {
    expect(decide("cancel", response(400, "InvalidArgument"), { earlierAmbiguous: true, attempts: 2 }).action).toBe(
      "verify-cancel",
    );
  });

  it("fails without an earlier ambiguous attempt, for other operations, and for a non-4xx", () => {
    expect(decide("cancel", response(400, "InvalidArgument")).action).toBe("fail");
    expect(decide("read", response(400, "InvalidArgument"), { earlierAmbiguous: true }).action).toBe("fail");
    expect(decide("cancel", response(501), { earlierAmbiguous: true }).action).toBe("fail");
    expect(decide("cancel", thrown("CERT_HAS_EXPIRED"), { earlierAmbiguous: true }).action).toBe("fail");
  });
});
