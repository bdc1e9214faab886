import { DEFAULT_UTC_OFFSET_MINUTES, parseApiTime, writeApiTime } from "../api-time.js";
import { XmlModelError } from "../errors.js";
import { JOB_STATES, type JobState } from "./common.js";

/**
 * The query of `GET /inventorytriggerjob`, with typed values. Absent or empty values are not
 * sent.
 *
 * @public
 * @example
 * ```ts
 * import type { ListJobsQuery } from "@cibatch/xml-model";
 *
 * const query: ListJobsQuery = { size: 100, states: ["Running", "Failed"], orderByTime: "Asc" };
 * ```
 */
export interface ListJobsQuery {
  /** The previous page's `NextToken`. */
  nextToken?: string;
  /** Jobs per page, 1..100 (server default 10). */
  size?: number;
  /** Only workflow jobs or only independent-node jobs. The server's default is not documented. */
  type?: "Workflow" | "Job";
  /** Order by creation time (server default `Desc`). */
  orderByTime?: "Desc" | "Asc";
  /** A non-empty subset of the six states, or `All` (server default). */
  states?: "All" | JobState[];
  /** Jobs created at or after this time. */
  startCreationTime?: Date;
  /** Jobs created at or before this time. */
  endCreationTime?: Date;
  /** Jobs that triggered this workflow (`w…`). */
  workflowId?: string;
  /** One batch job (`b…`). */
  jobId?: string;
  /** Jobs with this name. */
  name?: string;
}

/**
 * The ten parameter names of {@link ListJobsQuery}, exactly as the API spells them, in the order
 * {@link listQueryToParams} writes them.
 *
 * @public
 * @example
 * ```ts
 * import { LIST_QUERY_PARAMS } from "@cibatch/xml-model";
 *
 * LIST_QUERY_PARAMS.includes("states"); // true (not "States")
 * ```
 */
export const LIST_QUERY_PARAMS = [
  "nextToken",
  "size",
  "type",
  "orderByTime",
  "states",
  "startCreationTime",
  "endCreationTime",
  "workflowId",
  "jobId",
  "name",
] as const;

/**
 * Options of {@link listQueryToParams} and {@link listQueryToSearch}.
 *
 * @public
 * @example
 * ```ts
 * import type { ListQueryOptions } from "@cibatch/xml-model";
 *
 * const options: ListQueryOptions = { utcOffsetMinutes: 0 };
 * ```
 */
export interface ListQueryOptions {
  /**
   * Offset written with `startCreationTime`/`endCreationTime`, in minutes east of UTC.
   *
   * @defaultValue 480 (`+0800`)
   */
  readonly utcOffsetMinutes?: number;
}

const JOB_STATE_SET: ReadonlySet<string> = new Set(JOB_STATES);

/**
 * Turns a list query into ordered `[name, value]` pairs (the order of {@link LIST_QUERY_PARAMS}), omitting
 * absent and empty values. Times are written `2022-06-01T00:00:00+0800`; `states` is comma-joined.
 * Feed the pairs to `new URLSearchParams(pairs)` (which writes `+` as `%2B`) or use {@link listQueryToSearch}.
 *
 * @throws {@link XmlModelError} `InvalidValue` (path = the parameter name) for `size` outside 1..100, an empty
 *   or unknown `states` entry, a `type`/`orderByTime` outside its values, an invalid `Date`
 * @public
 * @example
 * ```ts
 * import { listQueryToParams } from "@cibatch/xml-model";
 *
 * listQueryToParams({ size: 10, states: ["Running", "Failed"], startCreationTime: new Date("2022-05-31T16:00:00Z") });
 * // [["size", "10"], ["states", "Running,Failed"], ["startCreationTime", "2022-06-01T00:00:00+0800"]]
 * ```
 */
export function listQueryToParams(query: ListJobsQuery, options?: ListQueryOptions): [string, string][] {
  const offset = options?.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  const pairs: [string, string][] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== "") pairs.push([name, value]);
  };
  add("nextToken", stringParam("nextToken", query.nextToken));
  if (query.size !== undefined) add("size", String(checkSize(query.size, String(query.size))));
  add("type", choice("type", query.type, ["Workflow", "Job"]));
  add("orderByTime", choice("orderByTime", query.orderByTime, ["Desc", "Asc"]));
  if (query.states !== undefined) add("states", statesParam(query.states));
  add("startCreationTime", timeParam("startCreationTime", query.startCreationTime, offset));
  add("endCreationTime", timeParam("endCreationTime", query.endCreationTime, offset));
  add("workflowId", stringParam("workflowId", query.workflowId));
  add("jobId", stringParam("jobId", query.jobId));
  add("name", stringParam("name", query.name));
  return pairs;
}

/**
 * Turns a list query into a query string without the leading `?`, every value percent-encoded
 * (`+` → `%2B`, `:` → `%3A`, `,` → `%2C`, and `!'()*` too), e.g.
 * `size=10&states=Running%2CFailed&startCreationTime=2022-06-01T00%3A00%3A00%2B0800`.
 *
 * @throws {@link XmlModelError} as {@link listQueryToParams}
 * @public
 * @example
 * ```ts
 * import { listQueryToSearch } from "@cibatch/xml-model";
 *
 * const url = `https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob?${listQueryToSearch({ size: 10 })}`;
 * ```
 */
