/**
 * What a failure means to a caller, the same word for every error class: `CiError.category`.
 * Pick a reaction from it (exit code, alert, retry later) instead of comparing codes.
 *
 * | category | when |
 * |---|---|
 * | `auth` | credentials, signature or permission refused; credentials missing |
 * | `throttled` | the service asked to slow down |
 * | `not-found` | the job or bucket does not exist |
 * | `invalid-input` | the caller's input was refused: checked before sending, or a malformed request the service refused |
 * | `service` | any other refusal or failure of the service (other 4xx such as `InvalidArgument`, 5xx, a redirect) |
 * | `network` | the connection failed |
 * | `timeout` | a per-attempt or total deadline passed |
 * | `decode` | the service's answer could not be read |
 * | `ambiguous-create` | a create may or may not have happened |
 * | `aborted` | the caller's signal stopped the call |
 *
 * @public
 */
export type CiErrorCategory =
  | "auth"
  | "throttled"
  | "not-found"
  | "invalid-input"
  | "service"
  | "network"
  | "timeout"
  | "decode"
  | "ambiguous-create"
  | "aborted";

/**
 * How the retry policy treats a service `<Code>`: `throttling` and `transient` are retried (a
 * throttled create is resent: a coded refusal means the service did not act), `skew` once when the
 * signing time was off, `expired-credentials` once after a refresh, `none` never.
 * @internal
 */
export type CodeRetry = "throttling" | "transient" | "skew" | "expired-credentials" | "none";

/** One row of {@link SERVICE_CODES}. @internal */
export interface CodeRow {
  /** What the code means to a caller. */
  readonly category: CiErrorCategory;
  /** How the retry policy treats it. */
  readonly retry: CodeRetry;
  /** What to do about it, for the error message. */
  readonly hint?: string | undefined;
}

const row = (category: CiErrorCategory, retry: CodeRetry = "none", hint?: string): CodeRow => ({
  category,
  retry,
  hint,
});
const THROTTLED = row("throttled", "throttling");
const TRANSIENT = row("service", "transient");
const SKEW = row("auth", "skew", "The local clock differs from the server's: synchronise it (NTP) and try again.");
const SIGNATURE = row(
  "auth",
  "none",
  "The signature was rejected: check the SecretKey, and compare the signed values with `cibatch sign`.",
);
const UNKNOWN_ID = row(
  "auth",
  "none",
  "The SecretId is unknown: check TENCENTCLOUD_SECRET_ID or the credentials profile.",
);
const CONTENT = row(
  "invalid-input",
  "none",
  "The service rejected the request's content: check the parameters named in the message.",
);
const WHERE = "Check the bucket (<BucketName-APPID>) and region.";
const INPUT = row("invalid-input");

/**
 * The one table of service error codes: every `<Code>` the client knows, with its category and
 * its retry rule. A code not listed here is judged by its HTTP status ({@link categoryOfStatus}).
 * @internal
 */
export const SERVICE_CODES: Readonly<Record<string, CodeRow>> = Object.freeze({
  SlowDown: THROTTLED,
  QueueSaturated: THROTTLED,
  Throttling: THROTTLED,
  ThrottlingException: THROTTLED,
  RequestLimitExceeded: THROTTLED,
  TooManyRequestsException: THROTTLED,
  RequestThrottled: THROTTLED,
  BandwidthLimitExceeded: THROTTLED,
  ServiceUnavailable: TRANSIENT,
  InternalError: TRANSIENT,
  RequestTimeout: TRANSIENT,
  RequestTimeoutException: TRANSIENT,
  RequestTimeTooSkewed: SKEW,
  SignatureExpired: SKEW,
  ExpiredToken: row(
    "auth",
    "expired-credentials",
    "The temporary credentials have expired: refresh them and try again.",
  ),
  AccessDenied: row("auth", "none", "Check that the credentials' CAM policy allows this ci: action on the bucket."),
  InvalidAccessKeyId: UNKNOWN_ID,
  SecretidNotExist: UNKNOWN_ID,
  SignatureDoesNotMatch: SIGNATURE,
  MissingAuthorization: row("auth", "none", "The request was not signed: configure credentials."),
  InvalidAuthorization: SIGNATURE,
  NoSuchJob: row("not-found"),
  NoSuchBucket: row("not-found", "none", WHERE),
  InvalidArgument: row("service", "none", CONTENT.hint),
  InvalidContent: CONTENT,
  MissingContent: CONTENT,
  MissingContentLength: INPUT,
  MalformedXML: INPUT,
  InvalidHost: row("invalid-input", "none", WHERE),
  InvalidUrl: INPUT,
  MethodNotAllowed: INPUT,
  NotImplemented: row("service"),
  PermanentRedirect: row("service"),
  TemporaryRedirect: row("service"),
  UnexpectedRedirect: row("service"),
  UnavailableForLegalReasons: row("service"),
});

/** The category of an HTTP status without a known `<Code>`. @internal */
export function categoryOfStatus(status: number): CiErrorCategory {
  if (status === 429) return "throttled";
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not-found";
  return "service";
}

/**
 * The category of a service answer: by its `<Code>` when the table knows it, else by status. One
 * refinement: the service refuses an unknown job id with `InvalidArgument` and a message saying it
 * does not exist, which is `not-found`.
 * @internal
 */
export function categoryOf(code: string, status: number, message?: string): CiErrorCategory {
  if (code === "InvalidArgument" && /not exist/i.test(message ?? "")) return "not-found";
  return Object.hasOwn(SERVICE_CODES, code) ? (SERVICE_CODES[code] as CodeRow).category : categoryOfStatus(status);
}

/** Network error codes (Node, undici) that mean nothing reached the server. @internal */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
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

/** Certificate failures: nothing was sent, and a retry cannot help. @internal */
export const CERTIFICATE_CODES: ReadonlySet<string> = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
