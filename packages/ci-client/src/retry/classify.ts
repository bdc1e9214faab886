import { isCiNetworkError } from "../errors/ci-network-error.js";
import { isCiResponseError } from "../errors/ci-response-error.js";
import { isCiServiceError } from "../errors/ci-service-error.js";
import { isCiTimeoutError } from "../errors/ci-timeout-error.js";
import { MAX_CAUSE_DEPTH } from "./constants.js";
import {
  CERTIFICATE_CODES,
  CLOCK_SKEW_CODES,
  NETWORK_AFTER_CONNECT_CODES,
  NETWORK_BEFORE_CONNECT_CODES,
  NOT_RETRYABLE_CODES,
  THROTTLING_CODES,
  TIMEOUT_CODES,
  TRANSIENT_CODES,
  TRANSIENT_STATUSES,
} from "./error-codes.js";

/**
 * The classes of reliability §1.1 that the retry decision works from.
 *
 * @example
 * ```ts
 * import type { RetryClass } from "./classify.js";
 *
 * const retryClass: RetryClass = "network-before-connect";
 * ```
 * @internal
 */
export type RetryClass =
  | "throttling"
  | "transient-coded"
  | "network-before-connect"
  | "network-after-connect"
  | "clock-skew"
  | "credentials-expired"
  | "malformed-2xx"
  | "not-retryable";

/**
 * What one failed attempt produced:
 *
 * - `error-response`: an error status; `code`/`message` from the XML error body when it had one
 *   (`xmlBody: true`), and `skewed` from the per-request skew check (reliability §4);
 * - `malformed-response`: a 2xx whose body could not be used;
 * - `thrown`: an exception (network failure, timeout, abort, or one of our errors).
 *
 * @example
 * ```ts
 * import type { AttemptOutcome } from "./classify.js";
 *
 * const outcome: AttemptOutcome = { kind: "error-response", status: 503, code: "SlowDown", xmlBody: true };
 * ```
 * @internal
 */
export type AttemptOutcome =
  | {
      readonly kind: "error-response";
      readonly status: number;
      readonly code?: string | undefined;
      readonly message?: string | undefined;
      readonly xmlBody: boolean;
      readonly skewed?: boolean | undefined;
    }
  | { readonly kind: "malformed-response"; readonly status: number }
  | { readonly kind: "thrown"; readonly error: unknown };

/**
 * The verdict on one failed attempt.
 *
 * @example
 * ```ts
 * import type { Classification } from "./classify.js";
 *
 * const verdict: Classification = {
 *   retryClass: "throttling",
 *   serverDidNotAct: true,
 *   timeout: false,
 *   skewed: false,
 *   reason: "code SlowDown",
 * };
 * ```
 * @internal
 */
export interface Classification {
  /** The class of the failure. */
  readonly retryClass: RetryClass;
  /** The server certainly did not act on the request (a coded refusal, or nothing was sent): a create may be resent. */
  readonly serverDidNotAct: boolean;
  /** The failure was a timeout (a retry costs the timeout price). */
  readonly timeout: boolean;
  /** For `clock-skew`: this attempt's signing time differed from the response `Date` by ≥ 30 s. */
  readonly skewed: boolean;
  /** The HTTP status, when a response arrived. */
  readonly status?: number;
  /** What decided the class, for logs (`code SlowDown`, `status 503`, `network ECONNRESET`, …). */
  readonly reason: string;
}

function verdict(
  retryClass: RetryClass,
  reason: string,
  extra: { serverDidNotAct?: boolean; timeout?: boolean; skewed?: boolean; status?: number | undefined } = {},
): Classification {
  return {
    retryClass,
    serverDidNotAct: extra.serverDidNotAct ?? false,
    timeout: extra.timeout ?? false,
    skewed: extra.skewed ?? false,
    ...(extra.status !== undefined && { status: extra.status }),
    reason,
  };
}

function classifyResponse(
  status: number,
  code: string | undefined,
  message: string | undefined,
  xmlBody: boolean,
  skewed: boolean,
): Classification {
  const at = { status, skewed };
  if (code !== undefined && code !== "") {
    if (code === "ExpiredToken")
      return verdict("credentials-expired", `code ${code}`, { ...at, serverDidNotAct: true });
    const skewCode =
      CLOCK_SKEW_CODES.has(code) ||
      (code === "AccessDenied" && /request has expired/i.test(message ?? "")) ||
      (code === "SignatureDoesNotMatch" && skewed);
    if (skewCode) return verdict("clock-skew", `code ${code}`, { ...at, serverDidNotAct: true });
    if (THROTTLING_CODES.has(code)) return verdict("throttling", `code ${code}`, { ...at, serverDidNotAct: true });
    if (TRANSIENT_CODES.has(code)) {
      // Only a coded 503 ServiceUnavailable is a refusal; InternalError and timeouts may have acted.
      const refusal = code === "ServiceUnavailable" && xmlBody;
      return verdict("transient-coded", `code ${code}`, { ...at, serverDidNotAct: refusal });
    }
    if (NOT_RETRYABLE_CODES.has(code))
      return verdict("not-retryable", `code ${code}`, { ...at, serverDidNotAct: xmlBody });
  }
  // No code, or one this table does not know: the status decides.
  if (status === 429) return verdict("throttling", `status ${status}`, { ...at, serverDidNotAct: true });
  if (TRANSIENT_STATUSES.has(status)) return verdict("transient-coded", `status ${status}`, at);
  return verdict("not-retryable", `status ${status}`, {
    ...at,
    serverDidNotAct: xmlBody && status >= 400 && status < 500,
  });
}

