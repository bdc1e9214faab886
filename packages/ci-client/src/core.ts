import { defaultCredentials } from "#default-credentials";
import { defaultFetch } from "#default-fetch";
import { refreshingProvider } from "./credentials/refreshing-provider.js";
import { staticCredentials } from "./credentials/static-credentials.js";
import type { Clock, CredentialProvider, CredentialsInput } from "./credentials/types.js";
import { type EndpointOverride, type ResolvedEndpoint, resolveEndpoint } from "./endpoint.js";
import type { CiError } from "./errors/ci-error.js";
import { describeValue, type InputProblem, ValidationError } from "./errors/validation-error.js";
import { CallScope } from "./http/call-scope.js";
import { ClockSkew } from "./http/clock-skew.js";
import { Pipeline, type Sleep } from "./http/pipeline.js";
import type { DecodeWarning, FetchLike } from "./http/response.js";
import { DEFAULT_MAX_ATTEMPTS, RetryQuota } from "./http/retry-policy.js";

/**
 * The time source of a client: `now()` for signing, deadlines and the clock-skew offset, and an
 * optional `sleep` for backoff and polling (default: real timers). `@cibatch/testing-fakes`'s
 * `manualClock()` fits.
 * @public
 */
export interface CiClock extends Clock {
  /** Resolves after `ms`; rejects with the signal's reason when it aborts. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Where the client reports what it does: `debug` gets one line per attempt (method, redacted URL,
 * status, request id, duration, the retry decision), `warn` gets problems that did not stop the
 * call. No SecretKey, token or signature ever reaches a logger.
 *
 * @public
 */
export interface CiLogger {
  /** Per-attempt trace lines. */
  debug?(message: string, fields?: Readonly<Record<string, unknown>>): void;
  /** Problems that did not stop the call. */
  warn?(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * Timeouts in milliseconds; `0` disables one.
 *
 * @public
 */
export interface TimeoutOptions {
  /** TCP + TLS connection setup, where the fetch adapter can enforce it (Node's default adapter). @defaultValue 5000 */
  readonly connectTimeoutMs?: number | undefined;
  /** One attempt, from sending the request to reading the whole body. @defaultValue 30000 */
  readonly attemptTimeoutMs?: number | undefined;
  /** The whole call: every attempt, backoff sleep and reconciliation. @defaultValue 120000 */
  readonly deadlineMs?: number | undefined;
}

/** The default timeouts. @public */
export const DEFAULT_TIMEOUTS: Readonly<Required<{ [K in keyof TimeoutOptions]: number }>> = Object.freeze({
  connectTimeoutMs: 5_000,
  attemptTimeoutMs: 30_000,
  deadlineMs: 120_000,
});

/**
 * Retry settings.
 *
 * @public
 */
export interface RetryOptions {
  /** Attempts per call, the first included: a whole number ≥ 1; `1` disables retries. @defaultValue 3 */
  readonly maxAttempts?: number | undefined;
}

/**
 * Options of {@link CiClient} and {@link createCiCore}. Only `bucket` and `region` are required.
 * @public
 */
export interface CiClientOptions {
  /** `<BucketName>-<APPID>`, e.g. `examplebucket-1250000000`. */
  readonly bucket: string;
  /** The region id, e.g. `ap-beijing`. */
  readonly region: string;
  /**
   * Credentials: a `{ secretId, secretKey, sessionToken?, expiresAt? }` object, a
   * `CredentialProvider` (such as `fromEnv()` or `refreshingProvider(...)`), or a plain async
   * function (wrapped in `refreshingProvider`: cached, refreshed before `expiresAt`).
   *
   * @defaultValue Node: `defaultCredentialChain()` (environment, then the profile file, read on
   * first use); elsewhere none (every call fails with a `CredentialsError` saying to pass them).
   */
  readonly credentials?: CredentialsInput | CredentialProvider | (() => Promise<CredentialsInput>) | undefined;
  /**
   * Connect somewhere else: the fake (`http://127.0.0.1:9000`), a proxy or a custom domain. The
   * `Host` signed (and sent, where the platform lets a request set it) stays
   * `<bucket>.ci.<region>.myqcloud.com` unless `signedHost` says otherwise.
   */
  readonly endpoint?: string | URL | EndpointOverride | undefined;
  /**
   * The `fetch` every attempt goes through (the fake's `fake.fetch` in tests).
   *
   * @defaultValue Node: a keep-alive `node:http`/`node:https` adapter that sends the signed `Host`
   * and enforces the connect timeout; elsewhere `globalThis.fetch`.
   */
  readonly fetch?: FetchLike | undefined;
  /** Retry settings. */
  readonly retry?: RetryOptions | undefined;
  /** Connect, per-attempt and total timeouts; `0` disables one. */
  readonly timeouts?: TimeoutOptions | undefined;
  /** The time source. @defaultValue `Date.now` and real timers */
  readonly clock?: CiClock | undefined;
  /** Random numbers in `[0, 1)` for backoff jitter and the name nonce. @defaultValue `Math.random` */
  readonly random?: (() => number) | undefined;
  /** Where per-attempt debug lines and warnings go (redacted). @defaultValue none */
  readonly logger?: CiLogger | undefined;
  /** Appended to the `User-Agent` (`cibatch-ci-client <userAgent>`). */
  readonly userAgent?: string | undefined;
}

/**
 * Options every operation takes.
 *
 * @public
 */
export interface CallOptions {
  /** Cancels the call, including backoff sleeps; the call rejects with a `CiAbortError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * What every result carries about the HTTP exchange behind it, as `$metadata`.
 *
 * @public
 */
export interface ResponseMetadata {
  /** `x-ci-request-id` of the response that produced the result (quote it to support). */
  readonly requestId?: string | undefined;
  /** The HTTP status of that response. */
  readonly httpStatusCode: number;
  /** How many attempts the call needed. */
  readonly attempts: number;
  /** What the decoder accepted but found unusual in the response (empty when nothing). */
  readonly warnings: readonly DecodeWarning[];
  /** `createJob` only: `true` when an ambiguous create was settled by finding the job in a list. */
  readonly reconciled?: boolean | undefined;
  /** `createJob` only: the ambiguous failure that reconciliation settled. */
  readonly reconciledAfter?: CiError | undefined;
}

/**
 * A result with its {@link ResponseMetadata}. On job objects (`describeJob`, `createJob`,
 * `waitForJob`) `$metadata` is non-enumerable, so the job serialises as the plain `JobsDetail`.
 *
 * @public
 */
export interface WithMetadata {
  /** The HTTP exchange behind the result. */
  readonly $metadata: ResponseMetadata;
}

/**
 * A configured connection to one bucket's CI endpoint, without any operation: what
 * {@link createCiCore} returns and what the standalone functions (`describeJob`, `listJobs`, …)
 * take first. Import only the operations you call, and a bundler leaves the others out.
 *
 * @public
 */
export interface CiCore {
  /** The bucket this core addresses. */
  readonly bucket: string;
  /** The region this core addresses. */
  readonly region: string;
  /** The origin requests go to (`https://<bucket>.ci.<region>.myqcloud.com`, or the endpoint override). */
  readonly endpointUrl: string;
  /** The clock-skew offset learnt from the service's `Date` headers (`server − local`, ms). */
  readonly clockSkewMs: number;
}

/** A core's internals, as the operations use them. @internal */
export interface CoreInternals extends CiCore {
  readonly pipeline: Pipeline;
  readonly endpoint: ResolvedEndpoint;
  readonly clock: { now(): number };
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly skew: ClockSkew;
  /** Opens the scope (combined signal, deadline) of one call. */
  scope(signal: AbortSignal | undefined): CallScope;
}

const USER_AGENT = "cibatch-ci-client";
const MAX_TIMER_MS = 2_147_483_647;

function timeoutOf(options: TimeoutOptions, key: keyof TimeoutOptions, problems: InputProblem[]): number | null {
  const value: unknown = options[key];
  const path = `timeouts.${key}`;
  if (value === undefined) return DEFAULT_TIMEOUTS[key];
  if (typeof value !== "number" || Number.isNaN(value)) {
    problems.push({ path, message: `must be a number of milliseconds (0 disables it), got ${describeValue(value)}` });
  } else if (value < 0) {
    problems.push({ path, message: `must not be negative (0 disables it), got ${value}` });
  } else if (value > MAX_TIMER_MS) {
    problems.push({
      path,
      message: `must be at most ${MAX_TIMER_MS} ms (about 24.8 days); use 0 to disable it, got ${value}`,
    });
  } else return value === 0 ? null : value;
  return null;
}

/** Validates the timeouts: numbers ≥ 0 (`0` disables one) up to about 24.8 days. @internal */
export function normalizeTimeouts(options: TimeoutOptions = {}): {
  readonly connectMs: number | null;
  readonly attemptMs: number | null;
  readonly totalMs: number | null;
} {
  const problems: InputProblem[] = [];
  const connectMs = timeoutOf(options, "connectTimeoutMs", problems);
  const attemptMs = timeoutOf(options, "attemptTimeoutMs", problems);
  const totalMs = timeoutOf(options, "deadlineMs", problems);
  if (problems.length > 0) throw new ValidationError({ problems });
  return { connectMs, attemptMs, totalMs };
}

/** Validates `retry.maxAttempts`. @internal */
export function normalizeMaxAttempts(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError({
      problems: [
        {
          path: "retry.maxAttempts",
          message: `must be a whole number of at least 1 (1 disables retries), got ${describeValue(value)}`,
        },
      ],
    });
  }
  return value;
}

function providerOf(options: CiClientOptions): CredentialProvider & { invalidate?: () => void } {
  const { credentials, logger } = options;
  const warn = logger?.warn ? { warn: (message: string) => logger.warn?.(message) } : undefined;
  if (credentials === undefined) return defaultCredentials(warn);
  if (typeof credentials === "function") {
    if (typeof (credentials as Partial<CredentialProvider>).source === "string")
      return credentials as CredentialProvider;
    return refreshingProvider(credentials as () => Promise<CredentialsInput>, {
      ...(options.clock && { clock: options.clock }),
      ...(options.random && { random: options.random }),
      ...(warn && { logger: warn }),
      source: "credentials option",
    });
  }
  return staticCredentials(credentials);
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Builds a {@link CiCore}: the endpoint, credentials and request pipeline (retries, quota,
 * timeouts, clock-skew correction) of one bucket, and no operation. Pass it to the standalone
 * functions, importing only those you call. Takes the same options as `new CiClient(options)`,
 * which is built on it.
 *
 * @param options - Bucket and region, and optional credentials, endpoint, fetch, retry, timeouts,
 *   clock, random, logger and user agent.
 * @returns The core.
 * @throws `ValidationError` for bad options (a list of every problem; nothing is sent).
 *
 * @example
 * ```ts
 * import { createCiCore, describeJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await describeJob(core, "b3deffea2f84911ec9cb15254008618d9");
 * console.log(job.Name, job.State);
 * ```
 * @public
 */
export function createCiCore(options: CiClientOptions): CiCore {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError({ problems: [{ path: "options", message: "must be an object with bucket and region" }] });
  }
  const endpoint = resolveEndpoint({
    bucket: options.bucket,
    region: options.region,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
  });
  const timeouts = normalizeTimeouts(options.timeouts);
  const maxAttempts = normalizeMaxAttempts(options.retry?.maxAttempts);
  const random = options.random ?? Math.random;
  const clock = options.clock ?? { now: () => Date.now() };
  const sleep: Sleep = options.clock?.sleep ? options.clock.sleep.bind(options.clock) : realSleep;
  const logger = options.logger;
  const skew = new ClockSkew(clock, (offsetMs, previousMs) =>
    logger?.debug?.(`ci-client: clock skew offset ${previousMs} ms -> ${offsetMs} ms`, { offsetMs, previousMs }),
  );
  const pipeline = new Pipeline({
    endpoint,
    credentials: providerOf(options),
    fetch: options.fetch ?? defaultFetch({ connectMs: timeouts.connectMs }),
    maxAttempts,
    random,
    quota: new RetryQuota(),
    skew,
    clock,
    sleep,
    attemptMs: timeouts.attemptMs,
    userAgent: options.userAgent ? `${USER_AGENT} ${options.userAgent}` : USER_AGENT,
    logger,
  });
  const core: CoreInternals = {
    bucket: endpoint.bucket,
    region: endpoint.region,
    endpointUrl: endpoint.url,
    get clockSkewMs(): number {
      return skew.offsetMs;
    },
    pipeline,
    endpoint,
    clock,
    sleep,
    random,
    skew,
    scope: (signal) => new CallScope(signal, timeouts.totalMs, clock.now()),
  };
  return core;
}

/**
 * The internals of a {@link CiCore}, after checking it came from `createCiCore` (a plain
 * `{ bucket, region }` object is a common mistake).
 * @internal
 */
export function internalsOf(core: CiCore): CoreInternals {
  const candidate = core as Partial<CoreInternals> | null | undefined;
  if (typeof candidate?.scope !== "function" || !(candidate.pipeline instanceof Pipeline)) {
    throw new ValidationError({
      problems: [{ path: "core", message: "must be the result of createCiCore({ bucket, region, … })" }],
    });
  }
  return candidate as CoreInternals;
}

/**
 * Runs one call in its own scope (the caller's signal plus the total deadline), closing the scope
 * when the call settles. Every failure, a bad core included, comes back as a rejection.
 * @internal
 */
export async function runCall<T>(
  core: CiCore,
  options: CallOptions | undefined,
  call: (internals: CoreInternals, scope: CallScope) => Promise<T>,
): Promise<T> {
  const internals = internalsOf(core);
  const scope = internals.scope(options?.signal);
  try {
    return await call(internals, scope);
  } finally {
    scope.close();
  }
}

/** Attaches `$metadata` to a value as a non-enumerable, frozen property. @internal */
export function withMetadata<T extends object>(value: T, metadata: ResponseMetadata): T & WithMetadata {
  Object.defineProperty(value, "$metadata", { value: Object.freeze({ ...metadata }), enumerable: false });
  return value as T & WithMetadata;
}

/** The `$metadata` of a pipeline result. @internal */
export function metadataOf(result: {
  readonly status: number;
  readonly requestId: string | undefined;
  readonly attempts: number;
  readonly warnings: readonly DecodeWarning[];
}): ResponseMetadata {
  return {
    requestId: result.requestId,
    httpStatusCode: result.status,
    attempts: result.attempts,
    warnings: result.warnings,
  };
}
