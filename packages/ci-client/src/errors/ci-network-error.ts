import { redactText } from "@cibatch/signer";
import { CiError, isCiError } from "./ci-error.js";
import { describeRequest, type FailedRequest, type RequestSummary, redactCause, summarizeRequest } from "./redact.js";

/**
 * Options of the {@link CiNetworkError} constructor; each field is documented on the class.
 * @public
 */
export interface CiNetworkErrorOptions {
  readonly code: string;
  readonly sent: boolean;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly request?: FailedRequest | undefined;
  readonly detail?: string | undefined;
  readonly cause?: unknown;
}

/**
 * No HTTP response arrived: the connection could not be made, or broke. `code` is the network
 * error code; `sent` says whether the request may have reached the server, which decides whether
 * a create may be resent.
 * @public
 */
export class CiNetworkError extends CiError {
  override readonly name = "CiNetworkError" as const;
  /** Whether the request may have reached the server. */
  readonly sent: boolean;
  /** Whether trying again later could succeed. */
  readonly retryable: boolean;
  /** How many attempts were made. */
  readonly attempts: number;
  /** The request, redacted. */
  declare readonly request?: RequestSummary;

  /**
   * @param options - The network code, whether the request was sent, and context.
   */
  constructor(options: CiNetworkErrorOptions) {
    const request = options.request === undefined ? undefined : summarizeRequest(options.request);
    const causeMessage =
      options.cause instanceof Error ? options.cause.message : options.cause === undefined ? "" : String(options.cause);
    const detail = redactText(options.detail ?? causeMessage);
    const message =
      `Network error ${options.code}${describeRequest(request)}${detail ? `: ${detail}` : ""}. ` +
      (options.sent ? "The request may have reached the server. " : "The request was not sent. ") +
      "Check the endpoint, DNS, proxy and network connection.";
    super(message, {
      code: options.code,
      category: "network",
      ...("cause" in options && { cause: redactCause(options.cause) }),
    });
    this.sent = options.sent;
    this.retryable = options.retryable;
    this.attempts = options.attempts;
    if (request !== undefined) this.request = request;
  }
}

/**
 * Whether `value` is a {@link CiNetworkError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"CiNetworkError"`.
 * @public
 */
export function isCiNetworkError(value: unknown): value is CiNetworkError {
  return isCiError(value) && value.name === "CiNetworkError";
}
