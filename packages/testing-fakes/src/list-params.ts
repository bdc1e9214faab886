import { LIST_QUERY_PARAMS } from "@cibatch/xml-model";
import { isJobState, type JobState } from "./job-state.js";
import type { ListFilter } from "./list-jobs.js";
import { parseCiTime } from "./time-format.js";

/**
 * The ten list parameters, spelled exactly as documented.
 *
 * @example
 * ```ts
 * import { LIST_PARAMS } from "@cibatch/testing-fakes";
 * LIST_PARAMS.includes("states"); // true ("States" is a typo of the English table)
 * ```
 */
export const LIST_PARAMS: readonly string[] = LIST_QUERY_PARAMS;

/** @internal A parsed query or the field that made it invalid. */
export type ParsedListQuery =
  | { readonly ok: true; readonly filter: ListFilter }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** @internal Parses decoded query parameters; an empty value means "absent". */
export function parseListQuery(params: URLSearchParams): ParsedListQuery {
  const get = (name: string): string | undefined => {
    const value = params.get(name);
    return value === null || value === "" ? undefined : value;
  };
  const fail = (field: string, message: string): ParsedListQuery => ({ ok: false, field, message });
  const filter: { -readonly [K in keyof ListFilter]: ListFilter[K] } = {};

  const size = get("size");
  if (size !== undefined) {
    const n = /^\d{1,4}$/.test(size) ? Number(size) : Number.NaN;
    if (!(n >= 1 && n <= 100)) return fail("size", `size must be an integer from 1 to 100, got "${size}"`);
    filter.size = n;
  }
  const type = get("type");
  if (type !== undefined) {
    if (type !== "Workflow" && type !== "Job") return fail("type", `type must be Workflow or Job, got "${type}"`);
    filter.type = type;
  }
  const order = get("orderByTime");
  if (order !== undefined) {
    if (order !== "Desc" && order !== "Asc")
      return fail("orderByTime", `orderByTime must be Desc or Asc, got "${order}"`);
    filter.orderByTime = order;
  }
  const states = get("states");
  if (states !== undefined) {
    const wanted = states.split(",").map((s) => s.trim());
    const bad = wanted.find((s) => s !== "All" && !isJobState(s));
    if (bad !== undefined) {
      return fail(
        "states",
        `states must be a comma list of All, Submitted, Running, Success, Failed, Pause, Cancel; got "${bad}"`,
      );
    }
    if (!wanted.includes("All")) filter.states = wanted as JobState[];
  }
  for (const field of ["startCreationTime", "endCreationTime"] as const) {
    const text = get(field);
    if (text === undefined) continue;
    const at = parseCiTime(text);
    if (at === undefined) {
      return fail(field, `${field} must look like 2022-06-01T00:00:00+0800 (send "+" as %2B), got "${text}"`);
    }
    filter[field] = at;
  }
  for (const field of ["name", "jobId", "workflowId", "nextToken"] as const) {
    const text = get(field);
    if (text !== undefined) filter[field] = text;
  }
  return { ok: true, filter };
}
