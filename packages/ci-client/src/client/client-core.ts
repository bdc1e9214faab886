import type { Clock } from "../credentials/types.js";
import type { ResolvedEndpoint } from "../endpoint/endpoint.js";
import type { ClockSkew } from "../retry/clock-skew.js";
import type { Sleep } from "../transport/ky-transport.js";
import type { CallScope, Transport } from "../transport/transport.js";
import type { ResolvedTimeouts } from "../validation/timeouts.js";

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
export interface ClientCore {
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
