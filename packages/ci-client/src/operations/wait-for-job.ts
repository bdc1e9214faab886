import type { JobState, JobsDetail } from "@cibatch/xml-model";
import type { ClientCore } from "../client/client-core.js";
import type { WithMetadata } from "../client/metadata.js";
import type { CallOptions } from "../client/options.js";
import { CiAbortError } from "../errors/ci-abort-error.js";
import { CiTimeoutError } from "../errors/ci-timeout-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { describeJobCall } from "./describe-jobs.js";

/** The states a job never leaves (api.md §5.1). */
const TERMINAL_STATES: readonly JobState[] = ["Success", "Failed", "Cancel"];

/**
 * Options of {@link CiClient.waitForJob}.
 *
 * @example
 * ```ts
 * import { CiClient, type WaitForJobOptions } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const options: WaitForJobOptions = { interval: 10_000, timeout: 3_600_000, onProgress: (job) => console.log(job.State) };
 * const job = await client.waitForJob("b3deffea2f84911ec9cb15254008618d9", options);
 * ```
 * @public
 */
export interface WaitForJobOptions extends CallOptions {
  /** The states to stop at. @defaultValue `["Success", "Failed", "Cancel"]` */
  readonly until?: readonly JobState[] | undefined;
  /** Milliseconds between describes. @defaultValue 5000 */
  readonly interval?: number | undefined;
  /** Give up after this many milliseconds (each describe also has its own deadline); `0` waits for ever. @defaultValue 1800000 (30 min) */
  readonly timeout?: number | undefined;
  /** Called with the job after every describe. */
  readonly onProgress?: ((job: JobsDetail) => void) | undefined;
}

function checkMs(value: unknown, path: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new ValidationError({
      problems: [{ path, message: `must be a number of milliseconds ≥ ${min}, got ${String(value)}` }],
    });
  }
  return value;
}

/**
 * Polls `describeJob` until the job reaches one of `until` (by default a terminal state), the
 * wait times out (`CiTimeoutError`, `timeout: "total"`), or the signal aborts (`CiAbortError`).
 * Each describe is a full call with its own retries and deadline. Sleeps use the injected clock.
 *
 * @param core - The client.
 * @param jobId - The job id.
 * @param options - States, interval, timeout, signal, progress callback.
 * @returns The job in the state reached.
 *
 * @example
 * ```ts
 * import { waitForJobCall } from "./wait-for-job.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * const job = await waitForJobCall(core, "b3deffea2f84911ec9cb15254008618d9", { interval: 1_000 });
 * ```
 * @internal
 */
export async function waitForJobCall(
  core: ClientCore,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<JobsDetail & WithMetadata> {
  const until = options.until ?? TERMINAL_STATES;
  if (!Array.isArray(until) || until.length === 0) {
    throw new ValidationError({ problems: [{ path: "until", message: "must list at least one job state" }] });
  }
  const interval = checkMs(options.interval, "interval", 5_000, 0);
  const timeout = checkMs(options.timeout, "timeout", 30 * 60_000, 0);
  const waitSignal = timeout === 0 ? undefined : AbortSignal.timeout(timeout);
  const signals = [options.signal, waitSignal].filter((s): s is AbortSignal => s !== undefined);
  const signal = signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals);
  const deadline = timeout === 0 ? Number.POSITIVE_INFINITY : core.clock.now() + timeout;
  let polls = 0;
  const timedOut = (cause?: unknown): CiTimeoutError =>
    new CiTimeoutError({
      timeout: "total",
      ms: timeout,
      sent: false,
      retryable: true,
      attempts: polls,
      ...(cause !== undefined && { cause }),
    });
  for (;;) {
    let job: JobsDetail & WithMetadata;
    const scope = core.scope(signal);
    try {
      job = await describeJobCall(core, jobId, scope);
    } catch (error) {
      if (waitSignal?.aborted && !options.signal?.aborted) throw timedOut(error);
      throw error;
    } finally {
      scope.close?.();
    }
    polls += 1;
    options.onProgress?.(job);
    if (until.includes(job.State as JobState)) return job;
    if (core.clock.now() + interval > deadline) throw timedOut();
    try {
      await core.sleep(interval, signal);
    } catch (error) {
      if (options.signal?.aborted)
        throw new CiAbortError({ cause: options.signal.reason, sent: false, attempts: polls });
      if (waitSignal?.aborted) throw timedOut(error);
      throw error;
    }
  }
}
