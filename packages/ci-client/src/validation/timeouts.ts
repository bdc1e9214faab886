import { type InputProblem, ValidationError } from "../errors/validation-error.js";
import { describeValue } from "./describe-value.js";

/**
 * The timeouts of a client, in milliseconds (reliability §3). `0` disables one explicitly; there
 * is no silent "no timeout".
 *
 * @example
 * ```ts
 * import type { TimeoutOptions } from "@cibatch/ci-client";
 *
 * const timeouts: TimeoutOptions = { connectTimeoutMs: 2_000, attemptTimeoutMs: 10_000, deadlineMs: 0 };
 * ```
 * @public
 */
export interface TimeoutOptions {
  /**
   * TCP + TLS connection setup (CLI `--cli-connect-timeout`, in seconds there). Enforced when the
   * transport supports it, otherwise bounded by the attempt timeout.
   *
   * @defaultValue 5000
   */
  readonly connectTimeoutMs?: number | undefined;
  /**
   * One attempt, from sending the request to reading the whole body (CLI `--cli-read-timeout`).
   *
   * @defaultValue 30000
   */
  readonly attemptTimeoutMs?: number | undefined;
  /**
   * The whole call: every attempt, backoff sleep and reconciliation (CLI `--cli-total-timeout`).
   *
   * @defaultValue 120000
   */
  readonly deadlineMs?: number | undefined;
}

/**
 * The timeouts after defaults and checks; `null` means disabled (the option was `0`).
 *
 * @example
 * ```ts
 * import type { ResolvedTimeouts } from "./timeouts.js";
 *
 * const resolved: ResolvedTimeouts = { connectMs: 5_000, attemptMs: 30_000, totalMs: null };
 * ```
 * @internal
 */
export interface ResolvedTimeouts {
  /** Connect timeout in ms, or `null` when disabled. */
  readonly connectMs: number | null;
  /** Per-attempt timeout in ms, or `null` when disabled. */
  readonly attemptMs: number | null;
  /** Total deadline in ms, or `null` when disabled. */
  readonly totalMs: number | null;
}

/**
 * The default timeouts: connect 5 s, attempt 30 s, total 120 s.
 *
 * @example
 * ```ts
 * import { DEFAULT_TIMEOUTS } from "@cibatch/ci-client";
 *
 * console.log(`each attempt may take up to ${DEFAULT_TIMEOUTS.attemptTimeoutMs} ms`);
 * ```
 * @public
 */
export const DEFAULT_TIMEOUTS: Readonly<Required<{ [K in keyof TimeoutOptions]: number }>> = Object.freeze({
  connectTimeoutMs: 5_000,
  attemptTimeoutMs: 30_000,
  deadlineMs: 120_000,
});

/** The longest timer Node can set (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

function check(
  options: TimeoutOptions,
  key: keyof TimeoutOptions,
  path: string,
  problems: InputProblem[],
): number | null {
  const value: unknown = options[key];
  if (value === undefined) return DEFAULT_TIMEOUTS[key];
  if (typeof value !== "number" || Number.isNaN(value)) {
    problems.push({ path, message: `must be a number of milliseconds (0 disables it), got ${describeValue(value)}` });
    return null;
  }
  if (value < 0) {
    problems.push({ path, message: `must not be negative (0 disables it), got ${value}` });
    return null;
  }
  if (value > MAX_TIMER_MS) {
    problems.push({
      path,
      message: `must be at most ${MAX_TIMER_MS} ms (about 24.8 days); use 0 to disable it, got ${value}`,
    });
    return null;
  }
  return value === 0 ? null : value;
}

/**
 * Applies the defaults of reliability §3 and checks every timeout: a number of milliseconds,
 * `0` to disable, never negative, `NaN`, infinite or above 2^31 − 1 (Node would fire such a timer
 * at once). All problems are reported together.
 *
 * @param options - The timeouts as given (`undefined` fields take the defaults).
 * @param path - Prefix for problem paths (default `timeouts`).
 * @returns The resolved timeouts; `null` for a disabled one.
 * @throws {@link ValidationError} listing every invalid timeout.
 *
 * @example
 * ```ts
 * import { normalizeTimeouts } from "./timeouts.js";
 *
 * normalizeTimeouts({ deadlineMs: 0 }); // { connectMs: 5000, attemptMs: 30000, totalMs: null }
 * ```
 * @internal
 */
export function normalizeTimeouts(options: TimeoutOptions = {}, path = "timeouts"): ResolvedTimeouts {
  const problems: InputProblem[] = [];
  const connectMs = check(options, "connectTimeoutMs", `${path}.connectTimeoutMs`, problems);
  const attemptMs = check(options, "attemptTimeoutMs", `${path}.attemptTimeoutMs`, problems);
  const totalMs = check(options, "deadlineMs", `${path}.deadlineMs`, problems);
  if (problems.length > 0) throw new ValidationError({ problems });
  return Object.freeze({ connectMs, attemptMs, totalMs });
}
