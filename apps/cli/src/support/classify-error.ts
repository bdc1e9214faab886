import {
  type CiErrorCategory,
  isAmbiguousCreateError,
  isCiError,
  isCredentialsError,
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

/** The exit status of each error category of `@cibatch/ci-client`. */
const EXIT_BY_CATEGORY: Readonly<Record<CiErrorCategory, number>> = {
  auth: EXIT.AUTH,
  throttled: EXIT.UNAVAILABLE,
  network: EXIT.UNAVAILABLE,
  timeout: EXIT.UNAVAILABLE,
  "not-found": EXIT.NOT_FOUND,
  "invalid-input": EXIT.USAGE,
  service: EXIT.SERVICE,
  decode: EXIT.DECODE,
  "ambiguous-create": EXIT.AMBIGUOUS_CREATE,
  aborted: EXIT.INTERRUPTED,
};

function oneLine(text: string): string {
  return redactText(text)
    .replace(/\s*\n\s*/g, " ")
    .trim();
}

/** What to add to a message, by category. */
const ADVICE: Partial<Record<CiErrorCategory, string>> = {
  network:
    " Check --endpoint-url, the network and the timeouts (--cli-connect-timeout, --cli-read-timeout), then try again.",
  timeout:
    " Check --endpoint-url, the network and the timeouts (--cli-connect-timeout, --cli-read-timeout), then try again.",
};

/**
 * Maps any error to its exit status and a one-line message saying what to do next. A client error
 * maps by its `category`, a service 5xx counts as unavailable (6); a credentials error is a
 * configuration problem (3).
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
  if (isCiError(error)) {
    if (error.category === "aborted")
      return { exitCode: EXIT.INTERRUPTED, code: "ABORTED", message: "interrupted", retryable: false };
    const fields = error as { requestId?: unknown; status?: unknown; retryable?: unknown };
    const status = typeof fields.status === "number" ? fields.status : undefined;
    let exitCode = EXIT_BY_CATEGORY[error.category] ?? EXIT.FAILURE;
    let message = oneLine(error.message);
    if (isCredentialsError(error)) {
      exitCode = EXIT.CONFIG;
      if (error.code === "NO_CREDENTIALS") {
        message =
          "no Tencent Cloud credentials found: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or add a profile with secret_id and secret_key to ~/.tencentcloud/credentials (chmod 600); `cibatch configure list` shows what was found";
      }
    } else if (error.category === "service" && status !== undefined && status >= 500) {
      exitCode = EXIT.UNAVAILABLE;
    }
    message += ADVICE[error.category] ?? "";
    return {
      exitCode,
      code: error.code,
      message,
      ...(typeof fields.requestId === "string" && { requestId: fields.requestId }),
      ...(status !== undefined && status > 0 && { httpStatus: status }),
      retryable: isAmbiguousCreateError(error)
        ? false
        : typeof fields.retryable === "boolean"
          ? fields.retryable
          : error.category === "network" || error.category === "timeout",
    };
  }
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
