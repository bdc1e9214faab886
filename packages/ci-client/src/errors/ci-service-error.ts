import { redactText } from "@cibatch/signer";
import { CiError, isCiError } from "./ci-error.js";
import { categoryOf } from "./code-table.js";
import {
  describeRequest,
  type FailedRequest,
  type RequestSummary,
  redactCause,
  redactedExcerpt,
  summarizeRequest,
} from "./redact.js";

/** How much of the raw error body a {@link CiServiceError} keeps for debugging. */
const MAX_ERROR_BODY = 1024;

/**
 * Options of the {@link CiServiceError} constructor: what the service answered.
 *
 * @example
 * ```ts
 * import { CiServiceError, type CiServiceErrorOptions } from "@cibatch/ci-client";
 *
 * const options: CiServiceErrorOptions = {
 *   code: "AccessDenied",
 *   status: 403,
 *   serverMessage: "Access Denied.",
 *   requestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
 *   retryable: false,
 *   attempts: 1,
 * };
 * const error = new CiServiceError(options);
 * ```
 * @public
 */
export interface CiServiceErrorOptions {
  /** The `<Code>` of the XML error body, or `HTTP_<status>` when the response had none. */
  readonly code: string;
  /** The HTTP status. */
  readonly status: number;
  /** The `<Message>` of the error body, if any. */
  readonly serverMessage?: string | undefined;
  /** `x-ci-request-id` or `<RequestId>`. */
  readonly requestId?: string | undefined;
  /** `x-ci-trace-id` or `<TraceId>`. */
  readonly traceId?: string | undefined;
  /** `<Resource>` (COS-style error bodies). */
  readonly resource?: string | undefined;
  /** Whether trying again later could succeed (the retry policy's verdict for this class of error). */
  readonly retryable: boolean;
  /** How many attempts were made, this one included. */
  readonly attempts: number;
  /** The request, redacted when the error is built. */
  readonly request?: FailedRequest | undefined;
  /** The raw error body; a redacted excerpt of at most 1 KiB is kept as `body`. */
  readonly body?: string | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/** What to do about a service error, by code first and status second. */
function hintFor(code: string, status: number, serverMessage: string | undefined): string {
  switch (code) {
    case "SignatureDoesNotMatch":
    case "InvalidAuthorization":
      return "The signature was rejected: check the SecretKey, and compare the signed values with `cibatch sign`.";
    case "InvalidAccessKeyId":
    case "SecretidNotExist":
      return "The SecretId is unknown: check TENCENTCLOUD_SECRET_ID or the credentials profile.";
    case "MissingAuthorization":
      return "The request was not signed: configure credentials.";
    case "RequestTimeTooSkewed":
    case "SignatureExpired":
      return "The local clock differs from the server's: synchronise it (NTP) and try again.";
    case "ExpiredToken":
      return "The temporary credentials have expired: refresh them and try again.";
    case "AccessDenied":
      return /request has expired/i.test(serverMessage ?? "")
        ? "The signature's time window has passed: check the local clock and try again."
        : "Check that the credentials' CAM policy allows this ci: action on the bucket.";
    case "InvalidArgument":
    case "InvalidContent":
    case "MissingContent":
      return "The service rejected the request's content: check the parameters named in the message.";
    case "InvalidHost":
    case "NoSuchBucket":
      return "Check the bucket (<BucketName-APPID>) and region.";
    default:
      if (categoryOf(code, status) === "throttled")
        return "The service is throttling requests: retry later or lower the request rate.";
      if (status >= 500) return "The service had a problem: retry later, and quote the request id if it persists.";
      return "See the code and the request id in the service documentation or when contacting support.";
  }
}

/**
 * The CI service answered with an error status (3xx, 4xx or 5xx). Carries the service's `code`
 * (`<Code>` of the XML error body, or `HTTP_<status>` when there was none), the HTTP `status`,
 * the ids to quote to support, and whether retrying later could help. The message says what to do.
 * Everything printable is redacted: the server message, the kept `body` excerpt and the `request`.
 *
 * @example
 * ```ts
 * import { isCiServiceError } from "@cibatch/ci-client";
 *
 * function report(error: unknown): void {
 *   if (isCiServiceError(error)) console.error(error.status, error.code, error.requestId, error.retryable);
 * }
 * ```
 * @public
 */
export class CiServiceError extends CiError {
  override readonly name = "CiServiceError" as const;
  /** The HTTP status. */
  readonly status: number;
  /** Whether retrying later could succeed. */
  readonly retryable: boolean;
  /** How many attempts were made. */
  readonly attempts: number;
  /** The service's `<Message>`, redacted. */
  declare readonly serverMessage?: string;
  /** `x-ci-request-id` or `<RequestId>`. */
  declare readonly requestId?: string;
  /** `x-ci-trace-id` or `<TraceId>`. */
  declare readonly traceId?: string;
  /** `<Resource>`, when the body had one. */
  declare readonly resource?: string;
  /** The request, redacted. */
  declare readonly request?: RequestSummary;
  /** A redacted excerpt (at most 1 KiB) of the raw error body. */
  declare readonly body?: string;

  /**
   * @param options - What the service answered; the message is composed from it.
   */
  constructor(options: CiServiceErrorOptions) {
    const serverMessage = options.serverMessage === undefined ? undefined : redactText(options.serverMessage);
    const request = options.request === undefined ? undefined : summarizeRequest(options.request);
    const ids = [
      options.requestId === undefined ? "" : `request id ${options.requestId}`,
      options.traceId === undefined ? "" : `trace id ${options.traceId}`,
    ].filter(Boolean);
    const message =
      `${options.code} (HTTP ${options.status})${describeRequest(request)}` +
      `${serverMessage ? `: ${serverMessage}` : ""}` +
      `${ids.length > 0 ? ` [${ids.join(", ")}]` : ""}. ` +
      hintFor(options.code, options.status, serverMessage);
    super(message, {
      code: options.code,
      category: categoryOf(options.code, options.status, options.serverMessage),
      ...("cause" in options && { cause: redactCause(options.cause) }),
    });
    this.status = options.status;
    this.retryable = options.retryable;
    this.attempts = options.attempts;
    if (serverMessage !== undefined) this.serverMessage = serverMessage;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.traceId !== undefined) this.traceId = options.traceId;
    if (options.resource !== undefined) this.resource = redactText(options.resource);
    if (request !== undefined) this.request = request;
    if (options.body !== undefined) this.body = redactedExcerpt(options.body, MAX_ERROR_BODY);
  }
}

/**
 * Whether `value` is a {@link CiServiceError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"CiServiceError"`.
 *
 * @example
 * ```ts
 * import { CiServiceError, isCiServiceError } from "@cibatch/ci-client";
 *
 * isCiServiceError(new CiServiceError({ code: "SlowDown", status: 429, retryable: true, attempts: 3 })); // true
 * isCiServiceError(new Error("x")); // false
 * ```
 * @public
 */
export function isCiServiceError(value: unknown): value is CiServiceError {
  return isCiError(value) && value.name === "CiServiceError";
}
