import { normalizeMaxAttempts } from "../validation/retry-options.js";
import type { Random } from "./backoff.js";
import type { Classification } from "./classify.js";
import { decideRetry, type RetryDecision, type RetryOperation } from "./decide.js";
import { RetryQuota } from "./retry-quota.js";

/**
 * Options of {@link RetryPolicy}.
 *
 * @example
 * ```ts
 * import type { RetryPolicyOptions } from "./retry-policy.js";
 *
 * const options: RetryPolicyOptions = { maxAttempts: 5, random: () => 0.5 };
 * ```
 * @internal
 */
export interface RetryPolicyOptions {
  /** Attempts per request, first try included (default 3). */
  readonly maxAttempts?: number | undefined;
  /** Random source for jitter (default `Math.random`, read at each call). */
  readonly random?: Random | undefined;
  /** The quota to draw from (default: a fresh 500-token bucket). */
  readonly quota?: RetryQuota | undefined;
}

/**
 * What a failed attempt reports to {@link RequestRetryState.onFailure}.
 *
 * @example
 * ```ts
 * import { classifyOutcome } from "./classify.js";
 * import type { AttemptFailure } from "./retry-policy.js";
 *
 * const failure: AttemptFailure = {
 *   classification: classifyOutcome({ kind: "error-response", status: 429, xmlBody: false }),
 *   retryAfter: "2",
 *   now: Date.now(),
 * };
 * ```
 * @internal
 */
export interface AttemptFailure {
  /** The verdict on the attempt. */
  readonly classification: Classification;
  /** The response's `Retry-After`, if any. */
  readonly retryAfter?: string | null | undefined;
  /** The local time now (epoch ms). */
  readonly now: number;
  /** The client's clock-skew offset (to read a `Retry-After` date in server time). */
  readonly skewOffsetMs?: number | undefined;
}

/**
 * The retry state of one request (one logical call: all its attempts). Created by
 * {@link RetryPolicy.begin}; report every failed attempt to {@link RequestRetryState.onFailure}
 * and the final success to {@link RequestRetryState.onSuccess}.
 *
 * @example
 * ```ts
 * import { RetryPolicy } from "./retry-policy.js";
 *
 * const state = new RetryPolicy({ random: () => 0.5 }).begin("read");
 * state.onSuccess();
 * state.attempts; // 1
 * ```
 * @internal
 */
export class RequestRetryState {
  readonly #policy: RetryPolicy;
  readonly #operation: RetryOperation;
  readonly #deadline: number | undefined;
  #attempts = 0;
  #skewRetried = false;
  #credentialsRetried = false;
  #earlierAmbiguous = false;
  #lastRetryCost: number | undefined;
  #done = false;

  /**
   * @param policy - The client's policy (quota, limits, random).
   * @param operation - Which rules apply.
   * @param deadline - The total deadline (epoch ms, local clock), if any.
   */
  constructor(policy: RetryPolicy, operation: RetryOperation, deadline: number | undefined) {
    this.#policy = policy;
    this.#operation = operation;
    this.#deadline = deadline;
  }

  /** Attempts made so far. */
  get attempts(): number {
    return this.#attempts;
  }

  /**
   * Records a failed attempt and decides what to do next. A `retry` decision has already taken
   * its quota tokens.
   *
   * @param failure - The classified failure.
   * @returns The decision.
   */
  onFailure(failure: AttemptFailure): RetryDecision {
    if (this.#done) throw new Error("RequestRetryState: the request already finished");
    this.#attempts += 1;
    const decision = decideRetry({
      operation: this.#operation,
      classification: failure.classification,
      attempts: this.#attempts,
      maxAttempts: this.#policy.maxAttempts,
      quotaAvailable: this.#policy.quota.available,
      skewRetried: this.#skewRetried,
      credentialsRetried: this.#credentialsRetried,
      earlierAmbiguous: this.#earlierAmbiguous,
      retryAfter: failure.retryAfter,
      now: failure.now,
      skewOffsetMs: failure.skewOffsetMs,
      deadline: this.#deadline,
      random: this.#policy.random,
    });
    const { retryClass, serverDidNotAct } = failure.classification;
    if (retryClass !== "not-retryable" && !serverDidNotAct) this.#earlierAmbiguous = true;
    if (decision.action === "retry") {
      if (decision.quotaCost > 0) {
        this.#policy.quota.tryAcquire(decision.quotaCost);
        this.#lastRetryCost = decision.quotaCost;
      }
      if (retryClass === "clock-skew") this.#skewRetried = true;
      if (retryClass === "credentials-expired") this.#credentialsRetried = true;
    } else {
      this.#done = true;
    }
    return decision;
  }

  /** Records the successful attempt: refunds the last retry's tokens, or adds one. */
  onSuccess(): void {
    if (this.#done) throw new Error("RequestRetryState: the request already finished");
    this.#done = true;
    this.#attempts += 1;
    this.#policy.quota.release(this.#lastRetryCost);
  }
}

/**
 * The retry policy of one client instance: the attempt limit, the jitter source and the retry
 * quota shared by all of its requests (reliability §1). Deterministic given `random`.
 *
 * @example
 * ```ts
 * import { classifyOutcome } from "./classify.js";
 * import { RetryPolicy } from "./retry-policy.js";
 *
 * const policy = new RetryPolicy({ random: () => 0.5 });
 * const request = policy.begin("read", { deadline: Date.now() + 120_000 });
 * const decision = request.onFailure({
 *   classification: classifyOutcome({ kind: "error-response", status: 503, xmlBody: false }),
 *   now: Date.now(),
 * });
 * // decision: { action: "retry", delayMs: 50, quotaCost: 5, … }
 * ```
 * @internal
 */
export class RetryPolicy {
  /** Attempts per request, first try included. */
  readonly maxAttempts: number;
  /** The client's retry quota. */
  readonly quota: RetryQuota;
  /** The jitter source. */
  readonly random: Random;

  /**
   * @param options - Limits, random source and quota; `maxAttempts` must be a whole number ≥ 1
   *   (a `ValidationError` otherwise).
   */
  constructor(options: RetryPolicyOptions = {}) {
    this.maxAttempts = normalizeMaxAttempts(options.maxAttempts);
    this.quota = options.quota ?? new RetryQuota();
    const random = options.random;
    this.random = random ?? (() => Math.random());
  }

  /**
   * Starts the retry state of one request.
   *
   * @param operation - `read`, `cancel` or `create`.
   * @param options - `deadline`: the total deadline as epoch ms on the local clock.
   * @returns The request's retry state.
   */
  begin(operation: RetryOperation, options: { readonly deadline?: number | undefined } = {}): RequestRetryState {
    return new RequestRetryState(this, operation, options.deadline);
  }
}
