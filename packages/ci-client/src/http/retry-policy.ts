import { CERTIFICATE_CODES, type CodeRow, NOT_SENT_CODES, SERVICE_CODES } from "../errors/code-table.js";

/** Attempts per call, the first included, unless `retry.maxAttempts` says otherwise. @public */
export const DEFAULT_MAX_ATTEMPTS = 3 as const;
const TRANSIENT_BASE_MS = 100;
const THROTTLING_BASE_MS = 500;
const MAX_BACKOFF_MS = 20_000;
const RETRY_AFTER_SLACK_MS = 5_000;
const QUOTA_TOKENS = 500;
const RETRY_COST = 5;
const TIMEOUT_RETRY_COST = 10;
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 500, 502, 503, 504]);

/**
 * Which create/cancel rules apply: `read` (describe, list), `cancel` (idempotent by intent) or
 * `create` (never resent unless the service certainly did not act).
 * @internal
 */
export type RetryOperation = "read" | "cancel" | "create";

/**
 * How one attempt failed, in plain facts: an error status (with its `<Code>` if the body had one),
 * a thrown network error (its code, found anywhere in the `cause` chain, and whether the request
 * had been handed to `fetch`), the per-attempt timeout, a 2xx body cut short, or a complete 2xx body
 * that is not what the API returns.
 * @internal
 */
export type Outcome =
  | {
      readonly kind: "status";
      readonly status: number;
      readonly code?: string | undefined;
      readonly message?: string | undefined;
      /** Whether the body was a well-formed `<Error>` document (a coded refusal). */
      readonly xmlBody: boolean;
      /** Whether this attempt's signing time was ≥ 30 s from the response's `Date`. */
      readonly skewed: boolean;
      readonly retryAfter?: string | null | undefined;
    }
  | { readonly kind: "network"; readonly code: string | undefined; readonly sent: boolean }
  | { readonly kind: "attempt-timeout" }
  | { readonly kind: "truncated" }
  | { readonly kind: "decode" };

type RetryClass = "throttling" | "transient" | "skew" | "expired-credentials" | "decode" | "none";

interface Classification {
  readonly retryClass: RetryClass;
  /** The service certainly did not act (a coded refusal, or nothing was sent): a create may be resent. */
  readonly didNotAct: boolean;
  readonly timeout: boolean;
  readonly status?: number | undefined;
  readonly reason: string;
}

const TIMEOUT_CODE = /TIMEOUT|ETIMEDOUT/;

function classify(outcome: Outcome): Classification {
  switch (outcome.kind) {
    case "attempt-timeout":
      return { retryClass: "transient", didNotAct: false, timeout: true, reason: "attempt timeout" };
    case "truncated":
      return { retryClass: "transient", didNotAct: false, timeout: false, reason: "body cut short" };
    case "decode":
      return { retryClass: "decode", didNotAct: false, timeout: false, reason: "unreadable 2xx body" };
    case "network": {
      const { code, sent } = outcome;
      const timeout = code !== undefined && TIMEOUT_CODE.test(code);
      const reason = `network ${code ?? "error"}`;
      if (code !== undefined && CERTIFICATE_CODES.has(code))
        return { retryClass: "none", didNotAct: true, timeout, reason };
      const notSent = !sent || (code !== undefined && NOT_SENT_CODES.has(code));
      return {
        retryClass: "transient",
        didNotAct: notSent,
        timeout,
        reason: notSent ? `${reason} (not sent)` : reason,
      };
    }
    case "status":
      return classifyStatus(outcome);
  }
}

function classifyStatus(outcome: Extract<Outcome, { kind: "status" }>): Classification {
  const { status, code, xmlBody } = outcome;
  const row: CodeRow | undefined =
    code !== undefined && Object.hasOwn(SERVICE_CODES, code) ? SERVICE_CODES[code] : undefined;
  const at = { status, timeout: false };
  if (row !== undefined && code !== undefined) {
    const reason = `code ${code}`;
    const expiredSignature = code === "AccessDenied" && /request has expired/i.test(outcome.message ?? "");
    const skewedSignature = code === "SignatureDoesNotMatch" && outcome.skewed;
    if (row.retry === "skew" || expiredSignature || skewedSignature)
      return { ...at, retryClass: "skew", didNotAct: true, reason };
    if (row.retry === "none") return { ...at, retryClass: "none", didNotAct: xmlBody, reason };
    // Only a coded 503 ServiceUnavailable is a refusal; InternalError and timeouts may have acted.
    const didNotAct = row.retry !== "transient" || (code === "ServiceUnavailable" && xmlBody);
    return { ...at, retryClass: row.retry, didNotAct, reason };
  }
  const reason = `status ${status}${code ? ` (${code})` : ""}`;
  if (status === 429) return { ...at, retryClass: "throttling", didNotAct: true, reason };
  if (TRANSIENT_STATUSES.has(status)) return { ...at, retryClass: "transient", didNotAct: false, reason };
  return { ...at, retryClass: "none", didNotAct: xmlBody && status >= 400 && status < 500, reason };
}

