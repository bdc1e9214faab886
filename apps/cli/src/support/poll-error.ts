import { classifyError } from "./classify-error.js";
import { explainError } from "./explain-error.js";

/**
 * The stderr line for a failed poll that a wait survives: what failed and when the next poll comes.
 *
 * @param error - The poll's error.
 * @param info - The polls made so far (this one included) and the delay to the next one.
 * @returns The line (without a newline).
 * @example
 * ```ts
 * import { describePollError } from "./poll-error.js";
 * describePollError(new Error("boom"), { polls: 3, nextPollInMs: 5000 });
 * ```
 * @internal
 */
export function describePollError(error: unknown, info: { polls: number; nextPollInMs: number }): string {
  const message = explainError(error, classifyError(error)).message.split("\n")[0]?.replace(/\.$/, "");
  return `cibatch: poll ${info.polls} failed: ${message}; trying again in ${Math.round(info.nextPollInMs / 1000)} s.`;
}
