import type { Clock } from "../credentials/types.js";
import type { ResolvedEndpoint } from "../endpoint/endpoint.js";
import type { ClockSkew } from "../retry/clock-skew.js";
import type { Sleep } from "../transport/ky-transport.js";
import type { CallScope, Transport } from "../transport/transport.js";
import type { ResolvedTimeouts } from "../validation/timeouts.js";

/**
 * A configured connection to one bucket's CI endpoint, without any operation: what
 * {@link createCiCore} returns and what the standalone operation functions (`describeJob`,
 * `listJobs`, …) take as their first argument. Holds the endpoint, the credentials, the transport
 * with its retry policy and quota, the timeouts and the clock-skew state; import only the operations
 * you call, and a bundler leaves the others out.
 *
 * @example
 * ```ts
 * import { type CiCore, createCiCore, describeJob } from "@cibatch/ci-client";
 *
 * const core: CiCore = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await describeJob(core, "b3deffea2f84911ec9cb15254008618d9");
 * console.log(core.endpointUrl, job.State);
 * ```
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

/**
 * What the operations share from their client: the transport, the endpoint, time, randomness and
 * the clock-skew state.
 *
 * @example
 * ```ts
 * import type { ClientCore } from "./client-core.js";
 *
 * function bucketOf(core: ClientCore): string {
 *   return core.endpoint.bucket;
 * }
 * ```
 * @internal
 */
export interface ClientCore extends CiCore {
  /** Sends calls with retries. */
  readonly transport: Transport;
  /** Bucket, region and where to connect. */
  readonly endpoint: ResolvedEndpoint;
  /** The injected clock. */
  readonly clock: Clock;
  /** The injected sleep. */
  readonly sleep: Sleep;
  /** The injected random source. */
  readonly random: () => number;
  /** The resolved timeouts. */
  readonly timeouts: ResolvedTimeouts;
  /** The clock-skew state. */
  readonly skew: ClockSkew;
  /** Opens the scope (signals, deadline) of one call. */
  scope(signal: AbortSignal | undefined): CallScope;
}
