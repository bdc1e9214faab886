import { fullJitterBackoff, type Random } from "./backoff.js";
import type { Classification, RetryClass } from "./classify.js";
import { RETRY_COST, THROTTLING_BASE_MS, TIMEOUT_RETRY_COST, TRANSIENT_BASE_MS } from "./constants.js";
import { applyRetryAfter, parseRetryAfter } from "./retry-after.js";

/**
 * Which rules apply to a request: `read` (describe, list: idempotent), `cancel` (idempotent by
 * intent) or `create` (never resent unless the server certainly did not act).
 *
 * @example
 * ```ts
 * import type { RetryOperation } from "./decide.js";
 *
 * const operation: RetryOperation = "create";
 * ```
 * @internal
 */
export type RetryOperation = "read" | "cancel" | "create";

/**
 * Why no retry happens:
 *
 * - `not-retryable`: the failure is final (a 4xx, an abort, the total deadline, …);
 * - `attempts-exhausted`: `maxAttempts` attempts were made;
 * - `quota-exhausted`: the client's retry quota is empty;
 * - `retry-after-too-long`: the server asked to wait more than 20 s;
 * - `deadline`: the backoff would end after the total deadline;
 * - `skew-not-detected`: a clock-skew error, but this attempt's signing time matched the server's `Date`;
 * - `skew-retry-used`: the one clock-skew retry of this request was already made;
 * - `credentials-retry-used`: the one retry after refreshing expired credentials was already made.
 *
 * @example
 * ```ts
 * import type { FailReason } from "./decide.js";
 *
 * const reason: FailReason = "quota-exhausted";
 * ```
 * @internal
 */
export type FailReason =
  | "not-retryable"
  | "attempts-exhausted"
  | "quota-exhausted"
  | "retry-after-too-long"
  | "deadline"
  | "skew-not-detected"
  | "skew-retry-used"
  | "credentials-retry-used";

/**
 * What to do after a failed attempt:
 *
 * - `retry`: sleep `delayMs`, re-sign (with fresh credentials when `refreshCredentials`) and send again;
 * - `reconcile`: a create whose outcome is unknown: do not resend, list jobs to find it (reliability §2.2);
 * - `verify-cancel`: a cancel refused after an earlier ambiguous attempt: describe the job, state `Cancel` means success;
 * - `fail`: throw; `retryable` goes on the error.
 *
 * @example
 * ```ts
 * import type { RetryDecision } from "./decide.js";
 *
 * function explain(decision: RetryDecision): string {
 *   return decision.action === "retry" ? `retrying in ${decision.delayMs} ms` : decision.action;
 * }
 * ```
 * @internal
 */
export type RetryDecision =
  | {
      readonly action: "retry";
      readonly retryClass: RetryClass;
      readonly delayMs: number;
      readonly quotaCost: number;
      readonly refreshCredentials: boolean;
      readonly reason: string;
    }
  | { readonly action: "reconcile"; readonly retryClass: RetryClass; readonly reason: string }
  | { readonly action: "verify-cancel"; readonly retryClass: RetryClass; readonly reason: string }
  | {
      readonly action: "fail";
      readonly retryClass: RetryClass;
      readonly retryable: boolean;
      readonly failReason: FailReason;
      readonly reason: string;
    };

/**
 * Everything {@link decideRetry} looks at; no hidden state.
 *
 * @example
 * ```ts
 * import { classifyOutcome } from "./classify.js";
 * import type { RetryDecisionInput } from "./decide.js";
 *
 * const input: RetryDecisionInput = {
 *   operation: "read",
 *   classification: classifyOutcome({ kind: "error-response", status: 503, xmlBody: false }),
 *   attempts: 1,
 *   maxAttempts: 3,
 *   quotaAvailable: 500,
 *   skewRetried: false,
 *   credentialsRetried: false,
 *   earlierAmbiguous: false,
 *   now: 0,
 *   random: () => 0.5,
 * };
 * ```
 * @internal
 */
export interface RetryDecisionInput {
  /** The rules to apply. */
  readonly operation: RetryOperation;
  /** The verdict on the failed attempt. */
  readonly classification: Classification;
  /** Attempts made so far, the failed one included (1 after the first attempt). */
  readonly attempts: number;
  /** The most attempts allowed. */
  readonly maxAttempts: number;
  /** Tokens left in the retry quota. */
  readonly quotaAvailable: number;
  /** Whether this request already made its clock-skew retry. */
  readonly skewRetried: boolean;
  /** Whether this request already made its retry after refreshing credentials. */
  readonly credentialsRetried: boolean;
  /** Whether an earlier attempt of this request may have reached the server (for `verify-cancel`). */
  readonly earlierAmbiguous: boolean;
  /** The response's `Retry-After` header, if any. */
  readonly retryAfter?: string | null | undefined;
  /** The local time now, in epoch milliseconds. */
  readonly now: number;
  /** The clock-skew offset, added to `now` to read a `Retry-After` date as server time. */
  readonly skewOffsetMs?: number | undefined;
  /** The total deadline as epoch milliseconds on the local clock; `undefined` for none. */
  readonly deadline?: number | undefined;
  /** The injected random source for jitter. */
  readonly random: Random;
}

