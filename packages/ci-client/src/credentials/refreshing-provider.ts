import { isCiError } from "../errors/ci-error.js";
import { CredentialsError } from "../errors/credentials-error.js";
import { redactCause } from "../errors/redact.js";
import { createCredentials } from "./create-credentials.js";
import {
  type Clock,
  type CredentialProvider,
  type Credentials,
  type CredentialsInput,
  type CredentialsLogger,
  defaultLogger,
} from "./types.js";

/** The refresh threshold is stretched by up to this fraction, at random, so that processes spread out. */
const JITTER = 0.5;

/**
 * Options of {@link refreshingProvider}.
 * @public
 */
export interface RefreshingProviderOptions {
  /**
   * Refresh once this little time remains before `expiresAt`. The actual threshold is drawn once per
   * fetched credentials between `refreshBeforeMs` and 1.5 × `refreshBeforeMs`.
   * @defaultValue `60_000` (60 s)
   */
  readonly refreshBeforeMs?: number;
  /**
   * The time source.
   * @defaultValue `Date.now`
   */
  readonly clock?: Clock;
  /**
   * Random numbers in [0, 1) for the jitter.
   * @defaultValue `Math.random`
   */
  readonly random?: () => number;
  /**
   * Receives the message of a failed background refresh (the cached credentials are still used).
   * @defaultValue `process.emitWarning`
   */
  readonly logger?: CredentialsLogger;
  /**
   * The provider's `source`, also named in error messages.
   * @defaultValue `"refreshing"`
   */
  readonly source?: string;
}

/**
 * A {@link CredentialProvider} that caches what it fetches and can be told to drop it.
 * @public
 */
export interface RefreshingCredentialProvider extends CredentialProvider {
  /** Forgets the cached credentials: the next call fetches new ones (and waits for them). */
  invalidate(): void;
}

/**
 * Wraps an async function that fetches temporary credentials (STS, an instance role, a vault) with a
 * cache that refreshes them before they expire:
 *
 * - Credentials without `expiresAt` are cached for good.
 * - While more than the refresh threshold remains, calls return the cached credentials.
 * - Inside the threshold but before expiry, calls still return the cached credentials at once and
 *   start one background refresh; if it fails, the failure goes to `logger.warn` and the next call
 *   tries again.
 * - With nothing cached, or once the credentials have expired, calls wait for the refresh.
 * - Single flight: concurrent callers share one in-flight fetch. When it fails, every waiter gets the
 *   same {@link CredentialsError} (`PROVIDER_FAILED`, with the original error as `cause`); the next
 *   call fetches again.
 *
 * @param fetch - Returns fresh credentials; only called by the provider, never concurrently.
 * @param options - Refresh threshold, clock, random source, logger and source name.
 * @returns The caching provider.
 * @throws RangeError when `refreshBeforeMs` is negative or not finite.
 * @public
 */
export function refreshingProvider(
  fetch: () => Promise<CredentialsInput>,
  options: RefreshingProviderOptions = {},
): RefreshingCredentialProvider {
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  if (!Number.isFinite(refreshBeforeMs) || refreshBeforeMs < 0) {
    throw new RangeError(`refreshBeforeMs must be a finite number of milliseconds >= 0, got ${refreshBeforeMs}.`);
  }
  const clock = options.clock ?? systemClock;
  const random = options.random ?? (() => Math.random());
  const logger = options.logger ?? defaultLogger;
  const source = options.source ?? "refreshing";

  let cached: { credentials: Credentials; refreshAt: number; expiresAt: number } | undefined;
  let inflight: Promise<Credentials> | undefined;

  async function fetchOnce(): Promise<Credentials> {
    let input: CredentialsInput;
    try {
      input = await fetch();
    } catch (cause) {
      if (isCiError(cause)) throw cause;
      throw new CredentialsError(
        `Fetching credentials from ${source} failed (see \`cause\`); the next call tries again.`,
        { code: "PROVIDER_FAILED", source, cause: redactCause(cause) },
      );
    }
    const credentials = createCredentials(input, source);
    const now = clock.now();
    if (credentials.expiresAt === undefined) {
      cached = { credentials, refreshAt: Number.POSITIVE_INFINITY, expiresAt: Number.POSITIVE_INFINITY };
      return credentials;
    }
    const expiresAt = credentials.expiresAt.getTime();
    if (expiresAt <= now) {
      throw new CredentialsError(
        `${source} returned credentials that expired at ${credentials.expiresAt.toISOString()}, before ${new Date(now).toISOString()}. Check the clock of this machine and of the credential source.`,
        { code: "EXPIRED", source },
      );
    }
    const threshold = refreshBeforeMs * (1 + JITTER * random());
    cached = { credentials, refreshAt: expiresAt - threshold, expiresAt };
    return credentials;
  }

  function refresh(): Promise<Credentials> {
    if (inflight !== undefined) return inflight;
    const attempt = fetchOnce();
    inflight = attempt;
    const settle = (): void => {
      if (inflight === attempt) inflight = undefined;
    };
    attempt.then(settle, settle);
    return attempt;
  }
  const provider = (): Promise<Credentials> => {
    const now = clock.now();
    if (cached !== undefined && now < cached.expiresAt) {
      if (now >= cached.refreshAt && inflight === undefined) {
        const validUntil = new Date(cached.expiresAt).toISOString();
        refresh().catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          logger.warn(
            `Background refresh of credentials from ${source} failed; using the cached ones, valid until ${validUntil}. ${reason}`,
          );
        });
      }
      return Promise.resolve(cached.credentials);
    }
    return refresh();
  };
  Object.defineProperties(provider, {
    source: { value: source, enumerable: true },
    invalidate: {
      value: () => {
        cached = undefined;
      },
    },
  });
  return provider as RefreshingCredentialProvider;
}

const systemClock: Clock = { now: () => Date.now() };
