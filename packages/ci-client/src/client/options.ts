import type { CredentialProvider, CredentialsInput } from "../credentials/types.js";
import type { EndpointOverride } from "../endpoint/endpoint.js";
import type { FetchLike } from "../transport/transport.js";
import type { RetryOptions } from "../validation/retry-options.js";
import type { TimeoutOptions } from "../validation/timeouts.js";
import type { CiLogger } from "./logger.js";

/**
 * The time source of a client: `now()` for signing, deadlines and the clock-skew offset, and an
 * optional `sleep` for backoff and polling (default: real timers). `@cibatch/testing-fakes`'s
 * `FakeClock` fits.
 *
 * @example
 * ```ts
 * import type { CiClock } from "@cibatch/ci-client";
 *
 * let now = Date.parse("2026-01-01T00:00:00Z");
 * const clock: CiClock = { now: () => now, sleep: async (ms) => { now += ms; } };
 * ```
 * @public
 */
export interface CiClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Options of {@link CiClient}. Only `bucket` and `region` are required.
 *
 * @example
 * ```ts
 * import { CiClient, type CiClientOptions } from "@cibatch/ci-client";
 *
 * const options: CiClientOptions = {
 *   bucket: "examplebucket-1250000000",
 *   region: "ap-beijing",
 *   retry: { maxAttempts: 5 },
 *   timeouts: { attemptTimeoutMs: 10_000, deadlineMs: 60_000 },
 * };
 * const client = new CiClient(options);
 * ```
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
   * function (wrapped in `refreshingProvider`: cached, refreshed before `expiresAt`, single flight).
   *
   * @defaultValue `defaultCredentialChain()`: environment, then the profile file.
   */
  readonly credentials?: CredentialsInput | CredentialProvider | (() => Promise<CredentialsInput>) | undefined;
  /**
   * Connect somewhere else: the fake (`http://127.0.0.1:9000`), a proxy or a custom domain. The
   * `Host` sent and signed stays `<bucket>.ci.<region>.myqcloud.com` unless `signedHost` says
   * otherwise. https by default; http is allowed here.
   */
  readonly endpoint?: string | URL | EndpointOverride | undefined;
  /**
   * The `fetch` to send with (the fake's `fake.fetch` in tests).
   *
   * @defaultValue Node: a `node:http`/`node:https` keep-alive transport that honours `Host` and the
   * connect timeout; elsewhere `globalThis.fetch`.
   */
  readonly fetch?: FetchLike | undefined;
  /** Retry settings (reliability §1). */
  readonly retry?: RetryOptions | undefined;
  /** Connect, per-attempt and total timeouts (reliability §3); `0` disables one. */
  readonly timeouts?: TimeoutOptions | undefined;
  /** The time source. @defaultValue `Date.now` and real timers */
  readonly clock?: CiClock | undefined;
  /** Random numbers in `[0, 1)` for backoff jitter and the name nonce. @defaultValue `Math.random` */
  readonly random?: (() => number) | undefined;
  /** Where per-attempt debug lines and warnings go (redacted). @defaultValue none */
  readonly logger?: CiLogger | undefined;
  /** Appended to the `User-Agent` (`cibatch-ci-client/<version> <userAgent>`). */
  readonly userAgent?: string | undefined;
}

/**
 * Options every operation takes.
 *
 * @example
 * ```ts
 * import { CiClient, type CallOptions } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const options: CallOptions = { signal: AbortSignal.timeout(5_000) };
 * await client.describeJob("b3deffea2f84911ec9cb15254008618d9", options);
 * ```
 * @public
 */
export interface CallOptions {
  /** Cancels the call, including backoff sleeps; the call rejects with a `CiAbortError`. */
  readonly signal?: AbortSignal | undefined;
}
