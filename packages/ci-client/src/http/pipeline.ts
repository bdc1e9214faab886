import { redactHeaders, signRequest } from "@cibatch/signer";
import type { KyInstance } from "ky";
import type { Clock, CredentialProvider, Credentials } from "../credentials/types.js";
import type { ResolvedEndpoint } from "../endpoint.js";
import { CiAbortError } from "../errors/ci-abort-error.js";
import { type CiError, isCiError } from "../errors/ci-error.js";
import { CiNetworkError } from "../errors/ci-network-error.js";
import { CiResponseError } from "../errors/ci-response-error.js";
import { CiServiceError } from "../errors/ci-service-error.js";
import { CiTimeoutError } from "../errors/ci-timeout-error.js";
import { NOT_SENT_CODES } from "../errors/code-table.js";
import { CredentialsError } from "../errors/credentials-error.js";
import { redactCause, redactUrl, scrubSecrets } from "../errors/redact.js";
import type { CallScope } from "./call-scope.js";
import type { ClockSkew } from "./clock-skew.js";
import { readCappedBody } from "./read-body.js";
import {
  BodyFailure,
  type DecodeWarning,
  decodeSuccessBody,
  ERROR_BODY_CAP,
  type ErrorFields,
  type FetchLike,
  parseErrorFields,
} from "./response.js";
import { type Decision, type Outcome, type RetryOperation, type RetryQuota, RetryState } from "./retry-policy.js";

