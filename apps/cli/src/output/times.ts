import { apiTimeSourceText, formatApiTime } from "@cibatch/xml-model";

/**
 * How job times are shown in tables and `-o text` (`--time-format`): `relative` ("3 min ago", the default of a
 * table on a terminal), `local` (`YYYY-MM-DD HH:mm:ss` in `TZ`), `iso-utc` (`2022-06-27T07:23:10Z`), or
 * `service` (the text the service sent, offset included: the default everywhere else).
 *
 * @example
 * ```ts
 * import type { TimeFormat } from "./times.js";
 * const format: TimeFormat = "iso-utc";
 * ```
 * @internal
 */
export type TimeFormat = "relative" | "local" | "iso-utc" | "service";

/**
 * The accepted `--time-format` values.
 *
 * @internal
 */
export const TIME_FORMATS: readonly TimeFormat[] = ["relative", "local", "iso-utc", "service"];

/**
 * What a time is shown against: the format, the current time (for `relative`) and the zone (for `local`).
 *
 * @example
 * ```ts
 * import type { TimeContext } from "./times.js";
 * const context: TimeContext = { format: "local", now: Date.now(), timeZone: "Asia/Shanghai" };
 * ```
 * @internal
 */
export interface TimeContext {
  readonly format: TimeFormat;
  readonly now: number;
  readonly timeZone?: string | undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A time in local time (`TZ`, else the machine's zone) as `YYYY-MM-DD HH:mm:ss`.
 *
 * @param date - The time.
 * @param timeZone - An IANA zone (`Asia/Shanghai`), or undefined for the machine's.
 * @returns The text.
 * @example
 * ```ts
 * import { localTime } from "./times.js";
 * localTime(new Date(Date.UTC(2022, 5, 27, 7, 23, 10)), "Asia/Shanghai"); // "2022-06-27 15:23:10"
 * ```
 * @internal
 */
export function localTime(date: Date, timeZone: string | undefined): string {
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

/**
 * An ISO 8601 UTC time without milliseconds.
 *
 * @param date - The time.
 * @returns The text, e.g. `2022-06-27T07:23:10Z`.
 * @internal
 */
export function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * A time relative to `now`, short enough for a table: `just now`, `45 s ago`, `3 min ago`, `2 h ago`,
 * `5 days ago`, `4 months ago`, `3 years ago` (and `in 3 min` for a time ahead of the clock).
 *
 * @param date - The time.
 * @param now - The current time in ms.
 * @returns The text.
 * @example
 * ```ts
 * import { relativeTime } from "./times.js";
 * relativeTime(new Date(0), 180_000); // "3 min ago"
 * ```
 * @internal
 */
export function relativeTime(date: Date, now: number): string {
  const delta = now - date.getTime();
  const s = Math.floor(Math.abs(delta) / 1000);
  if (s < 5) return "just now";
  let text: string;
  if (s < 60) text = `${s} s`;
  else if (s < 3600) text = `${Math.floor(s / 60)} min`;
  else if (s < 86_400) text = `${Math.floor(s / 3600)} h`;
  else if (s < 45 * 86_400) text = plural(Math.floor(s / 86_400), "day");
  else if (s < 365 * 86_400) text = plural(Math.floor(s / (30 * 86_400)), "month");
  else text = plural(Math.floor(s / (365 * 86_400)), "year");
  return delta >= 0 ? `${text} ago` : `in ${text}`;
}

/**
 * A short duration: `42s`, `3m05s`, `1h02m`, `2d03h`.
 *
 * @param ms - Milliseconds.
 * @returns The text.
 * @example
 * ```ts
 * import { formatDuration } from "./times.js";
 * formatDuration(185_000); // "3m05s"
 * ```
 * @internal
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, "0")}h`;
}

/**
 * A job time in the chosen format; blank when unset.
 *
 * @param date - The time, or undefined.
 * @param context - Format, clock and zone.
 * @returns The text.
 * @example
 * ```ts
 * import { formatTime } from "./times.js";
 * formatTime(new Date(Date.UTC(2022, 5, 27, 7, 23, 10)), { format: "iso-utc", now: 0 }); // "2022-06-27T07:23:10Z"
 * ```
 * @internal
 */
export function formatTime(date: Date | undefined, context: TimeContext): string {
  if (date === undefined || Number.isNaN(date.getTime())) return "";
  switch (context.format) {
    case "relative":
      return relativeTime(date, context.now);
    case "local":
      return localTime(date, context.timeZone);
    case "iso-utc":
      return isoUtc(date);
    case "service":
      return apiTimeSourceText(date) ?? formatApiTime(date) ?? isoUtc(date);
  }
}

/**
 * How long a job ran: end − start, or now − start while it runs; blank before it starts.
 *
 * @param start - `StartTime`.
 * @param end - `EndTime`.
 * @param now - The current time in ms.
 * @returns The text, e.g. `3m05s`.
 * @example
 * ```ts
 * import { jobDuration } from "./times.js";
 * jobDuration(new Date(0), new Date(65_000), 0); // "1m05s"
 * ```
 * @internal
 */
export function jobDuration(start: Date | undefined, end: Date | undefined, now: number): string {
  if (start === undefined || Number.isNaN(start.getTime())) return "";
  const stop = end !== undefined && !Number.isNaN(end.getTime()) ? end.getTime() : now;
  return formatDuration(stop - start.getTime());
}
