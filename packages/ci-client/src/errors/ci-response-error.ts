import { CiError, isCiError } from "./ci-error.js";
import {
  describeRequest,
  type FailedRequest,
  type RequestSummary,
  redactCause,
  redactedExcerpt,
  summarizeRequest,
} from "./redact.js";

/** The longest body excerpt a {@link CiResponseError} keeps. */
const MAX_EXCERPT = 200;

/**
 * Why a response body could not be used: `EMPTY_BODY` (none where the API returns XML), `NOT_XML`
 * (an HTML page, plain text, or a `Content-Type` without `xml`), `MALFORMED_XML`, `TRUNCATED` (cut
 * short: the only one that is retried, category `network`), `TOO_LARGE` (over the cap: 1 MiB for
 * create and describe, 4 MiB for a list page, 64 KiB for an error), `UNEXPECTED_CONTENT` (well-formed
 * XML of the wrong root or shape).
 * @public
 */
export type CiResponseErrorCode =
  | "EMPTY_BODY"
  | "NOT_XML"
  | "MALFORMED_XML"
  | "TRUNCATED"
  | "TOO_LARGE"
  | "UNEXPECTED_CONTENT";

/**
 * Options of the {@link CiResponseError} constructor; each field is documented on the class.
 * @public
 */
export interface CiResponseErrorOptions {
  readonly code: CiResponseErrorCode;
  readonly status: number;
  readonly requestId?: string | undefined;
  readonly contentType?: string | undefined;
  readonly body?: string | undefined;
  readonly limitBytes?: number | undefined;
  readonly detail?: string | undefined;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly request?: FailedRequest | undefined;
  readonly cause?: unknown;
}

const WHAT: Readonly<Record<CiResponseErrorCode, string>> = {
  EMPTY_BODY: "an empty body where the API returns XML",
  NOT_XML: "a body that is not XML",
  MALFORMED_XML: "malformed XML",
  TRUNCATED: "a truncated body",
  TOO_LARGE: "a body larger than the size cap",
  UNEXPECTED_CONTENT: "XML of an unexpected shape",
};

/**
 * The service (or something between it and us: a proxy, a load balancer) answered with a body
 * this client cannot use. Keeps the `status`, the `requestId`, the `contentType` and a redacted
 * `excerpt` of the body (about 200 characters) for debugging.
 * @public
 */
export class CiResponseError extends CiError {
  override readonly name = "CiResponseError" as const;
  /** Why the body could not be used. */
  override readonly code: CiResponseErrorCode;
  /** The HTTP status. */
  readonly status: number;
  /** A redacted, single-line excerpt of the body (empty when there was none). */
  readonly excerpt: string;
  /** Whether trying again later could succeed. */
  readonly retryable: boolean;
  /** How many attempts were made. */
  readonly attempts: number;
  /** `x-ci-request-id`, if any. */
  declare readonly requestId?: string;
  /** The response `Content-Type`, if any. */
  declare readonly contentType?: string;
  /** For `TOO_LARGE`: the cap in bytes. */
  declare readonly limitBytes?: number;
  /** The request, redacted. */
  declare readonly request?: RequestSummary;

  /**
   * @param options - What was wrong with the body, and context.
   */
  constructor(options: CiResponseErrorOptions) {
    const request = options.request === undefined ? undefined : summarizeRequest(options.request);
    const excerpt = options.body === undefined ? "" : redactedExcerpt(options.body, MAX_EXCERPT);
    const facts = [
      options.contentType === undefined ? "" : `Content-Type ${options.contentType}`,
      options.limitBytes === undefined ? "" : `cap ${options.limitBytes} bytes`,
      options.requestId === undefined ? "" : `request id ${options.requestId}`,
    ].filter(Boolean);
    const message =
      `HTTP ${options.status} with ${WHAT[options.code]}${describeRequest(request)}` +
      `${options.detail ? ` (${options.detail})` : ""}${facts.length > 0 ? ` [${facts.join(", ")}]` : ""}` +
      `${excerpt ? `; body starts: ${excerpt}` : ""}. ` +
      "Check that the endpoint is the CI service and not a proxy or another host; retry later if it persists.";
    super(message, {
      code: options.code,
      // A cut-short body is a connection that broke; anything else is an answer that could not be read.
      category: options.code === "TRUNCATED" ? "network" : "decode",
      ...("cause" in options && { cause: redactCause(options.cause) }),
    });
    this.code = options.code;
    this.status = options.status;
    this.excerpt = excerpt;
    this.retryable = options.retryable;
    this.attempts = options.attempts;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.contentType !== undefined) this.contentType = options.contentType;
    if (options.limitBytes !== undefined) this.limitBytes = options.limitBytes;
    if (request !== undefined) this.request = request;
  }
}

/**
 * Whether `value` is a {@link CiResponseError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"CiResponseError"`.
 * @public
 */
export function isCiResponseError(value: unknown): value is CiResponseError {
  return isCiError(value) && value.name === "CiResponseError";
}