/** Sleeps `ms`, rejecting with the signal's reason when it aborts. @internal */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Where the pipeline traces attempts (the client's `logger`). @internal */
export interface TraceSink {
  debug?(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** What the pipeline needs from the client. @internal */
export interface PipelineOptions {
  readonly endpoint: ResolvedEndpoint;
  readonly credentials: CredentialProvider & { invalidate?: () => void };
  /** The one fetch adapter handed to ky. */
  readonly fetch: FetchLike;
  readonly maxAttempts: number;
  readonly random: () => number;
  readonly quota: RetryQuota;
  readonly skew: ClockSkew;
  readonly clock: Clock;
  readonly sleep: Sleep;
  /** The per-attempt timeout (ky's `timeout`), or `null`. */
  readonly attemptMs: number | null;
  readonly userAgent: string;
  readonly logger?: TraceSink | undefined;
}

/** One API call as an operation hands it to the pipeline. @internal */
export interface CallRequest<T> {
  readonly operation: "create" | "describe" | "list" | "cancel";
  readonly method: "GET" | "POST" | "PUT";
  /** The path and query (`/inventorytriggerjob…`). */
  readonly path: string;
  readonly body?: string | undefined;
  readonly retry: RetryOperation;
  /** The largest 2xx body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Whether a 2xx must carry an XML body (cancel's need not). */
  readonly expectBody: boolean;
  /** Decodes a 2xx body, reporting tolerated oddities to `onWarning`; throws an `XmlModelError`. */
  readonly decode: (text: string, onWarning: (warning: DecodeWarning) => void) => T;
}

/** What a call produced. @internal */
export interface CallResult<T> {
  readonly value: T;
  readonly status: number;
  /** The last response's request id. */
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly warnings: readonly DecodeWarning[];
}

/**
 * Thrown instead of the failure when the operation must follow up rather than fail: `reconcile`
 * (a create that may have made the job: look for it, never resend) or `verify-cancel` (a retried
 * cancel refused after an earlier attempt may have worked: describe the job).
 * @internal
 */
export class FollowUpRequired extends Error {
  override readonly name = "FollowUpRequired";
  declare readonly action: "reconcile" | "verify-cancel";
  /** The failure that made the outcome unknown. */
  declare readonly failure: CiError;
  declare readonly attempts: number;
  declare readonly requestId: string | undefined;

  constructor(action: FollowUpRequired["action"], failure: CiError, attempts: number, requestId: string | undefined) {
    super(failure.message, { cause: failure });
    Object.assign(this, { action, failure, attempts, requestId });
  }
}

/** One call's state across its attempts. */
class Call<T> {
  declare readonly request: CallRequest<T>;
  declare readonly scope: CallScope;
  declare readonly url: string;
  declare readonly retry: RetryState;
  /** Attempts handed to the fetch adapter. */
  started = 0;
  /** Whether any attempt was handed to the fetch adapter. */
  sent = false;
  signingTime = 0;
  startedAt = 0;
  status = 0;
  headers: Headers | undefined;
  text = "";
  fields: ErrorFields | undefined;
  /** The latest attempt's request headers, redacted (only with a debug logger). */
  sentHeaders: Record<string, string> | undefined;
  delayMs = 0;
  result: { value: T } | undefined;
  warnings: DecodeWarning[] = [];
  /** The call's one public error, once decided. */
  final: Error | undefined;

  constructor(request: CallRequest<T>, scope: CallScope, url: string, retry: RetryState) {
    Object.assign(this, { request, scope, url, retry });
  }
}

/** ky, loaded on the first call: its module builds a `Request`, which loads Node's fetch (~40 ms CPU). */
let ky: typeof import("ky") | undefined;
const requestIdOf = (call: Call<unknown>): string | undefined => call.headers?.get("x-ci-request-id") ?? undefined;
const MAX_CAUSE_DEPTH = 10;
const decoder = new TextDecoder();

/** The first string `code` in an error's `cause` chain (undici hides the socket error there). */
function networkCode(error: unknown): string | undefined {
  let level: unknown[] = [error];
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const link of level) {
      if (typeof link !== "object" || link === null) continue;
      const { code, cause, errors } = link as { code?: unknown; cause?: unknown; errors?: unknown };
      if (typeof code === "string") return code;
      if (cause !== undefined) next.push(cause);
      if (Array.isArray(errors)) next.push(...errors);
    }
    level = next;
  }
  return undefined;
}

/** The host a redirect points to, as far as the response tells. */
function locationHost(response: Response): string {
  const location = response.headers.get("location");
  if (location === null) return "an undisclosed host";
  try {
    return new URL(location, response.url || "https://unknown.invalid").host;
  } catch {
    return "an unreadable Location";
  }
}

/**
 * The request pipeline: every attempt of every call goes through one ky instance and the one fetch
 * adapter handed to it as ky's `fetch`. ky runs the attempt loop: `beforeRequest` signs each attempt
 * afresh (current credentials, `now` plus the learnt clock skew); `timeout` bounds each attempt, the
 * body read and a 2xx's decoding included; the call's combined signal (caller plus total deadline)
 * covers everything; `retry.shouldRetry` asks the retry policy (a pure function of the outcome) and
 * `beforeRetry` sleeps its delay on the injected clock (ky's own delay is 0). Redirects are refused
 * (`redirect: "manual"`; any 3xx is an error naming the `Location` host). The call's one public error
 * is built when the policy's decision is final, with every secret the client holds scrubbed from it.
 * @internal
 */
export class Pipeline {
  readonly #o: PipelineOptions;
  #ky: KyInstance | undefined;
  /** The SecretKeys and session tokens signed with so far: scrubbed from errors and logs. */
  readonly secrets: Set<string> = new Set();

  constructor(options: PipelineOptions) {
    this.#o = options;
  }

  /** The client's one ky instance, made on its first call. */
  async #instance(): Promise<KyInstance> {
    ky ??= await import("ky");
    this.#ky ??= ky.default.create({
      timeout: this.#o.attemptMs ?? false,
      redirect: "manual",
      headers: { "user-agent": this.#o.userAgent },
      retry: {
        limit: this.#o.maxAttempts - 1,
        methods: ["get", "put", "post"],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [],
        retryOnTimeout: true,
        delay: () => 0,
      },
    });
    return this.#ky;
  }

  /**
   * Sends one call: resolves with the decoded 2xx body, or rejects with its one `CiError` (or, for
   * the operations to handle, `FollowUpRequired`).
   */
  async send<T>(request: CallRequest<T>, scope: CallScope): Promise<CallResult<T>> {
    const o = this.#o;
    const retry = new RetryState(request.retry, o.maxAttempts, o.quota, o.random, scope.deadline);
    const call = new Call(request, scope, `${o.endpoint.url}${request.path}`, retry);
    try {
      if (scope.aborted) throw scope.signal.reason;
      await (this.#ky ?? (await this.#instance()))(call.url, {
        method: request.method,
        ...(request.body !== undefined && { body: request.body, headers: { "content-type": "application/xml" } }),
        signal: scope.signal,
        fetch: (input, init) => this.#attempt(input as Request, init, call),
        retry: { shouldRetry: ({ error }) => this.#judge(error, call) },
        hooks: {
          beforeRequest: [(input) => this.#sign(input, call)],
          beforeRetry: [() => o.sleep(call.delayMs, scope.signal)],
        },
      });
    } catch (error) {
      if (call.final === undefined) this.#judge(error, call);
      throw scrubSecrets(call.final, this.secrets);
    }
    const result = call.result as { value: T };
    return {
      value: result.value,
      status: call.status,
      requestId: requestIdOf(call),
      attempts: call.retry.attempts,
      warnings: call.warnings,
    };
  }

  /** `beforeRequest`: signs the attempt with the current credentials and `now + skew`. */
  async #sign(input: Request, call: Call<unknown>): Promise<void> {
    const { endpoint, skew } = this.#o;
    let credentials: Credentials;
    try {
      credentials = await this.#o.credentials();
    } catch (cause) {
      if (isCiError(cause)) throw cause;
      throw new CredentialsError("The credentials provider failed; see `cause`.", {
        code: "PROVIDER_FAILED",
        source: this.#o.credentials.source,
        cause: redactCause(scrubSecrets(cause, this.secrets)),
      });
    }
    if (this.secrets.size > 16) this.secrets.clear();
    this.secrets.add(credentials.secretKey);
    if (credentials.sessionToken) this.secrets.add(credentials.sessionToken);
    call.signingTime = skew.signingTime();
    const toSign: Record<string, string> = { host: endpoint.signedHost };
    if (call.request.body !== undefined) toSign["content-type"] = "application/xml";
    const signed = await signRequest({
      method: call.request.method,
      url: input.url,
      headers: toSign,
      credentials,
      now: call.signingTime,
    });
    input.headers.set("host", endpoint.signedHost);
    for (const [name, value] of Object.entries(signed.headers)) input.headers.set(name, value);
  }

  /**
   * ky's `fetch`: the adapter, then the body read under its cap, inside ky's per-attempt timeout.
   * Hands ky a body-less response; the text stays in the call's state.
   */
  #attempt(input: Request, init: RequestInit | undefined, call: Call<unknown>): Promise<Response> {
    // Settled by the call's own signal too: the request's signal follows it only weakly (`AbortSignal.any`,
    // undici's `Request`), so an adapter waiting on that signal alone could be collected, and never settle.
    const { signal } = call.scope;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      this.#exchange(input, init, call)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onAbort));
    });
  }

  async #exchange(input: Request, init: RequestInit | undefined, call: Call<unknown>): Promise<Response> {
    call.started += 1;
    call.sent = true;
    call.startedAt = this.#o.clock.now();
    call.fields = undefined;
    if (this.#o.logger?.debug) call.sentHeaders = redactHeaders(input.headers);
    const response = await this.#o.fetch(input, init);
    this.#o.skew.update(response.headers.get("date"));
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined);
      const host = locationHost(response);
      throw new CiServiceError({
        code: "UnexpectedRedirect",
        status: response.status,
        serverMessage:
          `the endpoint answered with a redirect to ${host}; redirects are never followed (they would carry ` +
          "the signed request and its token to another host). Check the bucket, region and endpoint",
        retryable: false,
        attempts: call.started,
        request: { method: call.request.method, url: call.url },
      });
    }
    const ok = response.status >= 200 && response.status < 300;
    const cap = ok ? call.request.maxBodyBytes : ERROR_BODY_CAP;
    const read = await readCappedBody(response, cap);
    call.status = response.status;
    call.headers = response.headers;
    call.text = read.bytes.byteLength === 0 ? "" : decoder.decode(read.bytes);
    if (!read.ok && ok) {
      if (input.signal.aborted) throw input.signal.reason;
      if (read.kind === "too-large") throw new BodyFailure("TOO_LARGE", `more than ${cap} bytes`, cap);
      throw new BodyFailure("TRUNCATED", "the body ended early", undefined, read.cause);
    }
    if (ok) this.#accept(response, call);
    // ky reads only the status and headers: hand it the adapter's, not a new Response copying them.
    const { status, statusText, headers, url, type } = response;
    return { ok, status, statusText, headers, url, type, redirected: false, body: null } as Response;
  }

  /** Decodes a 2xx body inside the attempt (so ky's timeout covers it, with no `afterResponse` clone). */
  #accept(response: Response, call: Call<unknown>): void {
    const { request } = call;
    const warnings: DecodeWarning[] = [];
    const value = decodeSuccessBody(call.text, response.headers.get("content-type"), request.expectBody, (text) =>
      request.decode(text, (warning) => warnings.push(warning)),
    );
    call.warnings = warnings;
    call.result = { value };
    call.retry.onSuccess();
    this.#trace(call, "success", undefined);
  }

  /**
   * `retry.shouldRetry` (and, once ky has spent its attempts, the final word): asks the retry
   * policy about a failed attempt. `true` retries after `call.delayMs`; `false` leaves the call's
   * one public error in `call.final`.
   */
  #judge(error: unknown, call: Call<unknown>): boolean {
    if (call.final !== undefined) return false;
    if (call.scope.aborted) {
      call.final = this.#abortError(call);
      return false;
    }
    if (isCiError(error)) {
      call.final = error;
      this.#trace(call, "fail", error.code);
      return false;
    }
    const outcome = this.#outcomeOf(error, call);
    const decision = call.retry.onFailure(outcome, this.#o.clock.now(), this.#o.skew.offsetMs);
    this.#trace(call, decision.action, decision.reason, decision.action === "retry" ? decision.delayMs : undefined);
    if (decision.action === "retry") {
      call.delayMs = decision.delayMs;
      if (decision.refreshCredentials) this.#o.credentials.invalidate?.();
      return true;
    }
    call.final = this.#finalOf(decision, error, outcome, call);
    return false;
  }

  #outcomeOf(error: unknown, call: Call<unknown>): Outcome {
    if (ky?.isHTTPError(error)) {
      const headers = call.headers ?? error.response.headers;
      call.fields ??= parseErrorFields(call.text);
      return {
        kind: "status",
        status: error.response.status,
        code: call.fields.code,
        message: call.fields.message,
        xmlBody: call.fields.xmlBody,
        skewed: this.#o.skew.wasSkewed(call.signingTime, headers.get("date")),
        retryAfter: headers.get("retry-after"),
      };
    }
    if (error instanceof BodyFailure) return { kind: error.code === "TRUNCATED" ? "truncated" : "decode" };
    if (ky?.isTimeoutError(error)) return { kind: "attempt-timeout" };
    return { kind: "network", code: networkCode(error), sent: call.sent };
  }

  /** Builds the call's one public error from the policy's final decision. */
  #finalOf(decision: Exclude<Decision, { action: "retry" }>, error: unknown, outcome: Outcome, call: Call<unknown>) {
    const retryable = decision.action === "fail" ? decision.retryable : decision.action === "reconcile";
    const failure = this.#errorOf(error, outcome, call, retryable);
    const attempts = call.retry.attempts;
    if (decision.action === "fail") return failure;
    return new FollowUpRequired(decision.action, failure, attempts, requestIdOf(call));
  }

  #errorOf(error: unknown, outcome: Outcome, call: Call<unknown>, retryable: boolean): CiError {
    const attempts = call.retry.attempts;
    const request = { method: call.request.method, url: call.url };
    const requestId = requestIdOf(call);
    if (outcome.kind === "status") {
      const fields = call.fields ?? { xmlBody: false };
      return new CiServiceError({
        code: fields.code ?? `HTTP_${outcome.status}`,
        status: outcome.status,
        serverMessage: fields.message,
        requestId: fields.requestId ?? requestId,
        traceId: fields.traceId ?? call.headers?.get("x-ci-trace-id") ?? undefined,
        resource: fields.resource,
        retryable,
        attempts,
        request,
        body: call.text,
      });
    }
    if (error instanceof BodyFailure) {
      return new CiResponseError({
        code: error.code,
        status: call.status,
        requestId,
        contentType: call.headers?.get("content-type") ?? undefined,
        body: call.text,
        detail: error.detail,
        limitBytes: error.limitBytes,
        retryable,
        attempts,
        request,
        ...(error.cause !== undefined && { cause: error.cause }),
      });
    }
    const code = outcome.kind === "network" ? outcome.code : undefined;
    if (outcome.kind === "attempt-timeout" || code === "UND_ERR_CONNECT_TIMEOUT") {
      const connect = outcome.kind !== "attempt-timeout";
      const ms = (connect ? undefined : this.#o.attemptMs) ?? 0;
      return new CiTimeoutError({
        timeout: connect ? "connect" : "attempt",
        ms,
        retryable,
        attempts,
        request,
        // ky's TimeoutError holds the signed Request: never keep it.
        cause: connect ? error : new DOMException(`the attempt took longer than ${ms} ms`, "TimeoutError"),
      });
    }
    return new CiNetworkError({
      code: code ?? "NETWORK_ERROR",
      sent: call.sent && !(code !== undefined && NOT_SENT_CODES.has(code)),
      retryable,
      attempts,
      request,
      cause: error,
    });
  }

  #abortError(call: Call<unknown>): CiError {
    const { scope } = call;
    if (scope.deadlineExpired && !scope.callerSignal?.aborted) {
      return new CiTimeoutError({
        timeout: "total",
        ms: scope.totalMs ?? 0,
        sent: call.sent,
        retryable: true,
        attempts: call.started,
        cause: scope.signal.reason,
      });
    }
    return new CiAbortError({
      cause: scope.callerSignal?.reason ?? scope.signal.reason,
      sent: call.sent,
      attempts: call.started,
    });
  }

  #trace(call: Call<unknown>, action: string, reason: string | undefined, delayMs?: number): void {
    const debug = this.#o.logger?.debug;
    if (debug === undefined) return;
    const fields = {
      operation: call.request.operation,
      attempt: call.started,
      method: call.request.method,
      url: redactUrl(call.url),
      status: call.status,
      requestId: requestIdOf(call),
      durationMs: this.#o.clock.now() - call.startedAt,
      headers: call.sentHeaders,
      action,
      ...(reason !== undefined && { reason }),
      ...(delayMs !== undefined && { delayMs }),
    };
    debug.call(
      this.#o.logger,
      `ci-client ${call.request.operation} attempt ${call.started}: ${action}`,
      scrubSecrets(fields, this.secrets),
    );
  }
}
