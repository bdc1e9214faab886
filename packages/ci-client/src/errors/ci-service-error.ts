import { redactText } from "@cibatch/signer";
import { CiError, isCiError } from "./ci-error.js";
import { categoryOf, SERVICE_CODES } from "./code-table.js";
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
 * Options of the {@link CiServiceError} constructor; each field is documented on the class.
 * @public
 */
export interface CiServiceErrorOptions {
  readonly code: string;
  readonly status: number;
  readonly serverMessage?: string | undefined;
  readonly requestId?: string | undefined;
  readonly traceId?: string | undefined;
  readonly resource?: string | undefined;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly request?: FailedRequest | undefined;
  readonly body?: string | undefined;
  readonly cause?: unknown;
}

/** What to do about a service error: the code table's hint, else one by category and status. */
function hintFor(code: string, status: number, serverMessage: string | undefined): string {
  if (code === "AccessDenied" && /request has expired/i.test(serverMessage ?? ""))
    return "The signature's time window has passed: check the local clock and try again.";
  const hint = Object.hasOwn(SERVICE_CODES, code) ? SERVICE_CODES[code]?.hint : undefined;
  if (hint !== undefined) return hint;
  if (categoryOf(code, status) === "throttled")
    return "The service is throttling requests: retry later or lower the request rate.";
  if (status >= 500) return "The service had a problem: retry later, and quote the request id if it persists.";
  return "See the code and the request id in the service documentation or when contacting support.";
}

/**
 * The CI service answered with an error status (3xx, 4xx or 5xx). Carries the service's `code`
 * (`<Code>` of the XML error body, or `HTTP_<status>` when there was none), the HTTP `status`,
 * the ids to quote to support, and whether retrying later could help. The message says what to do.
 * Everything printable is redacted: the server message, the kept `body` excerpt and the `request`.
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
 * @public
 */
export function isCiServiceError(value: unknown): value is CiServiceError {
  return isCiError(value) && value.name === "CiServiceError";
}
