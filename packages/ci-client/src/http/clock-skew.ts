import type { Clock } from "../credentials/types.js";

/** How far the signing time may be from the service's `Date` before it counts as skewed. */
const SKEW_THRESHOLD_MS = 30_000;

/**
 * Parses an HTTP `Date` header (IMF-fixdate such as `Sun, 06 Nov 1994 08:49:37 GMT`; the
 * obsolete RFC 850 and asctime forms as `Date.parse` reads them).
 * @internal
 */
export function parseHttpDate(value: string | null | undefined): number | undefined {
  if (value === undefined || value === null || !/[A-Za-z]/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The clock-skew state of one client instance: the offset between the server's
 * clock and ours, starting at 0, learnt from `Date` headers.
 *
 * - {@link ClockSkew.signingTime} is the time to sign each attempt with: `now + offset`.
 * - {@link ClockSkew.update} runs on every response with a `Date` header: when the server's date
 *   differs from `now + offset` by 30 s or more, the offset becomes `serverDate − now`.
 * - {@link ClockSkew.wasSkewed} is the per-request retry test: a skew error is retried iff the
 *   signing time *that attempt used* differs from the error response's `Date` by 30 s or more.
 *   Unlike "did the shared offset change", this also retries every one of several concurrent
 *   requests that were signed with the old offset.
 * @internal
 */
export class ClockSkew {
  readonly #clock: Clock;
  readonly #onChange: ((offsetMs: number, previousMs: number) => void) | undefined;
  #offsetMs = 0;

  /** `onChange` gets the new and the previous offset when the offset changes (for a debug line). */
  constructor(clock: Clock, onChange?: (offsetMs: number, previousMs: number) => void) {
    this.#clock = clock;
    this.#onChange = onChange;
  }

  /** `serverTime − localTime` in milliseconds, as last corrected (0 until then). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /** The time to sign an attempt with: the local clock plus the offset. */
  signingTime(): number {
    return this.#clock.now() + this.#offsetMs;
  }

  /** Learns from a response's `Date` header (call it for every response, success or error). */
  update(dateHeader: string | null | undefined): boolean {
    const serverDate = parseHttpDate(dateHeader);
    if (serverDate === undefined) return false;
    const localNow = this.#clock.now();
    if (Math.abs(serverDate - (localNow + this.#offsetMs)) < SKEW_THRESHOLD_MS) return false;
    const previous = this.#offsetMs;
    this.#offsetMs = serverDate - localNow;
    this.#onChange?.(this.#offsetMs, previous);
    return true;
  }

  /** Whether an attempt signed at `signingTimeMs` was skewed, judged by the error response's `Date`. */
  wasSkewed(signingTimeMs: number, dateHeader: string | null | undefined): boolean {
    const serverDate = parseHttpDate(dateHeader);
    return serverDate !== undefined && Math.abs(serverDate - signingTimeMs) >= SKEW_THRESHOLD_MS;
  }
}
