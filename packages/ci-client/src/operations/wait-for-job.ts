import type { JobState, JobsDetail } from "@cibatch/xml-model";
import { type CallOptions, type CiCore, internalsOf, type WithMetadata } from "../core.js";
import { CiAbortError } from "../errors/ci-abort-error.js";
import type { CiError } from "../errors/ci-error.js";
import { CiTimeoutError } from "../errors/ci-timeout-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { describeJobIn } from "./describe-job.js";

const TERMINAL_STATES: readonly JobState[] = ["Success", "Failed", "Cancel"];
const MAX_THROTTLED_INTERVAL_MS = 60_000;

/**
 * Options of `waitForJob` (all durations in ms).
 *
 * @public
 */
export interface WaitForJobOptions extends CallOptions {
  /** The states to stop at. @defaultValue `["Success", "Failed", "Cancel"]` */
  readonly until?: readonly JobState[] | undefined;
  /** Time between polls. @defaultValue 5000 */
  readonly interval?: number | undefined;
  /**
   * Give up after this long, aborting a poll still in flight; `0` waits for ever.
   * @defaultValue 1800000 (30 min)
   */
  readonly timeout?: number | undefined;
  /** Called with the job after every successful poll. */
  readonly onProgress?: ((job: JobsDetail & WithMetadata) => void) | undefined;
  /**
   * Called after a failed poll that the wait survives (categories `network`, `timeout`,
   * `throttled`, and `service` errors with a 5xx status); any other failure ends the wait.
   */
  readonly onPollError?:
    | ((error: CiError, info: { readonly polls: number; readonly nextPollInMs: number }) => void)
    | undefined;
}

function checkMs(value: unknown, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ValidationError({
      problems: [{ path, message: `must be a number of milliseconds ≥ 0, got ${String(value)}` }],
    });
  }
  return value;
}

/** Whether a failed poll is one the wait survives. */
function survivable(error: CiError): boolean {
  if (error.category === "network" || error.category === "timeout" || error.category === "throttled") return true;
  const status = (error as { status?: unknown }).status;
  return error.category === "service" && typeof status === "number" && status >= 500;
}

/**
 * Polls a job until it reaches a state of `until`. Each poll is a describe with its own retries
 * and deadline; a poll that fails for a passing reason (network, timeout, throttling, a 5xx) is
 * reported to `onPollError` and polled again (throttling doubles the interval, up to 60 s); any
 * other failure ends the wait with that error. At `timeout` the poll in flight is aborted: if no
 * poll ever succeeded the wait rejects with the last poll's error (an unreachable service is a
 * `network` error), otherwise with a `CiTimeoutError` (code `WAIT_TIMEOUT`) whose `lastJob` is
 * the job as last seen.
 *
 * @param core - From {@link createCiCore}.
 * @param jobId - The job id.
 * @param options - `until`, `interval`, `timeout`, `signal`, `onProgress`, `onPollError`.
 * @returns The job in the state reached, with `$metadata`.
 *
 * @example
 * ```ts
 * import { createCiCore, waitForJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await waitForJob(core, "b3deffea2f84911ec9cb15254008618d9", {
 *   interval: 10_000,
 *   onProgress: (seen) => console.log(seen.State),
 *   onPollError: (error, { nextPollInMs }) => console.warn(`${error.code}; polling again in ${nextPollInMs} ms`),
 * });
 * if (job.State === "Failed") console.error(job.Code, job.Message);
 * ```
 * @public
 */
export async function waitForJob(
  core: CiCore,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<JobsDetail & WithMetadata> {
  const internals = internalsOf(core);
  const until = options.until ?? TERMINAL_STATES;
  if (!Array.isArray(until) || until.length === 0) {
    throw new ValidationError({ problems: [{ path: "until", message: "must list at least one job state" }] });
  }
  const baseInterval = checkMs(options.interval, "interval", 5_000);
  const timeout = checkMs(options.timeout, "timeout", 30 * 60_000);
  const caller = options.signal;
  // The wait's own signal, fired by the caller's or by the timeout. Forwarded by listeners rather than
  // `AbortSignal.any`, whose result the sources hold only weakly.
  const stop = new AbortController();
  const expiredAt = { now: false };
  const onCallerAbort = (): void => stop.abort(caller?.reason);
  if (caller?.aborted) stop.abort(caller.reason);
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    timeout === 0
      ? undefined
      : setTimeout(() => {
          expiredAt.now = true;
          stop.abort(new DOMException(`The wait timeout of ${timeout} ms expired.`, "TimeoutError"));
        }, timeout);
  (timer as { unref?: () => void } | undefined)?.unref?.();
  const signal = stop.signal;
  const deadline = timeout === 0 ? Number.POSITIVE_INFINITY : internals.clock.now() + timeout;
  let polls = 0;
  let interval = baseInterval;
  let lastJob: (JobsDetail & WithMetadata) | undefined;
  let lastError: CiError | undefined;
  const expired = (): CiError =>
    lastJob === undefined && lastError !== undefined
      ? lastError
      : new CiTimeoutError({ timeout: "wait", ms: timeout, sent: false, retryable: true, attempts: polls, lastJob });
  try {
    for (;;) {
      const scope = internals.scope(signal);
      try {
        lastJob = await describeJobIn(internals, jobId, scope);
        polls += 1;
        interval = baseInterval;
        options.onProgress?.(lastJob);
        if (until.includes(lastJob.State as JobState)) return lastJob;
      } catch (error) {
        if (caller?.aborted) throw error;
        if (expiredAt.now) throw expired();
        const failure = error as CiError;
        if (typeof failure?.category !== "string" || !survivable(failure)) throw error;
        polls += 1;
        lastError = failure;
        if (failure.category === "throttled") interval = Math.min(Math.max(interval, 1) * 2, MAX_THROTTLED_INTERVAL_MS);
        options.onPollError?.(failure, { polls, nextPollInMs: interval });
      } finally {
        scope.close();
      }
      if (internals.clock.now() + interval > deadline) throw expired();
      try {
        await internals.sleep(interval, signal);
      } catch (error) {
        if (caller?.aborted) throw new CiAbortError({ cause: caller.reason, sent: false, attempts: polls });
        if (expiredAt.now) throw expired();
        throw error;
      }
    }
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onCallerAbort);
  }
}
