import { signRequest } from "@cibatch/signer";
import type { CiLogger } from "../client/logger.js";
import type { Clock, CredentialProvider } from "../credentials/types.js";
import type { ResolvedEndpoint } from "../endpoint/endpoint.js";
import { CiNetworkError } from "../errors/ci-network-error.js";
import { redactHeaders, redactUrl } from "../errors/redact.js";
import type { Random } from "../retry/backoff.js";
import type { ClockSkew } from "../retry/clock-skew.js";
import type { RetryDecision } from "../retry/decide.js";
import type { RetryQuota } from "../retry/retry-quota.js";
import { withinAttempt } from "./attempt-limits.js";
import { type DirectSend, directSendOf, type Exchange } from "./exchange.js";
import type { FirstAttempt, KyRetryPath } from "./ky-transport-retry.js";
import { decodeSuccessBody, ERROR_BODY_CAP } from "./response-body.js";
import type { CallScope, FetchLike, Transport, TransportRequest, TransportResult } from "./transport.js";

/**
 * Sleeps `ms` milliseconds, rejecting with the signal's reason when it aborts.
 *
 * @example
 * ```ts
 * import type { Sleep } from "./ky-transport.js";
 *
 * const noWait: Sleep = async () => {};
 * ```
 * @internal
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * What the ky transport needs from the client.
 *
 * @example
 * ```ts
 * import type { KyTransportOptions } from "./ky-transport.js";
 *
 * type Needs = keyof KyTransportOptions; // "endpoint" | "credentials" | …
 * ```
 * @internal
 */
export interface KyTransportOptions {
  /** Where to connect and which host to sign. */
  readonly endpoint: ResolvedEndpoint;
  /** The credentials, asked for before every attempt. */
  readonly credentials: CredentialProvider & { invalidate?: () => void };
  /** The fetch to send with. */
  readonly fetch: FetchLike;
  /** Attempts per call, the first included (already validated). */
  readonly maxAttempts: number;
  /** The random source of the backoff jitter. */
  readonly random: Random;
  /** The client's retry quota, shared by all its calls. */
  readonly quota: RetryQuota;
  /** The client's clock-skew state. */
  readonly skew: ClockSkew;
  /** The injected clock. */
  readonly clock: Clock;
  /** The injected sleep, for backoff. */
  readonly sleep: Sleep;
  /** The per-attempt timeout, or `null` when disabled. */
  readonly attemptMs: number | null;
  /** The `User-Agent` header. */
  readonly userAgent: string;
  /** The trace sink. */
  readonly logger?: CiLogger | undefined;
  /** Loads the retry path; defaults to importing `./ky-transport-retry.js` once (tests inject failures). */
  readonly loadRetryPath?: (() => Promise<RetryPathModule>) | undefined;
}

/**
 * What one attempt leaves behind, for the trace, the errors and the retry path.
 *
 * @example
 * ```ts
 * import type { AttemptState } from "./ky-transport.js";
 *
 * declare const state: AttemptState;
 * console.log(state.attempt, state.sent);
 * ```
 * @internal
 */
export interface AttemptState {
  /** Attempts started (signed and handed to fetch). */
  attempt: number;
  /** The signing time of the latest attempt (`now + skew`). */
  signingTime: number;
  /** Whether any attempt was handed to fetch. */
  sent: boolean;
  /** When the latest attempt started, on the injected clock. */
  startedAt: number;
  /** The latest response body. */
  bytes: Uint8Array;
  /** The latest status. */
  status: number;
  /** The latest `x-ci-request-id`. */
  requestId: string | undefined;
  /** The latest attempt's headers, redacted (only when tracing). */
  headers: Record<string, string> | undefined;
}

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** A fresh {@link AttemptState}: nothing sent yet. */
function newAttemptState(): AttemptState {
  return {
    attempt: 0,
    signingTime: 0,
    sent: false,
    startedAt: 0,
    bytes: EMPTY,
    status: 0,
    requestId: undefined,
    headers: undefined,
  };
}

/**
 * Signs one attempt afresh (`now + skew`, current credentials): the `host` and signature headers.
 *
 * @param options - The transport's options.
 * @param url - The full URL.
 * @param request - What is sent.
 * @param state - Receives the signing time.
 * @returns The headers to add.
 *
 * @example
 * ```ts
 * import { signedHeaders } from "./ky-transport.js";
 *
 * declare const options: import("./ky-transport.js").KyTransportOptions;
 * declare const request: import("./transport.js").TransportRequest<unknown>;
 * declare const state: import("./ky-transport.js").AttemptState;
 * const headers = await signedHeaders(options, `${options.endpoint.url}/x`, request, state);
 * ```
 * @internal
 */
