import type { CiClient, JobState, JobsDetail, WaitForJobOptions, WithMetadata } from "@cibatch/ci-client";
import { CliError } from "../cli-error.js";

/**
 * How `jobs wait`, `jobs watch` and the `--wait` flags wait for a job.
 *
 * @example
 * ```ts
 * import type { JobWait } from "./wait-job.js";
 * const wait: JobWait = {
 *   jobId: "b1",
 *   until: ["Success", "Failed", "Cancel"],
 *   intervalMs: 5000,
 *   timeoutMs: 0,
 *   signal: new AbortController().signal,
 *   now: Date.now,
 * };
 * ```
 * @internal
 */
export interface JobWait {
  readonly jobId: string;
  /** The states to stop at. */
  readonly until: readonly JobState[];
  readonly intervalMs: number;
  /** 0 = no limit. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  /** The injected clock (to tell the wait's own deadline from one poll's). */
  readonly now: () => number;
  /** After every successful poll. */
  readonly onProgress?: ((job: JobsDetail & WithMetadata) => void) | undefined;
  /** After a failed poll that the wait survives (it keeps polling until its timeout). */
  readonly onPollError?: ((error: unknown, info: { polls: number; nextPollInMs: number }) => void) | undefined;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Whether `error` is the wait's own deadline (not one poll's `--cli-total-timeout`). */
function isWaitDeadline(error: unknown, timeoutMs: number, elapsedMs: number): boolean {
  const e = error as { name?: unknown; code?: unknown; timeout?: unknown; ms?: unknown } | null;
  if (timeoutMs === 0 || e?.name !== "CiTimeoutError") return false;
  if (e.timeout === "wait" || e.code === "WAIT_TIMEOUT") return true;
  return elapsedMs >= timeoutMs || (e.timeout === "total" && e.ms === timeoutMs);
}

/**
 * Waits for a job through the client's `waitForJob` (the one place the CLI calls it): polls every
 * `intervalMs` until the job reaches one of `until`, the timeout, or the signal. At the timeout it throws a
 * `CliError`: `WAIT_TIMEOUT` (exit 8) when the job was seen, `UNAVAILABLE` (exit 6) when no poll ever
 * answered, since then nothing is known about the job. A failed first poll ends the wait at once with its error
 * (a service never reached is not worth polling for half an hour); once the job was seen, failed polls that the
 * client survives go to `onPollError` and the wait goes on. Any other error (not found, credentials refused)
 * comes through as the client threw it.
 *
 * @param client - The client.
 * @param wait - Job, states, interval, timeout, signal and callbacks.
 * @returns The job in the state reached.
 * @example
 * ```ts
 * import { waitJob } from "./wait-job.js";
 * declare const client: import("@cibatch/ci-client").CiClient;
 * const job = await waitJob(client, {
 *   jobId: "b1",
 *   until: ["Success"],
 *   intervalMs: 5000,
 *   timeoutMs: 60_000,
 *   signal: new AbortController().signal,
 *   now: Date.now,
 * });
 * ```
 * @internal
 */
export async function waitJob(client: CiClient, wait: JobWait): Promise<JobsDetail & WithMetadata> {
  let last: (JobsDetail & WithMetadata) | undefined;
  const start = wait.now();
  const stop = new AbortController();
  let firstPollError: { error: unknown } | undefined;
  const options: WaitForJobOptions & { onPollError?: JobWait["onPollError"] } = {
    until: [...wait.until],
    interval: wait.intervalMs,
    timeout: wait.timeoutMs,
    signal: AbortSignal.any([wait.signal, stop.signal]),
    onProgress: (job) => {
      last = job as JobsDetail & WithMetadata;
      wait.onProgress?.(last);
    },
    onPollError: (error, info) => {
      if (last === undefined) {
        firstPollError = { error };
        stop.abort(error);
      } else wait.onPollError?.(error, info);
    },
  };
  try {
    return await client.waitForJob(wait.jobId, options);
  } catch (error) {
    if (wait.signal.aborted) throw error;
    if (firstPollError !== undefined) throw firstPollError.error;
    if (!isWaitDeadline(error, wait.timeoutMs, wait.now() - start)) throw error;
    const seen = last ?? (error as { lastJob?: JobsDetail }).lastJob;
    if (seen === undefined) {
      throw new CliError(
        "UNAVAILABLE",
        `no answer about job ${wait.jobId} within --timeout ${seconds(wait.timeoutMs)}: the service was not reached. Check --endpoint-url and the network; the per-request limits are --cli-read-timeout and --cli-total-timeout`,
        { cause: error },
      );
    }
    throw new CliError(
      "WAIT_TIMEOUT",
      `timed out after ${seconds(wait.timeoutMs)} waiting for job ${wait.jobId}; it is still ${String(seen.State)} and keeps running. Raise --timeout, or check it with: cibatch jobs describe ${wait.jobId}`,
      { cause: error },
    );
  }
}

/**
 * The states a wait stops at for each `--until` condition (`success` stops at any end state, then checks it).
 *
 * @param until - `success`, `terminal`, `running` or `cancel`.
 * @returns The states.
 * @example
 * ```ts
 * import { stopStates } from "./wait-job.js";
 * stopStates("running"); // ["Running", "Success", "Failed", "Cancel"]
 * ```
 * @internal
 */
export function stopStates(until: string): JobState[] {
  const terminal: JobState[] = ["Success", "Failed", "Cancel"];
  return until === "running" ? ["Running", ...terminal] : terminal;
}

/**
 * Whether a state ends a job.
 *
 * @param state - The state.
 * @returns `true` for `Success`, `Failed` and `Cancel`.
 * @example
 * ```ts
 * import { isTerminal } from "./wait-job.js";
 * isTerminal("Cancel"); // true
 * ```
 * @internal
 */
export function isTerminal(state: string): boolean {
  return state === "Success" || state === "Failed" || state === "Cancel";
}
