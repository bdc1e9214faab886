import {
  type CiClient,
  isCiNetworkError,
  isCiResponseError,
  isCiServiceError,
  isCiTimeoutError,
  type JobsDetail,
  type WithMetadata,
} from "@cibatch/ci-client";
import { CliError } from "../cli-error.js";

/** The interval never grows past this while the service throttles (cli.md §4). */
const MAX_THROTTLED_INTERVAL_MS = 60_000;

/**
 * How {@link pollJob} polls.
 *
 * @example
 * ```ts
 * import type { PollOptions } from "./poll-job.js";
 * declare const options: PollOptions;
 * console.log(options.intervalMs);
 * ```
 * @internal
 */
export interface PollOptions {
  readonly client: CiClient;
  readonly jobId: string;
  readonly intervalMs: number;
  /** 0 = wait for ever. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stop when this returns true. */
  readonly done: (job: JobsDetail) => boolean;
  /** Called after every successful describe. */
  readonly onJob?: ((job: JobsDetail & WithMetadata) => void) | undefined;
}

function isThrottled(error: unknown): boolean {
  return (
    isCiServiceError(error) &&
    (error.status === 429 || /SlowDown|Throttl|QueueSaturated|RequestLimitExceeded/.test(error.code))
  );
}

function isTransient(error: unknown): boolean {
  if (isCiNetworkError(error) || isCiTimeoutError(error) || isCiResponseError(error)) return true;
  return isCiServiceError(error) && error.status >= 500;
}

/**
 * Describes a job every `intervalMs` until `done(job)`, the timeout (a `CliError` `WAIT_TIMEOUT`, exit 8) or the
 * signal. Throttling doubles the interval up to 60 s (back to normal after a success); transient failures (network,
 * timeouts, 5xx) that survived the client's own retries do not end the wait before its timeout; anything else
 * (not found, credentials refused) does.
 *
 * @param options - Client, job, interval, timeout, condition.
 * @returns The job that met the condition.
 * @example
 * ```ts
 * import { pollJob } from "./poll-job.js";
 * declare const options: import("./poll-job.js").PollOptions;
 * const job = await pollJob(options);
 * ```
 * @internal
 */
export async function pollJob(options: PollOptions): Promise<JobsDetail & WithMetadata> {
  const start = options.now();
  let interval = options.intervalMs;
  const remaining = (): number =>
    options.timeoutMs === 0 ? Number.POSITIVE_INFINITY : start + options.timeoutMs - options.now();
  for (;;) {
    try {
      const job = await options.client.describeJob(options.jobId, { signal: options.signal });
      interval = options.intervalMs;
      options.onJob?.(job);
      if (options.done(job)) return job;
    } catch (error) {
      if (options.signal.aborted) throw error;
      if (isThrottled(error)) interval = Math.min(interval * 2, MAX_THROTTLED_INTERVAL_MS);
      else if (!isTransient(error)) throw error;
    }
    const left = remaining();
    if (left <= 0) {
      throw new CliError(
        "WAIT_TIMEOUT",
        `timed out after ${Math.round((options.now() - start) / 1000)} s waiting for job ${options.jobId}; the job keeps running (raise --timeout, or check it with: cibatch jobs describe ${options.jobId})`,
      );
    }
    await options.sleep(Math.max(0, Math.min(interval, left)), options.signal);
  }
}

/**
 * Whether a state ends a job.
 *
 * @param state - The state.
 * @returns `true` for `Success`, `Failed` and `Cancel`.
 * @example
 * ```ts
 * import { isTerminal } from "./poll-job.js";
 * isTerminal("Cancel"); // true
 * ```
 * @internal
 */
export function isTerminal(state: string): boolean {
  return state === "Success" || state === "Failed" || state === "Cancel";
}

/**
 * A short elapsed time: `42s`, `3m05s`, `1h02m`.
 *
 * @param ms - Milliseconds.
 * @returns The text.
 * @example
 * ```ts
 * import { elapsed } from "./poll-job.js";
 * elapsed(185_000); // "3m05s"
 * ```
 * @internal
 */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