export async function signedHeaders(
  options: KyTransportOptions,
  url: string,
  request: TransportRequest<unknown>,
  state: AttemptState,
): Promise<Record<string, string>> {
  const { endpoint, skew } = options;
  const credentials = await options.credentials();
  state.signingTime = skew.signingTime();
  const toSign: Record<string, string> = { host: endpoint.signedHost };
  if (request.body !== undefined) toSign["content-type"] = "application/xml";
  const signed = await signRequest({
    method: request.method,
    url,
    headers: toSign,
    credentials,
    now: state.signingTime,
  });
  return { host: endpoint.signedHost, ...signed.headers };
}

/**
 * Marks the start of one attempt in `state` (its headers are kept, redacted, only for a debug logger).
 *
 * @param options - The transport's options (clock, logger).
 * @param state - The call's attempt state.
 * @param headers - The attempt's headers.
 *
 * @example
 * ```ts
 * import { beginAttempt } from "./ky-transport.js";
 *
 * declare const options: import("./ky-transport.js").KyTransportOptions;
 * declare const state: import("./ky-transport.js").AttemptState;
 * beginAttempt(options, state, {});
 * state.attempt; // 1
 * ```
 * @internal
 */
export function beginAttempt(
  options: KyTransportOptions,
  state: AttemptState,
  headers: Headers | Record<string, string>,
): void {
  state.attempt += 1;
  state.sent = true;
  state.startedAt = options.clock.now();
  state.bytes = EMPTY;
  state.headers = options.logger?.debug ? redactHeaders(headers) : undefined;
}

/**
 * Traces one attempt's outcome to the debug logger, if there is one: the operation, attempt,
 * method, redacted URL and headers, status, request id, duration and the decision.
 *
 * @param options - The transport's options (logger, clock).
 * @param request - What was sent.
 * @param state - The attempt state.
 * @param url - The full URL (redacted here).
 * @param decision - The policy's decision, or `"success"` / `"fail"`.
 *
 * @example
 * ```ts
 * import { traceAttempt } from "./ky-transport.js";
 *
 * declare const options: import("./ky-transport.js").KyTransportOptions;
 * declare const request: import("./transport.js").TransportRequest<unknown>;
 * declare const state: import("./ky-transport.js").AttemptState;
 * traceAttempt(options, request, state, `${options.endpoint.url}/x`, "success");
 * ```
 * @internal
 */
export function traceAttempt(
  options: KyTransportOptions,
  request: TransportRequest<unknown>,
  state: AttemptState,
  url: string,
  decision: RetryDecision | string,
): void {
  const debug = options.logger?.debug;
  if (debug === undefined) return;
  const summary =
    typeof decision === "string"
      ? { action: decision }
      : {
          action: decision.action,
          reason: decision.reason,
          ...(decision.action === "retry" && { delayMs: decision.delayMs }),
        };
  debug.call(options.logger, `ci-client ${request.operation} attempt ${state.attempt}: ${summary.action}`, {
    operation: request.operation,
    attempt: state.attempt,
    method: request.method,
    url: redactUrl(url),
    status: state.status,
    requestId: state.requestId,
    durationMs: options.clock.now() - state.startedAt,
    headers: state.headers,
    ...summary,
  });
}

/**
 * The first attempt of a `GET`, outside ky: signed, sent through the direct sender under the
 * per-attempt timeout, its body read under its cap. Resolves with the exchange (whatever the
 * status) and rejects with whatever the attempt threw; the caller judges either.
 */
async function directAttempt(
  options: KyTransportOptions,
  send: DirectSend,
  request: TransportRequest<unknown>,
  state: AttemptState,
  scope: CallScope,
  url: string,
): Promise<Exchange> {
  const headers: Record<string, string> = { "user-agent": options.userAgent };
  if (request.body !== undefined) headers["content-type"] = "application/xml";
  Object.assign(headers, await signedHeaders(options, url, request, state));
  beginAttempt(options, state, headers);
  const exchange = await withinAttempt(scope, options.attemptMs, (signal) =>
    send({
      url,
      method: request.method,
      headers,
      body: request.body,
      signal,
      maxBytes: (status) => (status >= 200 && status < 300 ? request.maxBodyBytes : ERROR_BODY_CAP),
      onHeaders: (_status, header) => options.skew.update(header("date")),
    }),
  );
  state.bytes = exchange.bytes;
  return exchange;
}

/**
 * The module of the retry path.
 *
 * @internal
 */
export type RetryPathModule = typeof import("./ky-transport-retry.js");

