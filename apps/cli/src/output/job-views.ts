import type { JobsDetail } from "@cibatch/ci-client";
import { isoTime } from "./job-json.js";
import type { TableModel } from "./table.js";

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A time in local time (`TZ`, else the machine's zone) as `YYYY-MM-DD HH:mm:ss`, for tables.
 *
 * @param date - The time, or undefined (blank).
 * @param timeZone - An IANA zone (`Asia/Shanghai`), or undefined for the machine's.
 * @returns The text.
 * @example
 * ```ts
 * import { localTime } from "./job-views.js";
 * localTime(new Date(Date.UTC(2022, 5, 27, 7, 23, 10)), "Asia/Shanghai"); // "2022-06-27 15:23:10"
 * ```
 * @internal
 */
export function localTime(date: Date | undefined, timeZone: string | undefined): string {
  if (date === undefined) return "";
  const key = timeZone ?? "";
  let format = formatters.get(key);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    };
    try {
      format = new Intl.DateTimeFormat("sv-SE", timeZone ? { ...options, timeZone } : options);
    } catch {
      format = new Intl.DateTimeFormat("sv-SE", options);
    }
    formatters.set(key, format);
  }
  return format.format(date);
}

/** The columns of every job table (cli.md §5). */
const JOB_COLUMNS = ["JobId", "Name", "Type", "State", "Created", "Started", "Ended"] as const;

/**
 * The job table: `JobId, Name, Type, State, Created, Started, Ended`, local times, unset times blank.
 *
 * @param jobs - The jobs.
 * @param timeZone - The zone for times.
 * @returns The table.
 * @example
 * ```ts
 * import { jobsTable } from "./job-views.js";
 * jobsTable([], undefined).columns; // ["JobId", "Name", "Type", "State", "Created", "Started", "Ended"]
 * ```
 * @internal
 */
export function jobsTable(jobs: readonly JobsDetail[], timeZone: string | undefined): TableModel {
  return {
    columns: JOB_COLUMNS,
    rows: jobs.map((job) => [
      job.JobId,
      job.Name,
      job.Type ?? "Workflow",
      String(job.State),
      localTime(job.CreationTime, timeZone),
      localTime(job.StartTime, timeZone),
      localTime(job.EndTime, timeZone),
    ]),
  };
}

/**
 * The job lines of `-o text`: the same columns, tab-separated, exact ISO times, no header.
 *
 * @param jobs - The jobs.
 * @returns One row per job.
 * @example
 * ```ts
 * import { jobsText } from "./job-views.js";
 * jobsText([]); // []
 * ```
 * @internal
 */
export function jobsText(jobs: readonly JobsDetail[]): string[][] {
  return jobs.map((job) => [
    job.JobId,
    job.Name,
    job.Type ?? "Workflow",
    String(job.State),
    isoTime(job.CreationTime),
    job.StartTime ? isoTime(job.StartTime) : "",
    job.EndTime ? isoTime(job.EndTime) : "",
  ]);
}
