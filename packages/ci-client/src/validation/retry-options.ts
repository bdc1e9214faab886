import { ValidationError } from "../errors/validation-error.js";
import { DEFAULT_MAX_ATTEMPTS } from "../retry/constants.js";
import { describeValue } from "./describe-value.js";

/**
 * Retry options of the client.
 *
 * @example
 * ```ts
 * import type { RetryOptions } from "@cibatch/ci-client";
 *
 * const retry: RetryOptions = { maxAttempts: 5 };
 * ```
 * @public
 */
export interface RetryOptions {
  /**
   * Attempts per request, the first try included: a whole number ≥ 1; `1` disables retries.
   *
   * @defaultValue 3
   */
  readonly maxAttempts?: number | undefined;
}

/**
 * Checks `maxAttempts` (a whole number ≥ 1) and applies the default of 3.
 *
 * @param value - The option as given.
 * @param path - The option's path for the error (default `maxAttempts`).
 * @returns The attempt limit.
 * @throws {@link ValidationError} for anything else (`0`, `-1`, `2.5`, `NaN`, `Infinity`, a string).
 *
 * @example
 * ```ts
 * import { normalizeMaxAttempts } from "./retry-options.js";
 *
 * normalizeMaxAttempts(undefined); // 3
 * normalizeMaxAttempts(1); // 1: no retries
 * ```
 * @internal
 */
export function normalizeMaxAttempts(value: unknown, path = "maxAttempts"): number {
  if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError({
      problems: [
        { path, message: `must be a whole number of at least 1 (1 disables retries), got ${describeValue(value)}` },
      ],
    });
  }
  return value;
}