/**
 * A loader that imports the retry path (and ky behind it) the first time a call needs more than one
 * clean attempt and keeps it. A failed load (a browser chunk that did not arrive) is not kept: the
 * next call tries again.
 *
 * @param importer - The dynamic import.
 * @returns The loader.
 *
 * @example
 * ```ts
 * const load = retryPathLoader(() => import("./ky-transport-retry.js"));
 * const { KyRetryPath } = await load();
 * ```
 * @internal
 */
export function retryPathLoader(importer: () => Promise<RetryPathModule>): () => Promise<RetryPathModule> {
  let loading: Promise<RetryPathModule> | undefined;
  return () => {
    loading ??= importer().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const loadRetryPath = retryPathLoader(() => import("./ky-transport-retry.js"));

/**
 * The transport behind `CiClient`: ky 1.14.3 with the policy of reliability §1–§4 expressed
 * through ky's own retry machinery (§8.3), not a hand-written loop (see `KyRetryPath`).
 *
 * Fast path (measured; see the README's Transport section): the first attempt of a `GET` is sent
 * without ky, through the `fetch`'s direct sender (or one `Request` through `fetch`), under the
 * per-attempt timeout. A 2xx whose body decodes is the result; anything else (an error status, a
 * body that does not decode, a thrown error, the call's abort) is handed, as it is, to the retry
 * path, which judges it with the same `RetryPolicy` as every later attempt. The retry path, with
 * the retry policy, the failure classification and ky, is a separate module imported on first
 * use, so an app whose calls all succeed at once never loads it (nor its bytes, in a code-split
 * browser bundle). `POST`/`PUT` calls and calls whose scope is already aborted go to the retry path from
 * the start.
 *
 * ky's types and errors never leave the retry path.
 *
 * @example
 * ```ts
 * import { KyTransport } from "./ky-transport.js";
 *
 * declare const options: import("./ky-transport.js").KyTransportOptions;
 * const transport = new KyTransport(options);
 * ```
 * @internal
 */
export class KyTransport implements Transport {
  readonly #options: KyTransportOptions;
  #direct: DirectSend | undefined;
  #retry: KyRetryPath | undefined;

  /**
   * @param options - Endpoint, credentials, fetch, retry limits, clock and logger.
   */
  constructor(options: KyTransportOptions) {
    this.#options = options;
  }

  /**
   * Sends one call with retries.
   *
   * @param request - What to send.
   * @param scope - The call's signals and deadline.
   * @returns The decoded result.
   */
  async send<T>(request: TransportRequest<T>, scope: CallScope): Promise<TransportResult<T>> {
    const options = this.#options;
    const url = `${options.endpoint.url}${request.path}${request.search}`;
    const state = newAttemptState();
    if (request.method !== "GET" || scope.aborted) {
      return this.#continue(request, scope, url, state, undefined);
    }
    this.#direct ??= directSendOf(options.fetch);
    let exchange: Exchange;
    try {
      exchange = await directAttempt(options, this.#direct, request, state, scope, url);
    } catch (error) {
      return this.#continue(request, scope, url, state, { error });
    }
    const { status, header } = exchange;
    if (status >= 200 && status < 300) {
      state.status = status;
      state.requestId = header("x-ci-request-id") ?? undefined;
      const text = state.bytes.byteLength === 0 ? "" : decoder.decode(state.bytes);
      let decoded: ReturnType<typeof decodeSuccessBody<T>> | undefined;
      try {
        decoded = decodeSuccessBody(text, header("content-type"), request.expectBody, request.decode);
      } catch {
        // Judged again (and thrown) on the retry path, exactly as any other attempt.
      }
      if (decoded?.ok) {
        // What `RequestRetryState.onSuccess()` does for a call that never retried.
        options.quota.release(undefined);
        traceAttempt(options, request, state, url, "success");
        return { value: decoded.value, status, requestId: state.requestId, attempts: 1 };
      }
    }
    return this.#continue(request, scope, url, state, { exchange });
  }

  /** Hands the call to the retry path, loading it first if needed. */
  async #continue<T>(
    request: TransportRequest<T>,
    scope: CallScope,
    url: string,
    state: AttemptState,
    first: FirstAttempt | undefined,
  ): Promise<TransportResult<T>> {
    let path: KyRetryPath;
    try {
      path = this.#retry ??= new (await (this.#options.loadRetryPath ?? loadRetryPath)()).KyRetryPath(this.#options);
    } catch (cause) {
      throw new CiNetworkError({
        code: "NETWORK_ERROR",
        sent: state.sent,
        retryable: false,
        attempts: state.attempt,
        request: { method: request.method, url },
        detail: "the transport's retry path could not be loaded",
        cause,
      });
    }
    return path.send(request, scope, url, state, first);
  }
}
