import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backoff,
  type Decision,
  type DecisionInput,
  decide as decideRetry,
  type Outcome,
  parseRetryAfter,
  type RetryOperation,
  RetryQuota,
  RetryState,
} from "./retry-policy.js";

const thrown = (code: string | undefined, sent = true): Outcome => ({ kind: "network", code, sent });
const response = (
  status: number,
  code?: string,
  extra: { message?: string; skewed?: boolean; retryAfter?: string } = {},
): Outcome => ({
  kind: "status",
  status,
  code,
  message: extra.message,
  xmlBody: code !== undefined,
  skewed: extra.skewed ?? false,
  retryAfter: extra.retryAfter,
});

function decide(
  operation: RetryOperation,
  outcome: Outcome,
  overrides: Partial<Omit<DecisionInput, "operation">> & { retryAfter?: string } = {},
): Decision {
  const { retryAfter, ...rest } = overrides;
  const withAfter = retryAfter !== undefined && outcome.kind === "status" ? { ...outcome, retryAfter } : outcome;
  return decideRetry(withAfter, {
    operation,
    attempts: 1,
    maxAttempts: 3,
    quotaAvailable: 500,
    skewRetried: false,
    credentialsRetried: false,
    earlierAmbiguous: false,
    now: 1_000_000,
    skewOffsetMs: 0,
    deadline: undefined,
    random: () => 0.5,
    ...rest,
  });
}

type Action = Decision["action"];

const classTable: ReadonlyArray<readonly [string, Outcome, read: Action, cancel: Action, create: Action]> = [
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
  ["unreadable 2xx (complete)", { kind: "decode" }, "fail", "fail", "reconcile"],
  ["2xx body cut short", { kind: "truncated" }, "retry", "retry", "reconcile"],
  ["per-attempt timeout", { kind: "attempt-timeout" }, "retry", "retry", "reconcile"],
  ["code-less error after sending (browser TypeError)", thrown(undefined), "retry", "retry", "reconcile"],
  ["code-less error before sending", thrown(undefined, false), "retry", "retry", "retry"],
  ["not retryable (InvalidArgument)", response(400, "InvalidArgument"), "fail", "fail", "fail"],
  ["not retryable (501)", response(501), "fail", "fail", "fail"],
  ["not retryable (413)", response(413), "fail", "fail", "fail"],
];

describe("decide — by operation", () => {
  it.each(classTable)("%s: read %s, cancel %s, create %s", (_name, outcome, read, cancel, create) => {
    expect(decide("read", outcome).action).toBe(read);
    expect(decide("cancel", outcome).action).toBe(cancel);
    expect(decide("create", outcome).action).toBe(create);
  });
});

const createTable: ReadonlyArray<readonly [string, Outcome, Action]> = [
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
  ["truncated 2xx body", { kind: "truncated" }, "reconcile"],
  ["complete but unreadable 2xx body", { kind: "decode" }, "reconcile"],
];

describe("decide — create rules", () => {
  it.each(createTable)("%s → %s", (_name, outcome, action) => {
    expect(decide("create", outcome).action).toBe(action);
  });

  it("reconciles even when the attempts are used up: reconciling is not a resend", () => {
    expect(decide("create", response(500, "InternalError"), { attempts: 3 }).action).toBe("reconcile");
  });
});

describe("decide — delays", () => {
  it("uses full jitter over the transient base (100 ms × 2^(retry−1))", () => {
    expect(decide("read", response(503))).toMatchObject({ action: "retry", delayMs: 50, cost: 5 });
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
      delayMs: 0,
      cost: 0,
      refreshCredentials: false,
      reason: "code RequestTimeTooSkewed",
    });
    const token = decide("create", response(400, "ExpiredToken"), { quotaAvailable: 0 });
    expect(token).toMatchObject({ action: "retry", delayMs: 0, cost: 0, refreshCredentials: true });
  });
});

