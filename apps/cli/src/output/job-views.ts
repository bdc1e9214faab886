import type { JobsDetail } from "@cibatch/ci-client";
import stringWidth from "string-width";
import { otherFields } from "./job-json.js";
import type { Styles, TableModel } from "./table.js";
import { styleState } from "./table.js";
import { formatTime, jobDuration, localTime, relativeTime, type TimeContext } from "./times.js";
import { wrapText } from "./wrap.js";

/**
 * The job table. On a terminal with relative times: `JobId, Name, Type, State, Created, Duration`; with absolute
 * times also `Started` and `Ended`. When the terminal is narrow, `Started`, `Ended`, `Type` and `Duration` go
 * first, then `Name` is cut; the job id is never cut.
 *
 * @param jobs - The jobs.
 * @param times - How times are written.
 * @returns The table.
 * @example
 * ```ts
 * import { jobsTable } from "./job-views.js";
 * jobsTable([], { format: "relative", now: Date.now() }).columns; // ["JobId", "Name", "Type", "State", "Created", "Duration"]
 * ```
 * @internal
 */
export function jobsTable(jobs: readonly JobsDetail[], times: TimeContext): TableModel {
  const relative = times.format === "relative";
  const columns = relative
    ? ["JobId", "Name", "Type", "State", "Created", "Duration"]
    : ["JobId", "Name", "Type", "State", "Created", "Started", "Ended", "Duration"];
  const fit = relative
    ? [{}, { shrink: 10, drop: 4 }, { drop: 1 }, { drop: 6 }, { drop: 5 }, { drop: 3 }]
    : [{}, { shrink: 10, drop: 4 }, { drop: 2 }, { drop: 6 }, { drop: 5 }, { drop: 0 }, { drop: 1 }, { drop: 3 }];
  return {
    columns,
    fit,
    rows: jobs.map((job) => {
      const created = formatTime(job.CreationTime, times);
      const duration = jobDuration(job.StartTime, job.EndTime, times.now);
      return relative
        ? [job.JobId, job.Name, job.Type ?? "Workflow", String(job.State), created, duration]
        : [
            job.JobId,
            job.Name,
            job.Type ?? "Workflow",
            String(job.State),
            created,
            formatTime(job.StartTime, times),
            formatTime(job.EndTime, times),
            duration,
          ];
    }),
  };
}

/**
 * The job lines of `-o text`: `JobId, Name, Type, State, CreationTime, StartTime, EndTime`, tab-separated, no
 * header, times as the service sent them unless `--time-format` says otherwise, unset times blank.
 *
 * @param jobs - The jobs.
 * @param times - How times are written.
 * @returns One row per job.
 * @example
 * ```ts
 * import { jobsText } from "./job-views.js";
 * jobsText([], { format: "service", now: 0 }); // []
 * ```
 * @internal
 */
export function jobsText(jobs: readonly JobsDetail[], times: TimeContext): string[][] {
  return jobs.map((job) => [
    job.JobId,
    job.Name,
    job.Type ?? "Workflow",
    String(job.State),
    formatTime(job.CreationTime, times),
    formatTime(job.StartTime, times),
    formatTime(job.EndTime, times),
  ]);
}

/** The fields the detail view shows in its own sections; anything else goes under "Other fields". */
const SHOWN = new Set([
  "$metadata",
  "JobId",
  "Name",
  "Type",
  "State",
  "Code",
  "Message",
  "CreationTime",
  "StartTime",
  "EndTime",
  "Input",
  "Operation",
]);

interface XmlLike {
  readonly name: string;
  readonly children: readonly unknown[];
}

const isXmlNode = (value: unknown): value is XmlLike =>
  value !== null &&
  typeof value === "object" &&
  typeof (value as XmlLike).name === "string" &&
  Array.isArray((value as XmlLike).children);

/** A time in the detail view: relative times also show the local time, which a reader may want to note down. */
function detailTime(date: Date, times: TimeContext): string {
  return times.format === "relative"
    ? `${localTime(date, times.timeZone)} (${relativeTime(date, times.now)})`
    : formatTime(date, times);
}