function fail(
  classification: Classification,
  failReason: FailReason,
  retryable: boolean,
  detail: string,
): RetryDecision {
  return { action: "fail", retryClass: classification.retryClass, retryable, failReason, reason: detail };
}

/**
 * The retry decision of reliability §1.1 (GET/cancel and create columns) and §2.1, as a pure
 * function. In order:
 *
 * 1. `not-retryable` → fail (a cancel refused with a 4xx after an earlier ambiguous attempt →
 *    `verify-cancel`);
 * 2. a create whose server may have acted (transient other than a coded 503, network after
 *    connect, malformed 2xx) → `reconcile`, never a resend;
 * 3. `maxAttempts` reached → fail;
 * 4. clock skew: retry at once, once per request, only if this attempt was skewed (§4), free of quota;
 *    expired credentials: refresh and retry at once, once per request, free of quota;
 * 5. otherwise take 5 quota tokens (10 after a timeout) or fail when the quota cannot pay;
 * 6. delay: full jitter over 100 ms (500 ms when throttled) × 2^(retry−1), capped at 20 s, then
 *    clamped by `Retry-After` into `[delay, delay + 5 s]`; `Retry-After` above 20 s → fail;
 * 7. a delay that would end at or after the deadline → fail.
 *
 * @param input - The failed attempt and the request's retry state.
 * @returns What to do.
 *
 * @example
 * ```ts
 * import { classifyOutcome } from "./classify.js";
 * import { decideRetry } from "./decide.js";
 *
 * const decision = decideRetry({
 *   operation: "create",
 *   classification: classifyOutcome({ kind: "error-response", status: 500, code: "InternalError", xmlBody: true }),
 *   attempts: 1,
 *   maxAttempts: 3,
 *   quotaAvailable: 500,
 *   skewRetried: false,
 *   credentialsRetried: false,
 *   earlierAmbiguous: false,
 *   now: 0,
 *   random: () => 0.5,
 * });
 * decision.action; // "reconcile"
 * ```
 * @internal
 */
export function decideRetry(input: RetryDecisionInput): RetryDecision {
  const { classification: c } = input;
  const retryClass = c.retryClass;

  if (retryClass === "not-retryable") {
    const refusedCancel =
      input.operation === "cancel" &&
      input.earlierAmbiguous &&
      c.status !== undefined &&
      c.status >= 400 &&
      c.status < 500;
    if (refusedCancel) {
      return { action: "verify-cancel", retryClass, reason: `${c.reason} after an earlier ambiguous attempt` };
    }
    return fail(c, "not-retryable", false, c.reason);
  }
  if (input.operation === "create" && !c.serverDidNotAct) {
    return { action: "reconcile", retryClass, reason: `${c.reason}: the server may have created the job` };
  }
  if (input.attempts >= input.maxAttempts) {
    return fail(c, "attempts-exhausted", true, `${c.reason}; ${input.attempts} of ${input.maxAttempts} attempts made`);
  }

  const immediate = retryClass === "clock-skew" || retryClass === "credentials-expired";
  if (retryClass === "clock-skew") {
    if (!c.skewed)
      return fail(c, "skew-not-detected", false, `${c.reason}; the signing time matched the server's Date`);
    if (input.skewRetried)
      return fail(c, "skew-retry-used", false, `${c.reason}; the clock-skew retry was already made`);
  }
  if (retryClass === "credentials-expired" && input.credentialsRetried) {
    return fail(c, "credentials-retry-used", false, `${c.reason}; the credentials were already refreshed once`);
  }

  const quotaCost = immediate ? 0 : c.timeout ? TIMEOUT_RETRY_COST : RETRY_COST;
  if (quotaCost > input.quotaAvailable) {
    return fail(c, "quota-exhausted", true, `${c.reason}; the retry quota is exhausted (${input.quotaAvailable} left)`);
  }

  let delayMs = 0;
  if (!immediate) {
    const base = retryClass === "throttling" ? THROTTLING_BASE_MS : TRANSIENT_BASE_MS;
    const computed = fullJitterBackoff(input.attempts, base, input.random);
    const serverNow = input.now + (input.skewOffsetMs ?? 0);
    const clamp = applyRetryAfter(computed, parseRetryAfter(input.retryAfter, serverNow));
    if (clamp.stop) {
      return fail(
        c,
        "retry-after-too-long",
        true,
        `${c.reason}; the server asked to wait ${clamp.requestedMs} ms (more than 20 s)`,
      );
    }
    delayMs = clamp.delayMs;
  }
  if (input.deadline !== undefined && input.now + delayMs >= input.deadline) {
    return fail(c, "deadline", true, `${c.reason}; no time left before the deadline for another attempt`);
  }
  return {
    action: "retry",
    retryClass,
    delayMs,
    quotaCost,
    refreshCredentials: retryClass === "credentials-expired",
    reason: c.reason,
  };
}
