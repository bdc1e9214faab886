// The numbers of reliability §1 and §4 in one place.

/**
 * Attempts per request by default: the first try plus two retries.
 *
 * @example
 * ```ts
 * import { DEFAULT_MAX_ATTEMPTS } from "@cibatch/ci-client";
 *
 * console.log(`up to ${DEFAULT_MAX_ATTEMPTS} attempts`);
 * ```
 * @public
 */
export const DEFAULT_MAX_ATTEMPTS = 3 as const;

/**
 * Backoff base for transient failures, in milliseconds.
 *
 * @example
 * ```ts
 * import { TRANSIENT_BASE_MS } from "./constants.js";
 *
 * TRANSIENT_BASE_MS; // 100
 * ```
 * @internal
 */
export const TRANSIENT_BASE_MS = 100 as const;

/**
 * Backoff base for throttling, in milliseconds.
 *
 * @example
 * ```ts
 * import { THROTTLING_BASE_MS } from "./constants.js";
 *
 * THROTTLING_BASE_MS; // 500
 * ```
 * @internal
 */
export const THROTTLING_BASE_MS = 500 as const;

/**
 * The largest backoff before jitter, and the largest `Retry-After` honoured, in milliseconds.
 *
 * @example
 * ```ts
 * import { MAX_BACKOFF_MS } from "./constants.js";
 *
 * MAX_BACKOFF_MS; // 20000
 * ```
 * @internal
 */
export const MAX_BACKOFF_MS = 20_000 as const;

/**
 * How far above the computed backoff a `Retry-After` may push the delay, in milliseconds.
 *
 * @example
 * ```ts
 * import { RETRY_AFTER_SLACK_MS } from "./constants.js";
 *
 * RETRY_AFTER_SLACK_MS; // 5000
 * ```
 * @internal
 */
export const RETRY_AFTER_SLACK_MS = 5_000 as const;

/**
 * Tokens in a fresh retry quota.
 *
 * @example
 * ```ts
 * import { INITIAL_RETRY_TOKENS } from "./constants.js";
 *
 * INITIAL_RETRY_TOKENS; // 500
 * ```
 * @internal
 */
export const INITIAL_RETRY_TOKENS = 500 as const;

/**
 * Tokens a retry costs.
 *
 * @example
 * ```ts
 * import { RETRY_COST } from "./constants.js";
 *
 * RETRY_COST; // 5
 * ```
 * @internal
 */
export const RETRY_COST = 5 as const;

/**
 * Tokens a retry after a timeout costs.
 *
 * @example
 * ```ts
 * import { TIMEOUT_RETRY_COST } from "./constants.js";
 *
 * TIMEOUT_RETRY_COST; // 10
 * ```
 * @internal
 */
export const TIMEOUT_RETRY_COST = 10 as const;

/**
 * Tokens a request that succeeded without a retry gives back.
 *
 * @example
 * ```ts
 * import { NO_RETRY_INCREMENT } from "./constants.js";
 *
 * NO_RETRY_INCREMENT; // 1
 * ```
 * @internal
 */
export const NO_RETRY_INCREMENT = 1 as const;

/**
 * How deep the classification looks through `cause` chains.
 *
 * @example
 * ```ts
 * import { MAX_CAUSE_DEPTH } from "./constants.js";
 *
 * MAX_CAUSE_DEPTH; // 10
 * ```
 * @internal
 */
export const MAX_CAUSE_DEPTH = 10 as const;

/**
 * The clock difference, in milliseconds, at which the skew offset is corrected and a skew error
 * is retried (the `Date` header has one-second resolution, so less is noise).
 *
 * @example
 * ```ts
 * import { SKEW_THRESHOLD_MS } from "./constants.js";
 *
 * SKEW_THRESHOLD_MS; // 30000
 * ```
 * @internal
 */
export const SKEW_THRESHOLD_MS = 30_000 as const;