function scalar(value: unknown, times: TimeContext): string | undefined {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return detailTime(value, times);
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== "object"))
    return value.map(String).join(", ");
  if (isXmlNode(value) && value.children.every((child) => typeof child === "string")) return value.children.join("");
  return undefined;
}

/** `[label, value]` pairs of a nested value; a nested object is a label line followed by its own pairs. */
function entries(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.map((item, i) => [isXmlNode(item) ? item.name : `[${i}]`, item]);
  if (isXmlNode(value)) return value.children.map((child) => [isXmlNode(child) ? child.name : "", child]);
  if (value !== null && typeof value === "object") {
    const out: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      // Elements no model names are listed under "Other fields", with their path.
      if (!key.startsWith("$")) out.push([key, item]);
    }
    return out;
  }
  return [];
}

function block(value: unknown, indent: string, times: TimeContext, width: number | undefined): string[] {
  const pairs = entries(value);
  const labelWidth = Math.max(
    0,
    ...pairs.map(([label, item]) => (scalar(item, times) === undefined ? 0 : stringWidth(label))),
  );
  const lines: string[] = [];
  for (const [label, item] of pairs) {
    const text = scalar(item, times);
    if (text === undefined) {
      lines.push(`${indent}${label}`, ...block(item, `${indent}  `, times, width));
      continue;
    }
    const head = `${indent}${label}${" ".repeat(labelWidth - stringWidth(label))}  `;
    lines.push(wrapText(`${head}${text}`, width, " ".repeat(stringWidth(head)), stringWidth));
  }
  return lines;
}

/**
 * The detail view of one job (`jobs describe` in table and text formats): state, `Code` and `Message` when they
 * are set, the times and the duration, then `Input`, `Operation` (with `JobParam`) and, under "Other fields",
 * anything else the service sent: elements this version does not know are listed there with their path
 * (`Operation.JobParam.NewParam`). Long values wrap at `width`.
 *
 * @param job - The job (as decoded, `$unknown` elements included).
 * @param times - How times are written (relative times also show the local time).
 * @param styles - Styles for the state and the headings.
 * @param width - The width to wrap at, if any.
 * @returns The lines, each ending in `\n`.
 * @example
 * ```ts
 * import { jobDetail } from "./job-views.js";
 * import pc from "picocolors";
 * declare const job: import("@cibatch/ci-client").JobsDetail;
 * process.stdout.write(jobDetail(job, { format: "local", now: Date.now() }, pc.createColors(false), 80));
 * ```
 * @internal
 */
export function jobDetail(job: JobsDetail, times: TimeContext, styles: Styles, width: number | undefined): string {
  const record = job as unknown as Record<string, unknown>;
  const when = (date: Date | undefined): string => (date === undefined ? "" : detailTime(date, times));
  const head: [string, string][] = [
    ["JobId", job.JobId],
    ["Name", job.Name],
    ["Type", job.Type ?? "Workflow"],
    ["State", styleState(String(job.State), styles)],
  ];
  // The service sets Code "Success" on jobs that are fine; only a failure's Code and Message say something.
  const failed =
    String(job.State) === "Failed" || (job.Code !== undefined && job.Code !== "" && job.Code !== "Success");
  if (failed && job.Code) head.push(["Code", job.Code]);
  if (failed && job.Message) head.push(["Message", job.Message]);
  head.push(
    ["Created", when(job.CreationTime)],
    ["Started", when(job.StartTime)],
    ["Ended", when(job.EndTime)],
    ["Duration", jobDuration(job.StartTime, job.EndTime, times.now)],
  );
  const lines = head.map(([label, value]) => {
    const prefix = `${label.padEnd(9)} `;
    return value === "" ? label : wrapText(`${prefix}${value}`, width, " ".repeat(prefix.length), stringWidth);
  });
  const section = (title: string, value: unknown): void => {
    const body = block(value, "  ", times, width);
    if (body.length > 0) lines.push("", styles.bold(title), ...body);
  };
  section("Input", record.Input);
  section("Operation", record.Operation);
  const other: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!SHOWN.has(key) && !key.startsWith("$") && value !== undefined) other[key] = value;
  }
  for (const [path, value] of otherFields(job)) other[path] = value;
  section("Other fields", other);
  return `${lines.join("\n")}\n`;
}
