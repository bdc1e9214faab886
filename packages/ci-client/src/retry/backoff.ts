import { MAX_BACKOFF_MS } from "./constants.js";

/**
 * A source of random numbers in `[0, 1)`, like `Math.random`.
 *
 * @example
 * ```ts
 * import type { Random } from "./backoff.js";
 *
 * const half: Random = () => 0.5;
 * ```
 * @internal
 */
export type Random = () => number;

/**
 * The full-jitter backoff of reliability §1:
 * `floor(random() × min(base × 2^(retry − 1), cap))`.
 *
 * `random()` values outside `[0, 1)` (or `NaN`) are clamped into it, so a bad source can never
 * produce a negative delay or one above the cap.
 *
 * @param retry - Which retry this is: 1 for the first retry (after the first attempt failed).
 * @param baseMs - 100 for transient failures, 500 for throttling.
 * @param random - The injected random source.
 * @param capMs - The ceiling before jitter (default 20 s).
 * @returns The delay in whole milliseconds, in `[0, min(base × 2^(retry − 1), cap))`.
 *
 * @example
 * ```ts
 * import { fullJitterBackoff } from "./backoff.js";
 *
 * fullJitterBackoff(3, 100, () => 0.5); // floor(0.5 × 400) = 200
 * ```
 * @internal
 */
export function fullJitterBackoff(
  retry: number,
  baseMs: number,
  random: Random,
  capMs: number = MAX_BACKOFF_MS,
): number {
  const exponent = Math.max(0, Math.floor(retry) - 1);
  // 2^exponent overflows to Infinity for huge retries; min() with the cap keeps it finite.
  const ceiling = Math.min(baseMs * 2 ** exponent, capMs);
  const r = random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
  return Math.floor(unit * ceiling);
}
