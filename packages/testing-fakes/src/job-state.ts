import { FakeCiError } from "./errors.js";

/**
 * The six job states of the service. Terminal: `Success`, `Failed`, `Cancel`.
 *
 * @example
 * ```ts
 * import type { JobState } from "@cibatch/testing-fakes";
 * const s: JobState = "Running";
 * ```
 */
export type JobState = "Submitted" | "Running" | "Success" | "Failed" | "Pause" | "Cancel";

/**
 * Every {@link JobState}, in lifecycle order.
 *
 * @example
 * ```ts
 * import { JOB_STATES } from "@cibatch/testing-fakes";
 * JOB_STATES.includes("Pause"); // true
 * ```
 */
export const JOB_STATES: readonly JobState[] = ["Submitted", "Running", "Pause", "Success", "Failed", "Cancel"];

/**
 * Whether `state` is final (`Success`, `Failed`, `Cancel`).
 *
 * @example
 * ```ts
 * import { isTerminalState } from "@cibatch/testing-fakes";
 * isTerminalState("Cancel"); // true
 * ```
 */
export function isTerminalState(state: JobState): boolean {
  return state === "Success" || state === "Failed" || state === "Cancel";
}

/**
 * Whether `text` names a {@link JobState} (case-sensitive, as on the wire).
 *
 * @example
 * ```ts
 * import { isJobState } from "@cibatch/testing-fakes";
 * isJobState("running"); // false
 * ```
 */
export function isJobState(text: string): text is JobState {
  return (JOB_STATES as readonly string[]).includes(text);
}

/** Direct moves of the state machine. */
const NEXT: Record<JobState, readonly JobState[]> = {
  Submitted: ["Running", "Cancel"],
  Running: ["Success", "Failed", "Pause", "Cancel"],
  Pause: ["Running", "Cancel"],
  Success: [],
  Failed: [],
  Cancel: [],
};

/**
 * The shortest chain of direct moves from `from` to `to` (excluding `from`), or `undefined` when `to` cannot be
 * reached. `Submitted → Success` is `["Running", "Success"]`.
 *
 * @example
 * ```ts
 * import { pathBetweenStates } from "@cibatch/testing-fakes";
 * pathBetweenStates("Submitted", "Success"); // ["Running", "Success"]
 * pathBetweenStates("Success", "Running"); // undefined
 * ```
 */
export function pathBetweenStates(from: JobState, to: JobState): JobState[] | undefined {
  if (from === to) return [];
  const previous = new Map<JobState, JobState>();
  const queue: JobState[] = [from];
  while (queue.length > 0) {
    const at = queue.shift() as JobState;
    for (const next of NEXT[at]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, at);
      if (next === to) {
        const path: JobState[] = [to];
        let step = at;
        while (step !== from) {
          path.unshift(step);
          step = previous.get(step) as JobState;
        }
        return path;
      }
      queue.push(next);
    }
  }
  return undefined;
}

/** Throws unless `from → to` is possible; returns the chain of moves. */
export function requirePath(jobId: string, from: JobState, to: JobState): JobState[] {
  const path = pathBetweenStates(from, to);
  if (!path) {
    throw new FakeCiError(
      "InvalidTransition",
      `job ${jobId} cannot go from ${from} to ${to}` +
        (isTerminalState(from) ? ` (${from} is final)` : `; allowed next: ${NEXT[from].join(", ")}`),
    );
  }
  return path;
}
