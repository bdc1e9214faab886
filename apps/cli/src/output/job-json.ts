import type { JobsDetail } from "@cibatch/ci-client";

/**
 * A JSON value, as the CLI prints it.
 *
 * @example
 * ```ts
 * import type { Json } from "./job-json.js";
 * const value: Json = { JobId: "b1", StartTime: null };
 * ```
 * @internal
 */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * An ISO 8601 UTC time without milliseconds (`2022-06-27T07:23:10Z`).
 *
 * @param date - The time.
 * @returns The text.
 * @example
 * ```ts
 * import { isoTime } from "./job-json.js";
 * isoTime(new Date(Date.UTC(2022, 5, 27, 7, 23, 10))); // "2022-06-27T07:23:10Z"
 * ```
 * @internal
 */
export function isoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Turns any decoded value into plain JSON: `Date`s become ISO times, `undefined` fields are dropped, the
 * decoder's `$unknown` nodes are left out.
 *
 * @param value - A decoded value.
 * @returns Plain JSON.
 * @example
 * ```ts
 * import { toJson } from "./job-json.js";
 * toJson({ a: new Date(0), b: undefined }); // { a: "1970-01-01T00:00:00Z" }
 * ```
 * @internal
 */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoTime(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || key.startsWith("$")) continue;
      out[key] = toJson(item);
    }
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  return value as string | number | boolean;
}

/**
 * One job as the CLI prints it (cli.md §5): API field names, `Type` always present (`Workflow` for a legacy job),
 * times as ISO UTC, unset `StartTime`/`EndTime` as `null`, ids as strings.
 *
 * @param job - The job from the client.
 * @returns Plain JSON.
 * @example
 * ```ts
 * import { jobToJson } from "./job-json.js";
 * declare const job: import("@cibatch/ci-client").JobsDetail;
 * console.log(JSON.stringify(jobToJson(job)));
 * ```
 * @internal
 */
export function jobToJson(job: JobsDetail): { [key: string]: Json } {
  const plain = toJson(job) as { [key: string]: Json };
  return {
    Code: plain.Code ?? null,
    Type: plain.Type ?? "Workflow",
    Message: plain.Message ?? null,
    Name: plain.Name ?? null,
    JobId: plain.JobId ?? null,
    State: plain.State ?? null,
    CreationTime: plain.CreationTime ?? null,
    StartTime: plain.StartTime ?? null,
    EndTime: plain.EndTime ?? null,
    Input: plain.Input ?? {},
    Operation: plain.Operation ?? {},
  };
}
