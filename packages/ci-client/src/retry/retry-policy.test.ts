import { describe, expect, it } from "vitest";
import { isValidationError } from "../errors/validation-error.js";
import { type AttemptOutcome, classifyOutcome } from "./classify.js";
import { RetryPolicy } from "./retry-policy.js";
import { RetryQuota } from "./retry-quota.js";

const outcome503: AttemptOutcome = { kind: "error-response", status: 503, xmlBody: false };
const failure = (outcome: AttemptOutcome, now = 0) => ({ classification: classifyOutcome(outcome), now });

describe("RetryPolicy", () => {
  it("defaults to 3 attempts, a fresh quota and Math.random", () => {
    const policy = new RetryPolicy();
    expect(policy.maxAttempts).toBe(3);
    expect(policy.quota.available).toBe(500);
    const delay = policy.begin("read").onFailure(failure(outcome503));
    expect(delay.action).toBe("retry");
    if (delay.action === "retry") {
      expect(delay.delayMs).toBeGreaterThanOrEqual(0);
      expect(delay.delayMs).toBeLessThan(100);
    }
  });

  it("rejects an invalid maxAttempts with a ValidationError", () => {
    for (const maxAttempts of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      let caught: unknown;
      try {
        new RetryPolicy({ maxAttempts });
      } catch (error) {
        caught = error;
      }
      expect(isValidationError(caught), String(maxAttempts)).toBe(true);
    }
  });

  it("counts attempts, takes quota per retry and refunds the last retry's cost on success", () => {
    const quota = new RetryQuota();
    const policy = new RetryPolicy({ random: () => 0.5, quota });
    const request = policy.begin("read");
    expect(request.onFailure(failure(outcome503))).toMatchObject({ action: "retry", delayMs: 50 });
    expect(
      request.onFailure(failure({ kind: "thrown", error: Object.assign(new Error("t"), { code: "ETIMEDOUT" }) })),
    ).toMatchObject({
      action: "retry",
      delayMs: 100,
      quotaCost: 10,
    });
    expect(quota.available).toBe(485);
    request.onSuccess();
    expect(request.attempts).toBe(3);
    expect(quota.available).toBe(495);
  });

  it("gives up after maxAttempts and then refuses further reports", () => {
    const request = new RetryPolicy({ random: () => 0.5, maxAttempts: 2 }).begin("read");
    expect(request.onFailure(failure(outcome503)).action).toBe("retry");
    expect(request.onFailure(failure(outcome503))).toMatchObject({ action: "fail", failReason: "attempts-exhausted" });
    expect(request.attempts).toBe(2);
    expect(() => request.onFailure(failure(outcome503))).toThrow(/already finished/);
    expect(() => request.onSuccess()).toThrow(/already finished/);
  });

  it("adds one token for a success without retries", () => {
    const quota = new RetryQuota();
    quota.tryAcquire(5);
    new RetryPolicy({ quota }).begin("read").onSuccess();
    expect(quota.available).toBe(496);
  });

  it("shares one quota between the requests of a client: an outage stops retries", () => {
    const quota = new RetryQuota(12);
    const policy = new RetryPolicy({ random: () => 0, quota });
    expect(policy.begin("read").onFailure(failure(outcome503)).action).toBe("retry");
    expect(policy.begin("read").onFailure(failure(outcome503)).action).toBe("retry");
    expect(policy.begin("read").onFailure(failure(outcome503))).toMatchObject({
      action: "fail",
      failReason: "quota-exhausted",
    });
  });

  it("makes one clock-skew retry per request, judged per request", () => {
    const skewed: AttemptOutcome = {
      kind: "error-response",
      status: 403,
      code: "RequestTimeTooSkewed",
      xmlBody: true,
      skewed: true,
    };
    const policy = new RetryPolicy({ random: () => 0.5 });
    const a = policy.begin("read");
    const b = policy.begin("read");
    expect(a.onFailure(failure(skewed))).toMatchObject({ action: "retry", delayMs: 0 });
    // A concurrent request signed with the same wrong time is retried too.
    expect(b.onFailure(failure(skewed))).toMatchObject({ action: "retry", delayMs: 0 });
    expect(a.onFailure(failure(skewed))).toMatchObject({ action: "fail", failReason: "skew-retry-used" });
    expect(policy.quota.available).toBe(500);
  });

  it("refreshes credentials once per request", () => {
    const expired: AttemptOutcome = { kind: "error-response", status: 400, code: "ExpiredToken", xmlBody: true };
    const request = new RetryPolicy().begin("create");
    expect(request.onFailure(failure(expired))).toMatchObject({ action: "retry", refreshCredentials: true });
    expect(request.onFailure(failure(expired))).toMatchObject({ action: "fail", failReason: "credentials-retry-used" });
  });

  it("reconciles a create with an unknown outcome and verifies a cancel refused after one", () => {
    const reset: AttemptOutcome = { kind: "thrown", error: Object.assign(new Error("reset"), { code: "ECONNRESET" }) };
    expect(new RetryPolicy().begin("create").onFailure(failure(reset)).action).toBe("reconcile");
    const cancel = new RetryPolicy({ random: () => 0.5 }).begin("cancel");
    expect(cancel.onFailure(failure(reset)).action).toBe("retry");
    expect(
      cancel.onFailure(failure({ kind: "error-response", status: 400, code: "InvalidArgument", xmlBody: true })).action,
    ).toBe("verify-cancel");
  });

  it("stops at the request's deadline", () => {
    const request = new RetryPolicy({ random: () => 0.5 }).begin("read", { deadline: 1_000 });
    expect(request.onFailure(failure(outcome503, 960))).toMatchObject({ action: "fail", failReason: "deadline" });
  });

  it("passes Retry-After and the skew offset through", () => {
    const request = new RetryPolicy({ random: () => 0.5 }).begin("read");
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(
      request.onFailure({
        classification: classifyOutcome({ kind: "error-response", status: 429, xmlBody: false }),
        now,
        retryAfter: new Date(now + 60_000 + 2_000).toUTCString(),
        skewOffsetMs: 60_000,
      }),
    ).toMatchObject({ action: "retry", delayMs: 2000 });
  });
});
