import { MAX_BACKOFF_MS, RETRY_AFTER_SLACK_MS } from "./constants.js";

const SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;

/**
 * Parses a `Retry-After` header: delay-seconds (`"5"`, also `"1.5"`) or an HTTP date, which is
 * read relative to `nowMs` (a date in the past means "now", 0 ms).
 *
 * @param value - The header value, or `null`/`undefined` when absent.
 * @param nowMs - The current time (the injected clock, plus the skew offset: the server's clock).
 * @returns The requested delay in milliseconds, or `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "./retry-after.js";
 *
 * parseRetryAfter("3", 0); // 3000
 * parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4_000); // 6000
 * ```
 * @internal
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const seconds = SECONDS.exec(value);
  if (seconds) {
    const ms = Number(seconds[1]) * 1000;
    return Number.isFinite(ms) ? Math.ceil(ms) : undefined;
  }
  // An HTTP date always has letters (day and month names); anything else is not a date.
  if (!/[A-Za-z]/.test(value)) return undefined;
  const at = Date.parse(value);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * What to do with a server's `Retry-After`:
 * `{ delayMs }` to wait, or `{ stop: true }` when the server asked for more than 20 s.
 *
 * @example
 * ```ts
 * import type { RetryAfterDecision } from "./retry-after.js";
 *
 * const wait: RetryAfterDecision = { stop: false, delayMs: 1200 };
 * ```
 * @internal
 */
export type RetryAfterDecision =
  | { readonly stop: false; readonly delayMs: number }
  | { readonly stop: true; readonly requestedMs: number };

/**
 * Applies a parsed `Retry-After` to the computed backoff (reliability §1, after smithy's clamp):
 * the delay is the server's value clamped into `[computed, computed + 5 s]`; a value above 20 s
 * ends retrying. Without a value, the computed backoff stands.
 *
 * @param computedMs - The full-jitter backoff for this retry.
 * @param retryAfterMs - The parsed `Retry-After`, if any.
 * @returns The delay to use, or `stop`.
 *
 * @example
 * ```ts
 * import { applyRetryAfter } from "./retry-after.js";
 *
 * applyRetryAfter(100, 3000); // { stop: false, delayMs: 3000 }
 * applyRetryAfter(100, 9000); // { stop: false, delayMs: 5100 }
 * applyRetryAfter(100, 60_000); // { stop: true, requestedMs: 60000 }
 * ```
 * @internal
 */
export function applyRetryAfter(computedMs: number, retryAfterMs: number | undefined): RetryAfterDecision {
  if (retryAfterMs === undefined) return { stop: false, delayMs: computedMs };
  if (retryAfterMs > MAX_BACKOFF_MS) return { stop: true, requestedMs: retryAfterMs };
  return { stop: false, delayMs: Math.min(Math.max(retryAfterMs, computedMs), computedMs + RETRY_AFTER_SLACK_MS) };
}