/**
 * What to do after a failed attempt: `retry` after `delayMs`; `reconcile` (a create that may have
 * happened: look for the job, never resend); `verify-cancel` (a retried cancel refused after an
 * earlier attempt may have worked: describe the job); or `fail`.
 * @internal
 */
export type Decision =
  | {
      readonly action: "retry";
      readonly delayMs: number;
      readonly cost: number;
      readonly refreshCredentials: boolean;
      readonly reason: string;
    }
  | { readonly action: "reconcile" | "verify-cancel"; readonly reason: string }
  | { readonly action: "fail"; readonly retryable: boolean; readonly reason: string };

/**
 * Everything {@link decide} needs besides the outcome: a snapshot, so that the decision is a pure
 * function of its input.
 * @internal
 */
export interface DecisionInput {
  readonly operation: RetryOperation;
  /** Attempts made, the failed one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** Tokens left in the client's retry quota. */
  readonly quotaAvailable: number;
  readonly skewRetried: boolean;
  readonly credentialsRetried: boolean;
  /** Whether an earlier attempt of this call may have reached the service. */
  readonly earlierAmbiguous: boolean;
  /** Local time now (epoch ms), and the clock-skew offset to read a `Retry-After` date as server time. */
  readonly now: number;
  readonly skewOffsetMs: number;
  /** The call's deadline, epoch ms on the local clock. */
  readonly deadline: number | undefined;
  readonly random: () => number;
}

/** Full-jitter exponential backoff: `floor(random() × min(base × 2^(retry − 1), 20 s))`. @internal */
export function backoff(retry: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(baseMs * 2 ** Math.max(0, Math.floor(retry) - 1), MAX_BACKOFF_MS);
  const r = random();
  return Math.floor((Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0) * ceiling);
}