describe("decide — Retry-After", () => {
  it("clamps the server's value into [computed, computed + 5 s]", () => {
    expect(decide("read", response(429), { retryAfter: "3" })).toMatchObject({ action: "retry", delayMs: 3000 });
    expect(decide("read", response(429), { retryAfter: "0" })).toMatchObject({ action: "retry", delayMs: 250 });
    expect(decide("read", response(429), { retryAfter: "20" })).toMatchObject({ action: "retry", delayMs: 5250 });
  });

  it("ends retrying when the server asks for more than 20 s", () => {
    expect(decide("read", response(429), { retryAfter: "21" })).toMatchObject({
      action: "fail",
      reason: expect.stringContaining("more than 20 s"),
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
    expect(decide("read", response(503), { now, retryAfter })).toMatchObject({
      reason: expect.stringContaining("more than 20 s"),
    });
  });

  it("ignores an unreadable Retry-After", () => {
    expect(decide("read", response(429), { retryAfter: "soon-ish" })).toMatchObject({ delayMs: 250 });
  });
});

describe("decide — limits", () => {
  it("fails once maxAttempts attempts were made (the error stays retryable)", () => {
    expect(decide("read", response(503), { attempts: 3 })).toMatchObject({
      action: "fail",
      reason: expect.stringContaining("attempts made"),
      retryable: true,
    });
    expect(decide("read", response(503), { attempts: 1, maxAttempts: 1 })).toMatchObject({
      reason: expect.stringContaining("attempts made"),
    });
  });

  it("costs 5 tokens, 10 after a timeout, and fails when the quota cannot pay", () => {
    expect(decide("read", thrown("ECONNRESET"), { quotaAvailable: 5 })).toMatchObject({
      action: "retry",
      cost: 5,
    });
    expect(decide("read", thrown("ECONNRESET"), { quotaAvailable: 4 })).toMatchObject({
      action: "fail",
      reason: expect.stringContaining("quota"),
      retryable: true,
    });
    expect(decide("read", thrown("ETIMEDOUT"), { quotaAvailable: 10 })).toMatchObject({
      action: "retry",
      cost: 10,
    });
    expect(decide("read", thrown("ETIMEDOUT"), { quotaAvailable: 9 })).toMatchObject({
      reason: expect.stringContaining("quota"),
    });
  });

  it("never sleeps past the deadline", () => {
    expect(decide("read", response(503), { now: 0, deadline: 50 })).toMatchObject({
      action: "fail",
      reason: expect.stringContaining("deadline"),
    });
    expect(decide("read", response(503), { now: 0, deadline: 51 })).toMatchObject({ action: "retry", delayMs: 50 });
    expect(
      decide("read", response(403, "RequestTimeTooSkewed", { skewed: true }), { now: 100, deadline: 100 }),
    ).toMatchObject({ reason: expect.stringContaining("deadline") });
  });

  it("allows one clock-skew retry and one credentials retry per request", () => {
    expect(
      decide("read", response(403, "RequestTimeTooSkewed", { skewed: true }), { skewRetried: true }),
    ).toMatchObject({
      action: "fail",
      reason: expect.stringContaining("already made"),
      retryable: false,
    });
    expect(decide("read", response(403, "RequestTimeTooSkewed"))).toMatchObject({
      reason: expect.stringContaining("matched"),
    });
    expect(decide("read", response(400, "ExpiredToken"), { credentialsRetried: true })).toMatchObject({
      reason: expect.stringContaining("already refreshed"),
    });
  });

  it("reports non-retryable failures as such", () => {
    expect(decide("read", response(400, "InvalidArgument"))).toEqual({
      action: "fail",
      retryable: false,
      reason: "code InvalidArgument",
    });
  });
});

describe("decide — cancel after an ambiguous attempt", () => {
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

describe("backoff and Retry-After", () => {
  it("stays within [0, min(base × 2^(retry−1), 20 s)) for any random", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.double({ min: -1, max: 2, noNaN: false }), (retry, r) => {
        const delay = backoff(retry, 100, () => r);
        return delay >= 0 && delay < Math.min(100 * 2 ** (retry - 1), 20_000) + 1 && Number.isInteger(delay);
      }),
    );
  });

  it("reads seconds and HTTP dates, and ignores the rest", () => {
    expect(parseRetryAfter("2", 0)).toBe(2000);
    expect(parseRetryAfter("1.5", 0)).toBe(1500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(new Date(1_000).toUTCString(), 4_000)).toBe(0);
    expect(parseRetryAfter("-3", 0)).toBeUndefined();
    expect(parseRetryAfter("Tomorrow-ish", 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe("RetryState and RetryQuota", () => {
  it("takes the retry's tokens, refunds the last retry's cost on success, and 1 after a clean call", () => {
    const quota = new RetryQuota();
    const state = new RetryState("read", 3, quota, () => 0.5, undefined);
    expect(state.onFailure(response(503), 0, 0)).toMatchObject({ action: "retry", cost: 5 });
    expect(quota.available).toBe(495);
    state.onSuccess();
    expect(quota.available).toBe(500);
    expect(state.attempts).toBe(2);
    quota.available = 100;
    new RetryState("read", 3, quota, () => 0.5, undefined).onSuccess();
    expect(quota.available).toBe(101);
  });

  it("allows the skew and credentials retries once per call, and remembers an ambiguous attempt for cancel", () => {
    const state = new RetryState("cancel", 5, new RetryQuota(), () => 0.5, undefined);
    const skewed = response(403, "RequestTimeTooSkewed", { skewed: true });
    expect(state.onFailure(skewed, 0, 0).action).toBe("retry");
    expect(state.onFailure(skewed, 0, 0).action).toBe("fail");
    const other = new RetryState("cancel", 5, new RetryQuota(), () => 0.5, undefined);
    expect(other.onFailure(response(400, "ExpiredToken"), 0, 0)).toMatchObject({ refreshCredentials: true });
    expect(other.onFailure(response(400, "ExpiredToken"), 0, 0).action).toBe("fail");
    const cancel = new RetryState("cancel", 5, new RetryQuota(), () => 0.5, undefined);
    expect(cancel.onFailure(thrown("ECONNRESET"), 0, 0).action).toBe("retry");
    expect(cancel.onFailure(response(400, "InvalidArgument"), 0, 0).action).toBe("verify-cancel");
  });
});
