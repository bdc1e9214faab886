import type { HeadersInput } from "@cibatch/signer";
import { redactHeaders, redactUrl } from "./redact.js";

/**
 * The request an error is about, as given to an error constructor. It is redacted when the error
 * is built; the error keeps only the {@link RequestSummary}.
 *
 * @example
 * ```ts
 * import type { FailedRequest } from "@cibatch/ci-client";
 *
 * const request: FailedRequest = {
 *   method: "GET",
 *   url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9",
 * };
 * ```
 * @public
 */
export interface FailedRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The URL the request went to (signature and token parameters are redacted). */
  readonly url: string | URL;
  /** The request headers (`Authorization` and tokens are redacted). */
  readonly headers?: HeadersInput;
}

/**
 * A redacted copy of the request an error is about: safe to log.
 *
 * @example
 * ```ts
 * import { isCiServiceError, type RequestSummary } from "@cibatch/ci-client";
 *
 * function where(error: unknown): string {
 *   const request: RequestSummary | undefined = isCiServiceError(error) ? error.request : undefined;
 *   return request ? `${request.method} ${request.url}` : "(unknown request)";
 * }
 * ```
 * @public
 */
export interface RequestSummary {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The URL, with `q-signature` and tokens redacted and `q-ak` masked. */
  readonly url: string;
  /** The headers, lower-cased and redacted, when they were given. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Builds the frozen, redacted {@link RequestSummary} of a request.
 *
 * @param request - The request as the transport knows it.
 * @returns The summary an error may keep.
 *
 * @example
 * ```ts
 * import { summarizeRequest } from "./request-summary.js";
 *
 * summarizeRequest({ method: "get", url: "https://h/x?q-signature=ab" }); // { method: "GET", url: "https://h/x?q-signature=[REDACTED]" }
 * ```
 * @internal
 */
export function summarizeRequest(request: FailedRequest): RequestSummary {
  return Object.freeze({
    method: String(request.method).toUpperCase(),
    url: redactUrl(request.url),
    ...(request.headers !== undefined && { headers: Object.freeze(redactHeaders(request.headers)) }),
  });
}

/**
 * The `METHOD /path` part of an error message: the path and query only (the host is in the
 * `request` field), redacted.
 *
 * @param request - The request summary, if any.
 * @returns For example `" on GET /inventorytriggerjob/b3de…"`, or `""` without a request.
 *
 * @example
 * ```ts
 * import { describeRequest } from "./request-summary.js";
 *
 * describeRequest({ method: "GET", url: "https://h/inventorytriggerjob" }); // " on GET /inventorytriggerjob"
 * ```
 * @internal
 */
export function describeRequest(request: RequestSummary | undefined): string {
  if (request === undefined) return "";
  let target = request.url;
  try {
    const url = new URL(request.url);
    target = `${url.pathname}${url.search}`;
  } catch {
    // A relative URL: print it as it is (already redacted).
  }
  return ` on ${request.method} ${target}`;
}
