import { signRequest } from "@cibatch/signer";
import type { KyInstance } from "ky";
import type { CiLogger } from "../client/logger.js";
import type { Clock, CredentialProvider } from "../credentials/types.js";
import type { ResolvedEndpoint } from "../endpoint/endpoint.js";
import { CiAbortError } from "../errors/ci-abort-error.js";
import { CiError, isCiError } from "../errors/ci-error.js";
import { CiNetworkError } from "../errors/ci-network-error.js";
import { CiResponseError } from "../errors/ci-response-error.js";
import { CiServiceError } from "../errors/ci-service-error.js";
import { CiTimeoutError } from "../errors/ci-timeout-error.js";
import { redactHeaders, redactUrl } from "../errors/redact.js";
import type { FailedRequest } from "../errors/request-summary.js";
import { type AttemptOutcome, classifyOutcome } from "../retry/classify.js";
import type { ClockSkew } from "../retry/clock-skew.js";
import type { RetryDecision } from "../retry/decide.js";
import type { RequestRetryState, RetryPolicy } from "../retry/retry-policy.js";
import { isAttemptTimeout, withinAttempt } from "./attempt-limits.js";
import { BodyFailure, type HeaderReader } from "./body-failure.js";
import { ReconcileRequired, VerifyCancelRequired } from "./call-outcome.js";
import { type DirectSend, directSendOf, readExchange } from "./exchange.js";
import { decodeSuccessBody, ERROR_BODY_CAP, parseErrorFields } from "./response-body.js";
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
  /** The client's retry policy (limits, quota, jitter). */
  readonly policy: RetryPolicy;
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
}

/** The state of one logical call across its attempts. */
interface CallState {
  readonly retry: RequestRetryState;
  attempt: number;
  signingTime: number;
  delayMs: number;
  sent: boolean;
  startedAt: number;
  bytes: Uint8Array;
  status: number;
  requestId: string | undefined;
  final: Error | undefined;
  result: { value: unknown } | undefined;
  headers: Record<string, string> | undefined;
}

const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** What the response judge answers: go again, or (`undefined`) the call succeeded. */
const RETRY: unique symbol = Symbol("retry");
type Verdict = typeof RETRY | undefined;

let kyModule: Promise<KyInstance> | undefined;

/** ky, loaded on first use: a call whose first attempt succeeds never needs it. */
function loadKy(): Promise<KyInstance> {
  kyModule ??= import("ky").then((module) => module.default);
  return kyModule;
}

/**
 * ky's errors carry the `Request` (with its `Authorization` header): never keep one as a `cause`.
 * Keep a plain error with the same message instead.
 */
function safeCause(error: unknown): unknown {
  if (typeof error === "object" && error !== null && "request" in error) {
    const message = error instanceof Error ? error.message : "request failed";
    return Object.assign(new Error(message), { name: error instanceof Error ? error.name : "Error" });
  }
  return error;
}

