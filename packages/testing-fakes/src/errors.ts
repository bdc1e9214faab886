/**
 * Machine-readable reasons a {@link FakeCiError} is thrown.
 *
 * @example
 * ```ts
 * import type { FakeCiErrorCode } from "@cibatch/testing-fakes";
 * const code: FakeCiErrorCode = "JobNotFound";
 * ```
 */
export type FakeCiErrorCode =
  | "InvalidOption"
  | "InvalidTransition"
  | "JobNotFound"
  | "InvalidJob"
  | "InvalidFault"
  | "InvalidState"
  | "JournalAssertion"
  | "UsageError";

/**
 * The one error class of `@cibatch/testing-fakes`: a misuse of the fake's own API (bad option, impossible
 * transition, failed journal assertion). Errors the fake *answers* to HTTP clients are XML responses, not this.
 *
 * @example
 * ```ts
 * import { FakeCiError } from "@cibatch/testing-fakes";
 * try {
 *   throw new FakeCiError("JobNotFound", "no job b00 in bucket examplebucket-1250000000");
 * } catch (error) {
 *   if (error instanceof FakeCiError) console.log(error.code);
 * }
 * ```
 */
export class FakeCiError extends Error {
  /** Always `"FakeCiError"`. */
  override readonly name = "FakeCiError" as const;
  /** Why it was thrown. */
  readonly code: FakeCiErrorCode;

  /**
   * @param code - machine-readable reason
   * @param message - what was wrong and what to do
   * @param options - `cause`, kept as `error.cause`
   */
  constructor(code: FakeCiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Whether `value` is a {@link FakeCiError}, also across duplicate copies of this package.
 *
 * @example
 * ```ts
 * import { isFakeCiError } from "@cibatch/testing-fakes";
 * isFakeCiError(new Error("x")); // false
 * ```
 */
export function isFakeCiError(value: unknown): value is FakeCiError {
  return value instanceof Error && (value as { name?: unknown }).name === "FakeCiError";
}
