import { defaultFetch } from "#default-fetch";
import { resolveEndpoint } from "../endpoint/endpoint.js";
import { ValidationError } from "../errors/validation-error.js";
import { ClockSkew } from "../retry/clock-skew.js";
import { RetryQuota } from "../retry/retry-quota.js";
import { KyTransport } from "../transport/ky-transport.js";
import type { CallScope } from "../transport/transport.js";
import { normalizeMaxAttempts } from "../validation/retry-options.js";
import { normalizeTimeouts } from "../validation/timeouts.js";
import { openCallScope } from "./call-scope.js";
import type { CiCore, ClientCore } from "./client-core.js";
import { defaultSleep } from "./default-sleep.js";
import type { CiClientOptions } from "./options.js";
import { toProvider } from "./to-provider.js";

/** The `User-Agent` product token. */
const USER_AGENT = "cibatch-ci-client";

/**
 * Builds a {@link CiCore}: the endpoint, credentials, transport (retries, quota, timeouts,
 * clock-skew correction) of one bucket, and no operation. Pass it to the standalone functions
 * (`describeJob`, `describeJobs`, `listJobs`, `paginateJobs`, `paginateJobPages`, `createJob`,
 * `cancelJob`, `waitForJob`), importing only those you call: a bundler then leaves out the create
 * encoder and validation, reconciliation, pagination and polling. Takes the same options as
 * `new CiClient(options)`, which is built on it.
 *
 * @param options - Bucket and region (validated: a `ValidationError` lists every problem), and
 *   optional credentials, endpoint, fetch, retry, timeouts, clock, random, logger and user agent.
 * @returns The core.
 * @throws `ValidationError` for bad options (nothing is sent).
 *
 * @example
 * ```ts
 * import { createCiCore, describeJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await describeJob(core, "b3deffea2f84911ec9cb15254008618d9");
 * console.log(job.Name, job.State, job.$metadata.requestId);
 * ```
 * @public
 */
export function createCiCore(options: CiClientOptions): CiCore {
  if (typeof options !== "object" || options === null) {
    throw new ValidationError({
      problems: [{ path: "options", message: "must be an object with bucket and region" }],
    });
  }
  const endpoint = resolveEndpoint({
    bucket: options.bucket,
    region: options.region,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
  });
  const timeouts = normalizeTimeouts(options.timeouts);
  const random = options.random ?? Math.random;
  // Validated here; the retry policy itself is built by the transport's lazily loaded retry path.
  const maxAttempts = normalizeMaxAttempts(options.retry?.maxAttempts);
  const clock = options.clock ?? { now: () => Date.now() };
  const sleep = options.clock?.sleep ? options.clock.sleep.bind(options.clock) : defaultSleep;
  const logger = options.logger;
  const skew = new ClockSkew({
    clock,
    onChange: (offsetMs, previousMs) =>
      logger?.debug?.(`ci-client: clock skew offset ${previousMs} ms -> ${offsetMs} ms`, { offsetMs, previousMs }),
  });
  const transport = new KyTransport({
    endpoint,
    credentials: toProvider(options),
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
  const core: ClientCore = {
    bucket: endpoint.bucket,
    region: endpoint.region,
    endpointUrl: endpoint.url,
    get clockSkewMs(): number {
      return skew.offsetMs;
    },
    transport,
    endpoint,
    clock,
    sleep,
    random,
    timeouts,
    skew,
    scope: (signal: AbortSignal | undefined): CallScope => openCallScope(signal, timeouts.totalMs, clock),
  };
  return core;
}