/** The first `code` found in an error's `cause` chain. */
function networkCode(error: unknown): string | undefined {
  let link: unknown = error;
  for (let depth = 0; depth < 10 && typeof link === "object" && link !== null; depth++) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    link = (link as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The transport behind `CiClient`: ky 1.14.3 with the policy of reliability §1–§4 expressed
 * through ky's own retry machinery (§8.3), not a hand-written loop:
 *
 * - `hooks.beforeRequest` signs every attempt afresh with `now + skewOffset` and the current
 *   credentials, and sets the `Host` to sign;
 * - the `fetch` wrapper reads the body under its size cap inside ky's per-attempt `timeout`, so the
 *   attempt timeout covers the whole body, and learns the clock offset from every `Date`;
 * - `hooks.afterResponse` decodes 2xx bodies and classifies error bodies by `<Code>` first, then
 *   status; a retry is `ky.retry()`, anything else throws the final error;
 * - `retry.shouldRetry` classifies thrown errors (network codes through `cause` chains, attempt
 *   timeouts, truncated bodies);
 * - `hooks.beforeRetry` sleeps the decided backoff with the injected `sleep` (ky's own delay is 0),
 *   so the full-jitter delay, the quota and the `Retry-After` clamp all come from the policy.
 *
 * Fast path (measured; see the README's Transport section): the first attempt of a `GET` is sent
 * without ky, through the `fetch`'s direct sender (or one `Request` through `fetch`), under the same
 * per-attempt timeout, and judged by the same functions the hooks call (`#judge`, `#onThrown`,
 * hence the same `RetryPolicy`). When the policy answers "retry", the backoff is slept and the
 * remaining attempts run through ky as above. ky is imported on first use, so a process whose calls
 * all succeed at once never loads it.
 *
 * ky's types and errors never leave this file.
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

  /**
   * @param options - Endpoint, credentials, fetch, policy, clock and logger.
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
    const state: CallState = {
      retry: options.policy.begin(request.retry, { deadline: scope.deadline }),
      attempt: 0,
      signingTime: 0,
      delayMs: 0,
      sent: false,
      startedAt: 0,
      bytes: EMPTY,
      status: 0,
      requestId: undefined,
      final: undefined,
      result: undefined,
      headers: undefined,
    };
    if (scope.aborted) throw this.#abortError(scope, state);
    let viaKy = true;
    if (request.method === "GET") {
      // The first attempt of a read goes straight through the sender (no ky, no Request/Response
      // objects); only a retry hands the call over to ky. The same judge decides every attempt.
      viaKy = await this.#directAttempt(request, state, scope, url);
      if (viaKy) {
        try {
          await options.sleep(state.delayMs, scope.signal);
        } catch (error) {
          if (scope.aborted) throw this.#abortError(scope, state);
          throw this.#unexpected(error, state, request, url);
        }
      }
    }
    if (viaKy) await this.#sendViaKy(request, state, scope, url);
    if (state.result === undefined) {
      // Not reachable: every response is either decoded or turned into an error by the judge.
      throw state.final ?? new CiError("The transport finished without a result.", { code: "INTERNAL" });
    }
    return {
      value: state.result.value as T,
      status: state.status,
      requestId: state.requestId,
      attempts: state.retry.attempts,
    };
  }

  /**
   * One attempt outside ky. Resolves `false` when the call is over (its result is in `state`),
   * `true` when the policy decided to retry; rejects with the final error.
   */
  async #directAttempt(
    request: TransportRequest<unknown>,
    state: CallState,
    scope: CallScope,
    url: string,
  ): Promise<boolean> {
    const options = this.#options;
    this.#direct ??= directSendOf(options.fetch);
    const send = this.#direct;
    try {
      const headers: Record<string, string> = { "user-agent": options.userAgent };
      if (request.body !== undefined) headers["content-type"] = "application/xml";
      Object.assign(headers, await this.#signedHeaders(url, request, state));
      this.#beginAttempt(state, headers);
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
      return this.#judge(exchange.status, exchange.header, request, state, url) === RETRY;
    } catch (error) {
      if (state.final !== undefined && error === state.final) throw error;
      if (scope.aborted) throw this.#abortError(scope, state);
      if (this.#onThrown(error, request, state, scope, url)) return true;
      throw state.final ?? this.#unexpected(error, state, request, url);
    }
  }

  /** The call (or its remaining attempts) through ky's retry machinery. */
  async #sendViaKy(request: TransportRequest<unknown>, state: CallState, scope: CallScope, url: string): Promise<void> {
    const options = this.#options;
    try {
      const ky = await loadKy();
      await ky(url, {
        method: request.method,
        ...(request.body !== undefined && { body: request.body }),
        headers: {
          "user-agent": options.userAgent,
          ...(request.body !== undefined && { "content-type": "application/xml" }),
        },
        signal: scope.signal,
        timeout: options.attemptMs ?? false,
        throwHttpErrors: false,
        fetch: (input, init) => this.#fetchAndRead(input as Request, init, request, state),
        retry: {
          // The policy decides every retry; ky's own limit only has to stay out of its way.
          limit: options.policy.maxAttempts + 1,
          methods: ["get", "put", "post"],
          statusCodes: [],
          afterStatusCodes: [],
          delay: () => 0,
          shouldRetry: ({ error }) => this.#onThrown(error, request, state, scope, url),
        },
        hooks: {
          beforeRequest: [
            async (input) => {
              const signed = await this.#signedHeaders(input.url, request, state);
              for (const [name, value] of Object.entries(signed)) input.headers.set(name, value);
            },
          ],
          afterResponse: [
            (_input, _options, response) =>
              this.#judge(response.status, (name) => response.headers.get(name), request, state, url) === RETRY
                ? ky.retry({ delay: 0 })
                : undefined,
          ],
          beforeRetry: [() => options.sleep(state.delayMs, scope.signal)],
        },
      });
    } catch (error) {
      if (state.final !== undefined) throw state.final;
      if (scope.aborted) throw this.#abortError(scope, state);
      throw this.#unexpected(error, state, request, url);
    }
  }

  /** Signs one attempt afresh (`now + skew`, current credentials): the `host` and signature headers. */
  async #signedHeaders(
    url: string,
    request: TransportRequest<unknown>,
    state: CallState,
  ): Promise<Record<string, string>> {
    const { endpoint, skew } = this.#options;
    const credentials = await this.#options.credentials();
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

  #beginAttempt(state: CallState, headers: Headers | Record<string, string>): void {
    state.attempt += 1;
    state.sent = true;
    state.startedAt = this.#options.clock.now();
    state.bytes = EMPTY;
    state.headers = this.#options.logger?.debug ? redactHeaders(headers) : undefined;
  }

  async #fetchAndRead(
    input: Request,
    init: RequestInit | undefined,
    request: TransportRequest<unknown>,
    state: CallState,
  ): Promise<Response> {
    this.#beginAttempt(state, input.headers);
    const response = await this.#options.fetch(input, init);
    const exchange = await readExchange(response, {
      signal: input.signal,
      maxBytes: (status) => (status >= 200 && status < 300 ? request.maxBodyBytes : ERROR_BODY_CAP),
      onHeaders: (_status, header) => this.#options.skew.update(header("date")),
    });
    state.bytes = exchange.bytes;
    return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  /**
   * Judges one response (its body is in `state.bytes`): decodes a 2xx, classifies an error by
   * `<Code>` first and status second, and applies the policy. Answers {@link RETRY} to go again,
   * `undefined` on success (the value is in `state.result`); throws the final error.
   */
  #judge(
    status: number,
    header: HeaderReader,
    request: TransportRequest<unknown>,
    state: CallState,
    url: string,
  ): Verdict {
    const headerRequestId = header("x-ci-request-id") ?? undefined;
    state.status = status;
    state.requestId = headerRequestId;
    const text = state.bytes.byteLength === 0 ? "" : decoder.decode(state.bytes);
    const failed: FailedRequest = { method: request.method, url };
    if (status >= 200 && status < 300) {
      const decoded = decodeSuccessBody(text, header("content-type"), request.expectBody, request.decode);
      if (decoded.ok) {
        state.retry.onSuccess();
        state.result = { value: decoded.value };
        this.#trace(request, state, url, "success");
        return undefined;
      }
      const { problem } = decoded;
      const build = (retryable: boolean, attempts: number): CiError =>
        new CiResponseError({
          code: problem.code,
          status,
          requestId: headerRequestId,
          contentType: header("content-type") ?? undefined,
          body: text,
          detail: problem.detail,
          retryable,
          attempts,
          request: failed,
          ...(problem.cause !== undefined && { cause: problem.cause }),
        });
      return this.#decide({ kind: "malformed-response", status }, build, request, state, url, undefined);
    }
    const fields = parseErrorFields(text);
    const skewed = this.#options.skew.wasSkewed(state.signingTime, header("date"));
    const build = (retryable: boolean, attempts: number): CiError =>
      new CiServiceError({
        code: fields.code ?? `HTTP_${status}`,
        status,
        serverMessage: fields.message,
        requestId: fields.requestId ?? headerRequestId,
        traceId: fields.traceId ?? header("x-ci-trace-id") ?? undefined,
        resource: fields.resource,
        retryable,
        attempts,
        request: failed,
        body: text,
      });
    const outcome: AttemptOutcome = {
      kind: "error-response",
      status,
      code: fields.code,
      message: fields.message,
      xmlBody: fields.xmlBody,
      skewed,
    };
    return this.#decide(outcome, build, request, state, url, header("retry-after"));
  }

  /** Applies the policy to a failed attempt: {@link RETRY} to go again, or throws the final outcome. */
  #decide(
    outcome: AttemptOutcome,
    build: (retryable: boolean, attempts: number) => CiError,
    request: TransportRequest<unknown>,
    state: CallState,
    url: string,
    retryAfter: string | null | undefined,
  ): typeof RETRY {
    const decision = this.#verdict(outcome, state, retryAfter);
    this.#trace(request, state, url, decision);
    if (decision.action === "retry") return RETRY;
    throw this.#finalOf(decision, build, state);
  }

  #verdict(outcome: AttemptOutcome, state: CallState, retryAfter: string | null | undefined): RetryDecision {
    const { clock, skew } = this.#options;
    const decision = state.retry.onFailure({
      classification: classifyOutcome(outcome),
      retryAfter,
      now: clock.now(),
      skewOffsetMs: skew.offsetMs,
    });
    if (decision.action === "retry") {
      state.delayMs = decision.delayMs;
      if (decision.refreshCredentials) this.#options.credentials.invalidate?.();
    }
    return decision;
  }

  #finalOf(
    decision: Exclude<RetryDecision, { action: "retry" }>,
    build: (retryable: boolean, attempts: number) => CiError,
    state: CallState,
  ): Error {
    const attempts = state.retry.attempts;
    let final: Error;
    if (decision.action === "reconcile") {
      final = new ReconcileRequired(build(true, attempts), attempts, state.requestId);
    } else if (decision.action === "verify-cancel") {
      final = new VerifyCancelRequired(build(false, attempts), attempts);
    } else {
      final = build(decision.retryable, attempts);
    }
    state.final = final;
    return final;
  }

  /** `retry.shouldRetry`: decides on an error thrown by an attempt (network, timeout, broken body, hook). */
  #onThrown(
    error: unknown,
    request: TransportRequest<unknown>,
    state: CallState,
    scope: CallScope,
    url: string,
  ): boolean {
    if (state.final !== undefined && error === state.final) return false;
    if (scope.aborted) {
      state.final = this.#abortError(scope, state);
      return false;
    }
    const failed: FailedRequest = { method: request.method, url };
    let probe: unknown = error;
    let build: (retryable: boolean, attempts: number) => CiError;
    if (error instanceof BodyFailure) {
      const text = decoder.decode(error.bytes);
      build = (retryable, attempts) =>
        new CiResponseError({
          code: error.code,
          status: error.status,
          requestId: error.header("x-ci-request-id") ?? undefined,
          contentType: error.header("content-type") ?? undefined,
          body: text,
          limitBytes: error.limitBytes,
          retryable,
          attempts,
          request: failed,
          cause: error.cause,
        });
      probe = build(true, state.attempt);
      state.status = error.status;
      state.requestId = error.header("x-ci-request-id") ?? undefined;
    } else if (isAttemptTimeout(error)) {
      const ms = this.#options.attemptMs ?? 0;
      build = (retryable, attempts) =>
        new CiTimeoutError({ timeout: "attempt", ms, retryable, attempts, request: failed, cause: safeCause(error) });
      probe = build(true, state.attempt);
    } else if (isCiError(error)) {
      // Our own errors from a hook (credentials, validation): final as they are.
      state.final = error;
      this.#trace(request, state, url, "fail");
      return false;
    } else {
      const code = networkCode(error) ?? "NETWORK_ERROR";
      build = (retryable, attempts) => {
        const sent = classifyOutcome({ kind: "thrown", error }).retryClass !== "network-before-connect";
        return new CiNetworkError({ code, sent, retryable, attempts, request: failed, cause: safeCause(error) });
      };
    }
    const decision = this.#verdict({ kind: "thrown", error: probe }, state, undefined);
    this.#trace(request, state, url, decision);
    if (decision.action === "retry") return true;
    this.#finalOf(decision, build, state);
    return false;
  }

  #abortError(scope: CallScope, state: CallState): CiError {
    const attempts = state.attempt;
    if (scope.deadlineSignal?.aborted && !scope.callerSignal?.aborted) {
      return new CiTimeoutError({
        timeout: "total",
        ms: scope.totalMs ?? 0,
        sent: state.sent,
        retryable: true,
        attempts,
        cause: scope.deadlineSignal.reason,
      });
    }
    return new CiAbortError({ cause: scope.callerSignal?.reason ?? scope.reason, sent: state.sent, attempts });
  }

  #unexpected(error: unknown, state: CallState, request: TransportRequest<unknown>, url: string): Error {
    if (isCiError(error)) return error;
    return new CiNetworkError({
      code: networkCode(error) ?? "NETWORK_ERROR",
      sent: state.sent,
      retryable: false,
      attempts: state.attempt,
      request: { method: request.method, url },
      cause: safeCause(error),
    });
  }

  #trace(request: TransportRequest<unknown>, state: CallState, url: string, decision: RetryDecision | string): void {
    const debug = this.#options.logger?.debug;
    if (debug === undefined) return;
    const summary =
      typeof decision === "string"
        ? { action: decision }
        : {
            action: decision.action,
            reason: decision.reason,
            ...(decision.action === "retry" && { delayMs: decision.delayMs }),
          };
    debug.call(this.#options.logger, `ci-client ${request.operation} attempt ${state.attempt}: ${summary.action}`, {
      operation: request.operation,
      attempt: state.attempt,
      method: request.method,
      url: redactUrl(url),
      status: state.status,
      requestId: state.requestId,
      durationMs: this.#options.clock.now() - state.startedAt,
      headers: state.headers,
      ...summary,
    });
  }
}
