import {
  isAmbiguousCreateError,
  isCiAbortError,
  isCiNetworkError,
  isCiResponseError,
  isCiServiceError,
  isCiTimeoutError,
  isCredentialsError,
  isValidationError,
  redactText,
} from "@cibatch/ci-client";
import { isCliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";

/**
 * What the CLI says about a failure: the exit status and the fields of the JSON envelope.
 *
 * @example
 * ```ts
 * import type { ErrorReport } from "./classify-error.js";
 * const report: ErrorReport = { exitCode: 7, code: "NoSuchJob", message: "job b1 does not exist", retryable: false };
 * ```
 * @internal
 */
export interface ErrorReport {
  readonly exitCode: number;
  readonly code: string;
  /** One line, redacted, ending with what to do next. */
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly retryable: boolean;
}

/** Codes that mean the credentials or the signature were refused (exit 4). */
const AUTH_CODES: ReadonlySet<string> = new Set([
  "AccessDenied",
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId",
  "SecretidNotExist",
  "InvalidAuthorization",
  "MissingAuthorization",
  "SignatureExpired",
  "RequestTimeTooSkewed",
  "ExpiredToken",
]);

const THROTTLED = new Set([
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestThrottled",
  "BandwidthLimitExceeded",
  "QueueSaturated",
]);

function oneLine(text: string): string {
  return redactText(text)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

function serviceExit(code: string, status: number, serverMessage: string | undefined): number {
  if (AUTH_CODES.has(code)) return EXIT.AUTH;
  if (code === "NoSuchJob" || status === 404) return EXIT.NOT_FOUND;
  // The fake (api.md §13.2 OQ2) and possibly the service refuse to cancel an unknown job with InvalidArgument.
  if (code === "InvalidArgument" && /not exist/i.test(serverMessage ?? "")) return EXIT.NOT_FOUND;
  if (status === 429 || THROTTLED.has(code) || status >= 500) return EXIT.UNAVAILABLE;
  return EXIT.SERVICE;
}

/**
 * Maps any error to its exit status (cli.md §6) and a one-line message saying what to do next.
 *
 * @param error - What was thrown.
 * @returns The report.
 * @example
 * ```ts
 * import { classifyError } from "./classify-error.js";
 * import { CliError } from "../cli-error.js";
 * classifyError(new CliError("USAGE", "bad flag")).exitCode; // 2
 * ```
 * @internal
 */
export function classifyError(error: unknown): ErrorReport {
  if (isCliError(error))
    return { exitCode: error.exitCode, code: error.code, message: oneLine(error.message), retryable: false };
  if (isAmbiguousCreateError(error)) {
    return {
      exitCode: EXIT.AMBIGUOUS_CREATE,
      code: error.code,
      message: oneLine(error.message),
      requestId: error.requestId,
      retryable: false,
    };
  }
  if (isCiServiceError(error)) {
    return {
      exitCode: serviceExit(error.code, error.status, error.serverMessage),
      code: error.code,
      message: oneLine(error.message),
      requestId: error.requestId,
      httpStatus: error.status,
      retryable: error.retryable,
    };
  }
  if (isCiNetworkError(error) || isCiTimeoutError(error)) {
    return {
      exitCode: EXIT.UNAVAILABLE,
      code: error.code,
      message: `${oneLine(error.message)} Check --endpoint-url, the network and the timeouts (--cli-connect-timeout, --cli-read-timeout), then try again.`,
      retryable: true,
    };
  }
  if (isCiResponseError(error)) {
    return {
      exitCode: EXIT.UNAVAILABLE,
      code: error.code,
      message: oneLine(error.message),
      requestId: error.requestId,
      httpStatus: error.status,
      retryable: error.retryable,
    };
  }
  if (isCiAbortError(error))
    return { exitCode: EXIT.INTERRUPTED, code: "ABORTED", message: "interrupted", retryable: false };
  if (isCredentialsError(error)) {
    const message =
      error.code === "NO_CREDENTIALS"
        ? "no Tencent Cloud credentials found: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or add a profile with secret_id and secret_key to ~/.tencentcloud/credentials (chmod 600); `cibatch configure list` shows what was found"
        : oneLine(error.message);
    return { exitCode: EXIT.CONFIG, code: error.code, message, retryable: false };
  }
  if (isValidationError(error))
    return { exitCode: EXIT.USAGE, code: error.code, message: oneLine(error.message), retryable: false };
  const named = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (named?.name === "XmlModelError" || named?.name === "SignerError") {
    return {
      exitCode: EXIT.USAGE,
      code: String(named.code ?? "INVALID_INPUT"),
      message: oneLine(String(named.message)),
      retryable: false,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT.FAILURE,
    code: "UNEXPECTED",
    message: `unexpected error: ${oneLine(text)} (this is a bug: please report it with the --debug output)`,
    retryable: false,
  };
}
