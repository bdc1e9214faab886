import type { JobState, ListJobsQuery } from "@cibatch/ci-client";
import { CliError } from "../cli-error.js";
import { parseTime } from "./duration.js";

const STATES: readonly JobState[] = ["Submitted", "Running", "Success", "Failed", "Pause", "Cancel"];

/**
 * Parses `--states` (comma-separated, any case; `All` alone means every state).
 *
 * @param value - The flag's text.
 * @returns `"All"` or the states.
 * @throws CliError `USAGE` for an unknown state.
 * @example
 * ```ts
 * import { parseStates } from "./list-query.js";
 * parseStates("running,failed"); // ["Running", "Failed"]
 * ```
 * @internal
 */
export function parseStates(value: string): "All" | JobState[] {
  const parts = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new CliError("USAGE", "--states: give at least one state");
  if (parts.some((part) => part.toLowerCase() === "all")) return "All";
  return parts.map((part) => {
    const state = STATES.find((s) => s.toLowerCase() === part.toLowerCase());
    if (state === undefined) throw new CliError("USAGE", `--states ${part}: use All, ${STATES.join(", ")}`);
    return state;
  });
}

/**
 * Parses a positive integer flag within bounds.
 *
 * @param value - The flag's text.
 * @param flag - Its name.
 * @param min - Smallest value.
 * @param max - Largest value.
 * @returns The number.
 * @example
 * ```ts
 * import { parseCount } from "./list-query.js";
 * parseCount("25", "--page-size", 1, 100); // 25
 * ```
 * @internal
 */
export function parseCount(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CliError("USAGE", `${flag} ${value}: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/**
 * Builds the list filters from the `jobs list` flags (without paging fields).
 *
 * @param options - The command's flags.
 * @param now - The current time (relative `--since`/`--until`).
 * @param timeZone - The zone of a date alone (`TZ`).
 * @returns The query.
 * @example
 * ```ts
 * import { listQueryFromFlags } from "./list-query.js";
 * listQueryFromFlags({ type: "job", order: "asc" }, Date.now()); // { type: "Job", orderByTime: "Asc" }
 * ```
 * @internal
 */
export function listQueryFromFlags(
  options: Readonly<Record<string, unknown>>,
  now: number,
  timeZone?: string,
): ListJobsQuery {
  const query: ListJobsQuery = {};
  const text = (name: string): string | undefined =>
    typeof options[name] === "string" ? (options[name] as string) : undefined;
  const states = text("states");
  if (states !== undefined) query.states = parseStates(states);
  const type = text("type");
  if (type !== undefined) query.type = type.toLowerCase() === "job" ? "Job" : "Workflow";
  const order = text("order");
  if (order !== undefined) query.orderByTime = order.toLowerCase() === "asc" ? "Asc" : "Desc";
  const name = text("name");
  if (name !== undefined) query.name = name;
  const workflowId = text("workflowId");
  if (workflowId !== undefined) query.workflowId = workflowId;
  const jobId = text("jobId");
  if (jobId !== undefined) query.jobId = jobId;
  const since = text("since");
  if (since !== undefined) query.startCreationTime = parseTime(since, "--since", now, timeZone);
  const until = text("until");
  if (until !== undefined) query.endCreationTime = parseTime(until, "--until", now, timeZone);
  return query;
}
