import type { JobsDetail } from "@cibatch/ci-client";
import {
  addXmlNodesToJson,
  apiTimeSourceText,
  JobsDetailSchema,
  plainJson,
  toJsonValue,
  type XmlNode,
  xmlNodesToJson,
} from "@cibatch/xml-model";

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
 * Turns any decoded value into plain JSON: times as the service sent them (`2022-06-27T15:23:10+0800`; a time the
 * CLI made itself as ISO UTC), `undefined` fields dropped, the decoder's `$unknown` nodes printed as ordinary
 * nested JSON (element → key, repeated → array, text → string), other `$` fields (`$metadata`) left out.
 *
 * @param value - A decoded value.
 * @returns Plain JSON.
 * @example
 * ```ts
 * import { toJson } from "./job-json.js";
 * toJson({ a: new Date(0), b: undefined, $unknown: [{ name: "C", children: ["1"] }] }); // { a: "1970-01-01T00:00:00Z", C: "1" }
 * ```
 * @internal
 */
export function toJson(value: unknown): Json {
  if (value instanceof Date) return apiTimeSourceText(value) ?? isoTime(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object" && value !== null) {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || key.startsWith("$")) continue;
      out[key] = toJson(item);
    }
    const unknown = (value as { $unknown?: unknown }).$unknown;
    if (Array.isArray(unknown)) addXmlNodesToJson(out, unknown as XmlNode[]);
    return out;
  }
  return plainJson(value);
}

/** The fields every printed job has, in this order, whether or not the service sent them. */
const JOB_FIELDS = [
  "Code",
  "Type",
  "Message",
  "Name",
  "JobId",
  "State",
  "CreationTime",
  "StartTime",
  "EndTime",
  "Input",
  "Operation",
] as const;

/**
 * One job as the CLI prints it: API field names, `Type` always present (`Workflow` for a legacy job), unset
 * `StartTime`/`EndTime` as `null`, ids as strings, times exactly as the service sent them (offset included), and
 * then every other field the service sent: typed ones (`Tag`, `Progress`, `QueueId`...) and the ones no model
 * knows, as ordinary nested JSON, so nothing is lost. `jobs create --cli-input-json` reads it back.
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
  const plain = toJsonValue(JobsDetailSchema, job);
  const fields = (typeof plain === "object" && plain !== null && !Array.isArray(plain) ? plain : {}) as {
    [key: string]: Json;
  };
  const out: { [key: string]: Json } = {};
  for (const name of JOB_FIELDS) out[name] = fields[name] ?? null;
  out.Type = fields.Type ?? "Workflow";
  out.Input = fields.Input ?? {};
  out.Operation = fields.Operation ?? {};
  for (const [name, value] of Object.entries(fields)) {
    if (!(name in out)) out[name] = value;
  }
  return out;
}

/**
 * The elements of a job that no model names, wherever they are, as `[path, JSON]` pairs in document order
 * (`["Operation.JobParam.NewParam", { "A": "1" }]`): what a table or detail view lists under "other fields" so that
 * nothing the service sent is hidden. Repeated names are listed once each time they appear.
 *
 * @param job - The job from the client.
 * @returns The pairs; empty when every element is typed.
 * @example
 * ```ts
 * import { otherFields } from "./job-json.js";
 * declare const job: import("@cibatch/ci-client").JobsDetail;
 * for (const [path, value] of otherFields(job)) console.log(`${path}: ${JSON.stringify(value)}`);
 * ```
 * @internal
 */
export function otherFields(job: JobsDetail): [string, Json][] {
  const out: [string, Json][] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, `${path}[${index}]`);
      });
      return;
    }
    if (typeof value !== "object" || value === null || value instanceof Date) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === "$unknown" && Array.isArray(item)) {
        for (const node of item as XmlNode[]) {
          const [name, json] = typeof node === "string" ? ["#text", node] : [node.name, xmlNodesToJson(node.children)];
          out.push([path === "" ? name : `${path}.${name}`, json]);
        }
      } else if (!key.startsWith("$")) visit(item, path === "" ? key : `${path}.${key}`);
    }
  };
  visit(job, "");
  return out;
}