export function listQueryToSearch(query: ListJobsQuery, options?: ListQueryOptions): string {
  return listQueryToParams(query, options)
    .map(([name, value]) => `${name}=${encodeComponent(value)}`)
    .join("&");
}

/**
 * Parses the list parameters a server received (`URL.searchParams`, pairs or a record) into a typed query.
 * Names are matched exactly (`states`, not `States`); unknown names are ignored; empty values are absent
 * (Python's SDK sends `nextToken=&workflowId=`); the first occurrence of a repeated name wins.
 *
 * @throws {@link XmlModelError} `InvalidValue` (path = the parameter name) for `size` not an integer in 1..100,
 *   an unknown state, a `type`/`orderByTime` outside its values, or a time not in the API's format (a raw `+`
 *   decoded as a space is reported as such)
 * @public
 * @example
 * ```ts
 * import { listQueryFromParams } from "@cibatch/xml-model";
 *
 * const url = new URL("http://127.0.0.1/inventorytriggerjob?size=10&states=Running%2CFailed&nextToken=");
 * listQueryFromParams(url.searchParams); // { size: 10, states: ["Running", "Failed"] }
 * ```
 */
export function listQueryFromParams(
  params: URLSearchParams | Iterable<readonly [string, string]> | Readonly<Record<string, string>>,
): ListJobsQuery {
  const values = new Map<string, string>();
  const entries: Iterable<readonly [string, string]> =
    params instanceof URLSearchParams || Symbol.iterator in params
      ? (params as Iterable<readonly [string, string]>)
      : Object.entries(params as Record<string, string>);
  for (const [name, value] of entries) {
    if (!values.has(name)) values.set(name, value);
  }
  const get = (name: string): string | undefined => {
    const value = values.get(name);
    return value === undefined || value === "" ? undefined : value;
  };
  const query: ListJobsQuery = {};
  const nextToken = get("nextToken");
  if (nextToken !== undefined) query.nextToken = nextToken;
  const size = get("size");
  if (size !== undefined) {
    if (!/^\d{1,4}$/.test(size)) throw invalid("size", "an integer from 1 to 100", size);
    query.size = checkSize(Number(size), size);
  }
  const type = get("type");
  if (type !== undefined) query.type = choice("type", type, ["Workflow", "Job"]) as "Workflow" | "Job";
  const order = get("orderByTime");
  if (order !== undefined) query.orderByTime = choice("orderByTime", order, ["Desc", "Asc"]) as "Desc" | "Asc";
  const states = get("states");
  if (states !== undefined) query.states = parseStates(states);
  const start = get("startCreationTime");
  if (start !== undefined) query.startCreationTime = parseTimeParam("startCreationTime", start);
  const end = get("endCreationTime");
  if (end !== undefined) query.endCreationTime = parseTimeParam("endCreationTime", end);
  const workflowId = get("workflowId");
  if (workflowId !== undefined) query.workflowId = workflowId;
  const jobId = get("jobId");
  if (jobId !== undefined) query.jobId = jobId;
  const name = get("name");
  if (name !== undefined) query.name = name;
  return query;
}

function invalid(path: string, expected: string, found: unknown): XmlModelError {
  return new XmlModelError({
    code: "InvalidValue",
    path,
    expected,
    found: typeof found === "string" ? found : String(found),
  });
}

function checkSize(size: number, raw: string): number {
  if (!Number.isInteger(size) || size < 1 || size > 100) throw invalid("size", "an integer from 1 to 100", raw);
  return size;
}

function choice(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !allowed.includes(value)) throw invalid(name, `one of ${allowed.join(", ")}`, value);
  return value;
}

function stringParam(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalid(name, "a string", value);
  return value;
}

function statesParam(states: unknown): string {
  if (states === "All") return "All";
  if (!Array.isArray(states) || states.length === 0) {
    throw invalid("states", `"All" or a non-empty array of ${JOB_STATES.join(", ")}`, JSON.stringify(states));
  }
  for (const state of states) {
    if (typeof state !== "string" || !JOB_STATE_SET.has(state)) {
      throw invalid("states", `states among ${JOB_STATES.join(", ")}`, String(state));
    }
  }
  return states.join(",");
}

function parseStates(text: string): "All" | JobState[] {
  const states: JobState[] = [];
  let all = false;
  for (const item of text.split(",")) {
    if (item === "All") all = true;
    else if (JOB_STATE_SET.has(item)) states.push(item as JobState);
    else throw invalid("states", `a comma-separated subset of All, ${JOB_STATES.join(", ")}`, text);
  }
  return all ? "All" : states;
}

function timeParam(name: string, value: unknown, offset: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value instanceof Date ? writeApiTime(value, offset) : undefined;
  if (text === undefined)
    throw invalid(name, "a valid Date (years 0..9999) and a valid utcOffsetMinutes", String(value));
  return text;
}

function parseTimeParam(name: string, text: string): Date {
  const date = parseApiTime(text);
  if (date !== undefined && text !== "0") return date;
  const spaced = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2} \d{2}:?\d{2}$/.test(text);
  throw new XmlModelError({
    code: "InvalidValue",
    path: name,
    expected: "a time like 2022-06-01T00:00:00+0800",
    found: text,
    hint: spaced ? "A raw + in a query string is decoded as a space: send it as %2B." : undefined,
  });
}

function encodeComponent(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
