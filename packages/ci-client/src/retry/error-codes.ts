// The service error codes and network error codes the retry classification knows (reliability
// §1.1). Service codes are compared exactly (they are case-sensitive identifiers); network codes
// are the `code` of Node / undici errors.

/**
 * `<Code>` values that mean "slow down": retried with the throttling base delay, and safe to
 * resend for a create (a coded refusal: the server did not act).
 *
 * @example
 * ```ts
 * import { THROTTLING_CODES } from "./error-codes.js";
 *
 * THROTTLING_CODES.has("SlowDown"); // true
 * ```
 * @internal
 */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "SlowDown",
  "QueueSaturated",
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestThrottled",
  "BandwidthLimitExceeded",
]);

/**
 * `<Code>` values of transient server-side failures.
 *
 * @example
 * ```ts
 * import { TRANSIENT_CODES } from "./error-codes.js";
 *
 * TRANSIENT_CODES.has("InternalError"); // true
 * ```
 * @internal
 */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  "ServiceUnavailable",
  "InternalError",
  "RequestTimeout",
  "RequestTimeoutException",
]);

/**
 * HTTP statuses that are transient when the body carries no known `<Code>`.
 *
 * @example
 * ```ts
 * import { TRANSIENT_STATUSES } from "./error-codes.js";
 *
 * TRANSIENT_STATUSES.has(502); // true
 * ```
 * @internal
 */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 500, 502, 503, 504]);

/**
 * `<Code>` values that always mean "the signing time was wrong" (a retry still needs the
 * per-request skew check of reliability §4).
 *
 * @example
 * ```ts
 * import { CLOCK_SKEW_CODES } from "./error-codes.js";
 *
 * CLOCK_SKEW_CODES.has("RequestTimeTooSkewed"); // true
 * ```
 * @internal
 */
export const CLOCK_SKEW_CODES: ReadonlySet<string> = new Set(["RequestTimeTooSkewed", "SignatureExpired"]);

/**
 * `<Code>` values that are final whatever the status (checked before the status fallback).
 *
 * @example
 * ```ts
 * import { NOT_RETRYABLE_CODES } from "./error-codes.js";
 *
 * NOT_RETRYABLE_CODES.has("InvalidArgument"); // true
 * ```
 * @internal
 */
export const NOT_RETRYABLE_CODES: ReadonlySet<string> = new Set([
  "InvalidArgument",
  "AccessDenied",
  "InvalidAccessKeyId",
  "SecretidNotExist",
  "InvalidContent",
  "MissingContent",
  "MissingContentLength",
  "InvalidHost",
  "InvalidUrl",
  "MissingAuthorization",
  "InvalidAuthorization",
  "SignatureDoesNotMatch",
  "NotImplemented",
  "NoSuchBucket",
  "MalformedXML",
  "MethodNotAllowed",
  "PermanentRedirect",
  "TemporaryRedirect",
  "UnavailableForLegalReasons",
]);

/**
 * Network error codes raised before the request could reach the server (connection refused,
 * DNS failure, connect timeout, TLS handshake failure): safe to resend, even a create.
 *
 * @example
 * ```ts
 * import { NETWORK_BEFORE_CONNECT_CODES } from "./error-codes.js";
 *
 * NETWORK_BEFORE_CONNECT_CODES.has("ECONNREFUSED"); // true
 * ```
 * @internal
 */
export const NETWORK_BEFORE_CONNECT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_HANDSHAKE_TIMEOUT",
  "EPROTO",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE",
]);

/**
 * Network error codes raised after the connection was made: the request may have reached the
 * server. Retried for reads and cancels; a create is reconciled instead.
 *
 * @example
 * ```ts
 * import { NETWORK_AFTER_CONNECT_CODES } from "./error-codes.js";
 *
 * NETWORK_AFTER_CONNECT_CODES.has("ECONNRESET"); // true
 * ```
 * @internal
 */
export const NETWORK_AFTER_CONNECT_CODES: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_ABORTED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_RES_CONTENT_LENGTH_MISMATCH",
  "ERR_STREAM_PREMATURE_CLOSE",
  "NGHTTP2_REFUSED_STREAM",
]);

/**
 * Network error codes that are timeouts: a retry after one costs the higher quota price.
 *
 * @example
 * ```ts
 * import { TIMEOUT_CODES } from "./error-codes.js";
 *
 * TIMEOUT_CODES.has("ETIMEDOUT"); // true
 * ```
 * @internal
 */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ERR_TLS_HANDSHAKE_TIMEOUT",
]);

/**
 * TLS certificate verification failures: the certificate will not change on a retry, so they
 * are final (the handshake-level failures above are retried).
 *
 * @example
 * ```ts
 * import { CERTIFICATE_CODES } from "./error-codes.js";
 *
 * CERTIFICATE_CODES.has("CERT_HAS_EXPIRED"); // true
 * ```
 * @internal
 */
export const CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