function networkClass(code: string, source: string): Classification | undefined {
  const timeout = TIMEOUT_CODES.has(code);
  if (NETWORK_BEFORE_CONNECT_CODES.has(code)) {
    return verdict("network-before-connect", `${source} ${code}`, { serverDidNotAct: true, timeout });
  }
  if (NETWORK_AFTER_CONNECT_CODES.has(code)) return verdict("network-after-connect", `${source} ${code}`, { timeout });
  if (CERTIFICATE_CODES.has(code)) return verdict("not-retryable", `${source} ${code}`, { serverDidNotAct: true });
  return undefined;
}

function stringField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === "string" ? field : undefined;
}

/** Classifies one link of a thrown error's chain, or `undefined` when it says nothing known. */
function classifyLink(error: object): Classification | undefined {
  if (isCiTimeoutError(error)) {
    if (error.timeout === "total") return verdict("not-retryable", "total timeout");
    return error.timeout === "connect"
      ? verdict("network-before-connect", "connect timeout", { serverDidNotAct: true, timeout: true })
      : verdict("network-after-connect", "attempt timeout", { timeout: true });
  }
  if (isCiResponseError(error)) {
    if (error.status >= 200 && error.status < 300) {
      return error.code === "TRUNCATED"
        ? verdict("network-after-connect", "truncated body", { status: error.status })
        : verdict("malformed-2xx", `malformed body (${error.code})`, { status: error.status });
    }
    return classifyResponse(error.status, undefined, undefined, false, false);
  }
  if (isCiServiceError(error)) {
    const coded = !error.code.startsWith("HTTP_");
    return classifyResponse(error.status, coded ? error.code : undefined, error.serverMessage, coded, false);
  }
  const name = stringField(error, "name");
  if (name === "AbortError") return verdict("not-retryable", "aborted");
  const code = stringField(error, "code");
  if (code !== undefined) {
    if (code === "ERR_HTTP2_STREAM_ERROR" && /REFUSED_STREAM/.test(stringField(error, "message") ?? "")) {
      return verdict("network-after-connect", "network NGHTTP2_REFUSED_STREAM");
    }
    const known = networkClass(code, "network");
    if (known) return known;
  }
  if (isCiNetworkError(error)) {
    return error.sent
      ? verdict("network-after-connect", `network ${error.code} (sent)`)
      : verdict("network-before-connect", `network ${error.code} (not sent)`, { serverDidNotAct: true });
  }
  return undefined;
}

/**
 * Looks through a thrown error, its `cause` chain and `AggregateError.errors` (breadth first, at
 * most 10 levels deep) and classifies it by the first link that says something known: one of our
 * errors, an `AbortError`, or a network error `code`.
 */
function classifyThrown(error: unknown): Classification {
  let level: unknown[] = [error];
  const seen = new Set<unknown>();
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const link of level) {
      if (typeof link !== "object" || link === null || seen.has(link)) continue;
      seen.add(link);
      const known = classifyLink(link);
      if (known) return known;
      if ("cause" in link) next.push(link.cause);
      const errors = (link as { errors?: unknown }).errors;
      if (Array.isArray(errors)) next.push(...errors);
    }
    level = next;
  }
  return verdict("not-retryable", "unrecognised error");
}

/**
 * Classifies a failed attempt (reliability §1.1): the XML error `<Code>` first, then the HTTP
 * status, then network error codes searched through `cause` chains (10 levels).
 *
 * - `ExpiredToken` → `credentials-expired`; `RequestTimeTooSkewed`, `SignatureExpired`,
 *   `AccessDenied` "Request has expired", and `SignatureDoesNotMatch` when this attempt was skewed
 *   → `clock-skew`; throttling codes or 429 → `throttling`; `ServiceUnavailable`, `InternalError`,
 *   `RequestTimeout` or 408/500/502/503/504 → `transient-coded` (a refusal only for a coded 503
 *   `ServiceUnavailable`); other codes and statuses → `not-retryable`.
 * - Connection refused, DNS, connect timeout, TLS handshake → `network-before-connect`; reset, pipe,
 *   socket errors, attempt timeouts, truncated bodies → `network-after-connect`; certificate
 *   errors, aborts and the total deadline → `not-retryable`.
 * - A 2xx with an unusable body → `malformed-2xx`.
 *
 * @param outcome - What the attempt produced.
 * @returns The class, whether the server certainly did not act, and why.
 *
 * @example
 * ```ts
 * import { classifyOutcome } from "./classify.js";
 *
 * classifyOutcome({ kind: "error-response", status: 503, code: "SlowDown", xmlBody: true }).retryClass; // "throttling"
 * classifyOutcome({ kind: "thrown", error: new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } }) })
 *   .retryClass; // "network-before-connect"
 * ```
 * @internal
 */
export function classifyOutcome(outcome: AttemptOutcome): Classification {
  switch (outcome.kind) {
    case "error-response":
      return classifyResponse(outcome.status, outcome.code, outcome.message, outcome.xmlBody, outcome.skewed ?? false);
    case "malformed-response":
      return verdict("malformed-2xx", "malformed 2xx body", { status: outcome.status });
    case "thrown":
      return classifyThrown(outcome.error);
  }
}
