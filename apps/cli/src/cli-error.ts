/**
 * What went wrong in the CLI itself (not in the service): a usage error, missing configuration, a job that failed.
 *
 * @example
 * ```ts
 * import type { CliErrorCode } from "@cibatch/cli";
 * const code: CliErrorCode = "USAGE";
 * ```
 */
export type CliErrorCode =
  | "USAGE"
  | "CONFIG"
  | "NOT_FOUND"
  | "UNAVAILABLE"
  | "WAIT_TIMEOUT"
  | "JOB_FAILED"
  | "DECLINED"
  | "INTERRUPTED"
  | "FAILURE";

const EXIT_BY_CODE: Readonly<Record<CliErrorCode, number>> = {
  USAGE: 2,
  CONFIG: 3,
  NOT_FOUND: 7,
  UNAVAILABLE: 6,
  WAIT_TIMEOUT: 8,
  JOB_FAILED: 9,
  DECLINED: 12,
  INTERRUPTED: 130,
  FAILURE: 1,
};

/**
 * The CLI's own error: a `code`, the exit status it maps to, and a message that says what to do next.
 *
 * @example
 * ```ts
 * import { CliError } from "@cibatch/cli";
 * throw new CliError("USAGE", "--page-size must be 1..100, got 500");
 * ```
 */
export class CliError extends Error {
  /** Always `"CliError"`. */
  override readonly name = "CliError" as const;
  /** Why it was thrown. */
  readonly code: CliErrorCode;
  /** The process exit status for this error. */
  readonly exitCode: number;

  /**
   * @param code - The kind of failure.
   * @param message - What was wrong and what to do.
   * @param options - The underlying error, if any.
   */
  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.exitCode = EXIT_BY_CODE[code];
  }
}

/**
 * Whether `value` is a {@link CliError} (also across copies of this package).
 *
 * @example
 * ```ts
 * import { isCliError } from "@cibatch/cli";
 * function exitCodeOf(error: unknown): number {
 *   return isCliError(error) ? error.exitCode : 1;
 * }
 * ```
 */
export function isCliError(value: unknown): value is CliError {
  return value instanceof Error && (value as { name?: unknown }).name === "CliError";
}
