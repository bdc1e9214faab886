import type { KyInstance } from "ky";
import { CiAbortError } from "../errors/ci-abort-error.js";
import { CiError, isCiError } from "../errors/ci-error.js";
import { CiNetworkError } from "../errors/ci-network-error.js";
import { CiResponseError } from "../errors/ci-response-error.js";
import { CiServiceError } from "../errors/ci-service-error.js";
import { CiTimeoutError } from "../errors/ci-timeout-error.js";
import type { FailedRequest } from "../errors/request-summary.js";
import { type AttemptOutcome, classifyOutcome } from "../retry/classify.js";
import type { RetryDecision } from "../retry/decide.js";
import { type RequestRetryState, RetryPolicy } from "../retry/retry-policy.js";
import { isAttemptTimeout } from "./attempt-limits.js";
import { BodyFailure, type HeaderReader } from "./body-failure.js";
import { ReconcileRequired, VerifyCancelRequired } from "./call-outcome.js";
import { type Exchange, readExchange } from "./exchange.js";
import {
  type AttemptState,
  beginAttempt,
  type KyTransportOptions,
  signedHeaders,
  traceAttempt,
} from "./ky-transport.js";
import { decodeSuccessBody, ERROR_BODY_CAP, parseErrorFields } from "./response-body.js";
import type { CallScope, TransportRequest, TransportResult } from "./transport.js";

/**
 * How the first attempt, made by `KyTransport`'s fast path, ended: with a response (any status)
 * or with a thrown error.
 *
 * @example
 * ```ts
 * import type { FirstAttempt } from "./ky-transport-retry.js";
 *
 * const failed: FirstAttempt = { error: new Error("socket hang up") };
 * ```
 * @internal
 */
export type FirstAttempt = { readonly exchange: Exchange } | { readonly error: unknown };

/** The state of one logical call across its attempts. */
interface CallState extends AttemptState {
  readonly retry: RequestRetryState;
  delayMs: number;
  final: Error | undefined;
  result: { value: unknown } | undefined;
}

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
 * The part of `KyTransport` that runs when a call needs more than one clean `GET` attempt, and
 * for every `POST`/`PUT`: the policy of reliability §1–§4 expressed through ky's own retry
 * machinery (§8.3), not a hand-written loop:
 *
 * - the outcome of the fast path's first `GET` attempt (a response or a thrown error) is judged by
 *   `#judge` / `#onThrown`; when the policy answers "retry", the backoff is slept and the
 *   remaining attempts run through ky;
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
 * This module is imported lazily by `ky-transport.ts`: with the retry policy, the classification and
 * ky (itself imported on first retry), it stays out of a code-split app's first load. (The public
 * error classes it builds stay there: a bundler keeps what the package's barrel reaches with the
 * entry.)
 *
 * @example
 * ```ts
 * import { KyRetryPath } from "./ky-transport-retry.js";
 *
 * declare const options: import("./ky-transport.js").KyTransportOptions;
 * const path = new KyRetryPath(options);
 * ```
 * @internal
 */
export class KyRetryPath {
  readonly #options: KyTransportOptions;
  readonly #policy: RetryPolicy;

  /**
   * @param options - The transport's options; the retry policy is built from its limits and quota.
   */
  constructor(options: KyTransportOptions) {
    this.#options = options;
    this.#policy = new RetryPolicy({ maxAttempts: options.maxAttempts, random: options.random, quota: options.quota });
  }

  /**
   * Runs a call to its end: from the start (`first` undefined), or after a first `GET` attempt
   * the fast path made and could not accept.
   *
   * @param request - What to send.
   * @param scope - The call's signals and deadline.
   * @param url - The full URL.
   * @param attempt - The attempt state so far.
   * @param first - How the fast path's attempt ended, if it made one.
   * @returns The decoded result.
   */
  async send<T>(
    request: TransportRequest<T>,
    scope: CallScope,
    url: string,
    attempt: AttemptState,
    first: FirstAttempt | undefined,
  ): Promise<TransportResult<T>> {
    const options = this.#options;
    const state: CallState = {
      ...attempt,
      retry: this.#policy.begin(request.retry, { deadline: scope.deadline }),
      delayMs: 0,
      final: undefined,
      result: undefined,
    };
    if (first === undefined) {
      // A POST/PUT (all its attempts go through ky), or a call aborted before it began.
      if (scope.aborted) throw this.#abortError(scope, state);
    } else {
      // The fast path's first GET attempt, judged as any other; only a retry goes on through ky.
      if (!(await this.#judgeFirst(request, state, scope, url, first))) return this.#resultOf(state);
      try {
        await options.sleep(state.delayMs, scope.signal);
      } catch (error) {
        if (scope.aborted) throw this.#abortError(scope, state);
        throw this.#unexpected(error, state, request, url);
      }
    }
    await this.#sendViaKy(request, state, scope, url);
    return this.#resultOf(state);
  }

  #resultOf<T>(state: CallState): TransportResult<T> {
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
   * Judges the fast path's first attempt. Resolves `false` when the call is over (its result is in
   * `state`), `true` when the policy decided to retry; rejects with the final error.
   */
  async #judgeFirst(
    request: TransportRequest<unknown>,
    state: CallState,
    scope: CallScope,
    url: string,
    first: FirstAttempt,
  ): Promise<boolean> {
    try {
      if ("error" in first) throw first.error;
      return this.#judge(first.exchange.status, first.exchange.header, request, state, url) === RETRY;
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
          limit: this.#policy.maxAttempts + 1,
          methods: ["get", "put", "post"],
          statusCodes: [],
          afterStatusCodes: [],
          delay: () => 0,
          shouldRetry: ({ error }) => this.#onThrown(error, request, state, scope, url),
        },
        hooks: {
          beforeRequest: [
            async (input) => {
              const signed = await signedHeaders(options, input.url, request, state);
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

  async #fetchAndRead(
    input: Request,
    init: RequestInit | undefined,
    request: TransportRequest<unknown>,
    state: CallState,
  ): Promise<Response> {
    beginAttempt(this.#options, state, input.headers);
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
    traceAttempt(this.#options, request, state, url, decision);
  }
}
