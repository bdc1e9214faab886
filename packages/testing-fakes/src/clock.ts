import { FakeCiError } from "./errors.js";

/**
 * The fake's notion of time. Every timestamp the fake writes (job times, `Date` headers, request ids), every
 * signature-window check and every `afterMs` transition reads `now()`.
 *
 * @example
 * ```ts
 * import { manualClock } from "@cibatch/testing-fakes";
 * const clock = manualClock(Date.UTC(2024, 0, 1));
 * clock.advance(1500);
 * console.log(new Date(clock.now()).toISOString()); // 2024-01-01T00:00:01.500Z
 * ```
 */
export interface FakeClock {
  /** `"real"` follows the system clock (plus any offset); `"manual"` only moves when told. */
  readonly kind: "real" | "manual";
  /** Current time, epoch milliseconds. */
  now(): number;
  /** Moves time forward by `ms` (≥ 0). On a real clock this adds to its offset. */
  advance(ms: number): void;
  /** Jumps to `epochMs`. On a real clock this sets the offset so that `now()` reads `epochMs`. */
  set(epochMs: number): void;
  /**
   * Resolves after `ms` of this clock's time: real timers on a real clock; on a manual clock, once
   * `advance`/`set` has moved time past the deadline (no real sleeping). Rejects with the signal's reason on abort.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The instant a manual clock starts at by default: the `Date` header of the service documentation's sample response,
 * `Mon, 28 Jun 2022 15:23:12 GMT`.
 *
 * @example
 * ```ts
 * import { DEFAULT_MANUAL_START, manualClock } from "@cibatch/testing-fakes";
 * manualClock().now() === DEFAULT_MANUAL_START; // true
 * ```
 */
export const DEFAULT_MANUAL_START: number = Date.UTC(2022, 5, 28, 15, 23, 12);

function checkMs(what: string, ms: number): void {
  if (!Number.isFinite(ms)) throw new FakeCiError("InvalidOption", `${what} must be a finite number of milliseconds`);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/**
 * A clock that only moves when `advance` or `set` is called: tests run without real sleeping.
 *
 * @param start - initial time, epoch ms or a `Date` (default {@link DEFAULT_MANUAL_START})
 * @example
 * ```ts
 * import { manualClock } from "@cibatch/testing-fakes";
 * const clock = manualClock(new Date("2024-05-01T00:00:00Z"));
 * const slept = clock.sleep(1000);
 * clock.advance(1000); // resolves `slept`
 * await slept;
 * ```
 */
export function manualClock(start: number | Date = DEFAULT_MANUAL_START): FakeClock {
  let current = typeof start === "number" ? start : start.getTime();
  checkMs("manualClock start", current);
  const waiters = new Set<{ at: number; wake: () => void }>();
  const wakeDue = (): void => {
    for (const waiter of [...waiters]) {
      if (waiter.at <= current) {
        waiters.delete(waiter);
        waiter.wake();
      }
    }
  };
  return {
    kind: "manual",
    now: () => current,
    advance(ms: number): void {
      checkMs("advance", ms);
      if (ms < 0) throw new FakeCiError("InvalidOption", `advance(${ms}): time only moves forward; use set() to jump`);
      current += ms;
      wakeDue();
    },
    set(epochMs: number): void {
      checkMs("set", epochMs);
      current = epochMs;
      wakeDue();
    },
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      checkMs("sleep", ms);
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const waiter = {
          at: current + ms,
          wake: (): void => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          waiters.delete(waiter);
          reject(abortReason(signal as AbortSignal));
        };
        signal?.addEventListener("abort", onAbort, { once: true });
        waiters.add(waiter);
      });
    },
  };
}

/**
 * The system clock, shiftable: `advance` and `set` change an offset, so a test can still move a real-time fake
 * forward (e.g. past a signature's expiry). The default clock of {@link createFakeCi}.
 *
 * @param now - the time source to follow (default `Date.now`)
 * @example
 * ```ts
 * import { realClock } from "@cibatch/testing-fakes";
 * const clock = realClock();
 * clock.advance(3_600_000); // the fake now lives one hour ahead
 * ```
 */
export function realClock(now: () => number = () => Date.now()): FakeClock {
  let offset = 0;
  return {
    kind: "real",
    now: () => now() + offset,
    advance(ms: number): void {
      checkMs("advance", ms);
      if (ms < 0) throw new FakeCiError("InvalidOption", `advance(${ms}): time only moves forward; use set() to jump`);
      offset += ms;
    },
    set(epochMs: number): void {
      checkMs("set", epochMs);
      offset = epochMs - now();
    },
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      checkMs("sleep", ms);
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(abortReason(signal as AbortSignal));
        };
        const timer = setTimeout(
          () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          Math.max(0, ms),
        );
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
}
