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
 * Why a response body could not be used:
 *
 * - `EMPTY_BODY`: a body was required (create, describe, list) but none came;
 * - `NOT_XML`: the body is not XML (an HTML error page, plain text, JSON) or `Content-Type` lacks `xml`;
 * - `MALFORMED_XML`: the body is not well-formed XML, or has a `<!DOCTYPE`;
 * - `TRUNCATED`: the body ended early (fewer bytes than `Content-Length`, or aborted mid-stream);
 * - `TOO_LARGE`: the body exceeded the size cap (1 MiB create/describe, 4 MiB list page, 64 KiB error);
 * - `UNEXPECTED_CONTENT`: well-formed XML with the wrong root or shape.
 *
 * @example
 * ```ts
 * import type { CiResponseErrorCode } from "@cibatch/ci-client";
 *
 * const code: CiResponseErrorCode = "TRUNCATED";
 * ```
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
 * Options of the {@link CiResponseError} constructor.
 *
 * @example
 * ```ts
 * import { CiResponseError, type CiResponseErrorOptions } from "@cibatch/ci-client";
 *
 * const options: CiResponseErrorOptions = {
 *   code: "NOT_XML",
 *   status: 200,
 *   contentType: "text/html",
 *   body: "<html><body>hello</body></html>",
 *   retryable: true,
 *   attempts: 1,
 * };
 * const error = new CiResponseError(options);
 * ```
 * @public
 */
export interface CiResponseErrorOptions {
  /** Why the body could not be used. */
  readonly code: CiResponseErrorCode;
  /** The HTTP status. */
  readonly status: number;
  /** `x-ci-request-id`, if the response had one. */
  readonly requestId?: string | undefined;
  /** The response `Content-Type`. */
  readonly contentType?: string | undefined;
  /** The body text read so far; only a redacted excerpt of about 200 characters is kept. */
  readonly body?: string | undefined;
  /** For `TOO_LARGE`: the cap in bytes. */
  readonly limitBytes?: number | undefined;
  /** A precise description (a validator's `line`/`col`, the root found, …); not redacted, so no body text. */
  readonly detail?: string | undefined;
  /** Whether trying again later could succeed. */
  readonly retryable: boolean;
  /** How many attempts were made. */
  readonly attempts: number;
  /** The request, redacted when the error is built. */
  readonly request?: FailedRequest | undefined;
  /** The underlying error (an `XmlModelError`, a stream error, …). */
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
 *
 * @example
 * ```ts
 * import { isCiResponseError } from "@cibatch/ci-client";
 *
 * function report(error: unknown): void {
 *   if (isCiResponseError(error)) console.error(error.code, error.status, error.excerpt);
 * }
 * ```
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
 *
 * @example
 * ```ts
 * import { CiResponseError, isCiResponseError } from "@cibatch/ci-client";
 *
 * isCiResponseError(new CiResponseError({ code: "EMPTY_BODY", status: 200, retryable: true, attempts: 1 })); // true
 * ```
 * @public
 */
export function isCiResponseError(value: unknown): value is CiResponseError {
  return isCiError(value) && value.name === "CiResponseError";
}