/** Reads `Retry-After` (seconds, or an HTTP date read against `nowMs`) as a delay in ms. @internal */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (seconds) return Math.ceil(Number(seconds[1]) * 1000);
  if (!/[A-Za-z]/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/**
 * The retry policy, as a pure function of one failed attempt's outcome and the call's state:
 * classification by `<Code>` first, status second, network code third; the create rules (resend
 * only what the service certainly did not act on, reconcile the rest); a skew retry only when this
 * attempt's signing time was off; one retry after refreshing expired credentials; the attempt
 * budget, the client's retry quota, full-jitter backoff (100 ms base, 500 ms when throttled, 20 s
 * cap), `Retry-After` clamped to `[computed, computed + 5 s]` (more than 20 s ends retrying) and
 * never sleeping past the deadline. A complete 2xx body that is not what the API returns is never
 * retried (a create's is reconciled: the service acted).
 * @internal
 */
export function decide(outcome: Outcome, input: DecisionInput): Decision {
  const c = classify(outcome);
  const fail = (retryable: boolean, why: string): Decision => ({
    action: "fail",
    retryable,
    reason: why ? `${c.reason}; ${why}` : c.reason,
  });
  if (c.retryClass === "none") {
    const status = c.status ?? 0;
    if (input.operation === "cancel" && input.earlierAmbiguous && status >= 400 && status < 500)
      return { action: "verify-cancel", reason: `${c.reason} after an earlier ambiguous attempt` };
    return fail(false, "");
  }
  if (input.operation === "create" && !c.didNotAct)
    return { action: "reconcile", reason: `${c.reason}: the service may have created the job` };
  if (c.retryClass === "decode") return fail(false, "");
  if (input.attempts >= input.maxAttempts) return fail(true, `${input.attempts} of ${input.maxAttempts} attempts made`);
  const immediate = c.retryClass === "skew" || c.retryClass === "expired-credentials";
  if (c.retryClass === "skew") {
    if (outcome.kind === "status" && !outcome.skewed) return fail(false, "the signing time matched the service's Date");
    if (input.skewRetried) return fail(false, "the clock-skew retry was already made");
  }
  if (c.retryClass === "expired-credentials" && input.credentialsRetried)
    return fail(false, "the credentials were already refreshed once");
  const cost = immediate ? 0 : c.timeout ? TIMEOUT_RETRY_COST : RETRY_COST;
  if (cost > input.quotaAvailable) return fail(true, `the retry quota is exhausted (${input.quotaAvailable} left)`);
  let delayMs = 0;
  if (!immediate) {
    const computed = backoff(
      input.attempts,
      c.retryClass === "throttling" ? THROTTLING_BASE_MS : TRANSIENT_BASE_MS,
      input.random,
    );
    const asked =
      outcome.kind === "status" ? parseRetryAfter(outcome.retryAfter, input.now + input.skewOffsetMs) : undefined;
    if (asked !== undefined && asked > MAX_BACKOFF_MS)
      return fail(true, `the service asked to wait ${asked} ms (more than 20 s)`);
    delayMs = asked === undefined ? computed : Math.min(Math.max(asked, computed), computed + RETRY_AFTER_SLACK_MS);
  }
  if (input.deadline !== undefined && input.now + delayMs >= input.deadline)
    return fail(true, "no time left before the deadline for another attempt");
  return {
    action: "retry",
    delayMs,
    cost,
    refreshCredentials: c.retryClass === "expired-credentials",
    reason: c.reason,
  };
}

/**
 * A client's retry quota: a bucket of 500 tokens shared by all its calls. A retry costs 5 (10
 * after a timeout); a success gives back its last retry's cost, or 1 when it needed none; an
 * empty bucket means no more retries (an outage does not turn into a retry storm).
 * @internal
 */
export class RetryQuota {
  /** Tokens left. */
  available: number = QUOTA_TOKENS;

  /** Records a success. */
  release(retryCost: number | undefined): void {
    this.available = Math.min(QUOTA_TOKENS, this.available + (retryCost ?? 1));
  }
}

/**
 * One call's retry state: counts attempts, asks {@link decide}, and applies a retry decision to
 * the quota and the once-only flags.
 * @internal
 */
export class RetryState {
  attempts = 0;
  #skewRetried = false;
  #credentialsRetried = false;
  #earlierAmbiguous = false;
  #lastCost: number | undefined;
  readonly #operation: RetryOperation;
  readonly #maxAttempts: number;
  readonly #quota: RetryQuota;
  readonly #random: () => number;
  readonly #deadline: number | undefined;

  constructor(
    operation: RetryOperation,
    maxAttempts: number,
    quota: RetryQuota,
    random: () => number,
    deadline: number | undefined,
  ) {
    this.#operation = operation;
    this.#maxAttempts = maxAttempts;
    this.#quota = quota;
    this.#random = random;
    this.#deadline = deadline;
  }

  /** Records a failed attempt and decides. */
  onFailure(outcome: Outcome, now: number, skewOffsetMs: number): Decision {
    this.attempts += 1;
    const decision = decide(outcome, {
      operation: this.#operation,
      attempts: this.attempts,
      maxAttempts: this.#maxAttempts,
      quotaAvailable: this.#quota.available,
      skewRetried: this.#skewRetried,
      credentialsRetried: this.#credentialsRetried,
      earlierAmbiguous: this.#earlierAmbiguous,
      now,
      skewOffsetMs,
      deadline: this.#deadline,
      random: this.#random,
    });
    const c = classify(outcome);
    if (c.retryClass !== "none" && !c.didNotAct) this.#earlierAmbiguous = true;
    if (decision.action === "retry") {
      this.#quota.available -= decision.cost;
      if (decision.cost > 0) this.#lastCost = decision.cost;
      if (c.retryClass === "skew") this.#skewRetried = true;
      if (c.retryClass === "expired-credentials") this.#credentialsRetried = true;
    }
    return decision;
  }

  /** Records the successful attempt. */
  onSuccess(): void {
    this.attempts += 1;
    this.#quota.release(this.#lastCost);
  }
}
