import { CliError } from "../cli-error.js";

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration flag (`500ms`, `5s`, `2m`, `1h`, `7d`; a bare number means seconds) into milliseconds.
 *
 * @param value - The flag's text.
 * @param flag - The flag's name, for the error message.
 * @returns Milliseconds (≥ 0).
 * @throws CliError `USAGE` for anything else.
 * @example
 * ```ts
 * import { parseDuration } from "./duration.js";
 * parseDuration("2m", "--timeout"); // 120000
 * ```
 * @internal
 */
export function parseDuration(value: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new CliError("USAGE", `${flag} ${value}: expected a duration such as 500ms, 5s, 2m, 1h or 7d`);
  const ms = Number(match[1]) * (UNITS[match[2] ?? "s"] ?? 1000);
  if (!Number.isFinite(ms) || ms > 2_147_483_647) throw new CliError("USAGE", `${flag} ${value}: too long`);
  return Math.round(ms);
}

/**
 * Parses a seconds flag (`--cli-read-timeout 30`) into milliseconds; `0` stays `0` (no timeout).
 *
 * @param value - The flag's text.
 * @param flag - The flag's name, for the error message.
 * @returns Milliseconds.
 * @example
 * ```ts
 * import { parseSeconds } from "./duration.js";
 * parseSeconds("1.5", "--cli-connect-timeout"); // 1500
 * ```
 * @internal
 */
export function parseSeconds(value: string, flag: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds < 0 || seconds > 2_147_483) {
    throw new CliError("USAGE", `${flag} ${value}: expected a number of seconds ≥ 0 (0 = no timeout)`);
  }
  return Math.round(seconds * 1000);
}

/** Minutes east of UTC of `timeZone` at `ms` (the machine's zone when undefined or unknown). */
function zoneOffsetMinutes(ms: number, timeZone: string | undefined): number {
  const fields: Intl.DateTimeFormatOptions = {
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...fields, timeZone });
  } catch {
    format = new Intl.DateTimeFormat("en-US", fields);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Parses a time flag: ISO 8601 with an offset or `Z` (`2022-06-01T00:00:00+08:00`), a date alone (`2022-06-26`:
 * the start of that day in `timeZone`), or a time relative to `now` (`90m`, `12h`, `7d` ago).
 *
 * @param value - The flag's text.
 * @param flag - The flag's name, for the error message.
 * @param now - The current time in ms (relative times count back from it).
 * @param timeZone - The zone of a date alone (`TZ`; the machine's when undefined).
 * @returns The time.
 * @example
 * ```ts
 * import { parseTime } from "./duration.js";
 * parseTime("12h", "--since", Date.UTC(2024, 0, 2)).toISOString(); // "2024-01-01T12:00:00.000Z"
 * ```
 * @internal
 */
export function parseTime(value: string, flag: string, now: number, timeZone?: string): Date {
  const text = value.trim();
  if (/^\d+(?:\.\d+)?(ms|s|m|h|d)$/.test(text)) return new Date(now - parseDuration(text, flag));
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    const midnightUtc = Date.UTC(year, month - 1, day);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth) {
      // Two passes: the offset at local midnight can differ from the offset at UTC midnight (DST changes).
      const first = midnightUtc - zoneOffsetMinutes(midnightUtc, timeZone) * 60_000;
      return new Date(midnightUtc - zoneOffsetMinutes(first, timeZone) * 60_000);
    }
  }
  // An offset is required: a bare local time would mean different things on different machines.
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.exec(text);
  if (iso) {
    const normalised = text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
    const date = new Date(normalised);
    // `Date` rolls a day past the month's end over (2022-02-30 → 2022-03-02) instead of rejecting it.
    const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (!Number.isNaN(date.getTime()) && day <= daysInMonth) return date;
  }
  throw new CliError(
    "USAGE",
    `${flag} ${value}: expected a date (2022-06-01), an ISO 8601 time with an offset (2022-06-01T00:00:00+08:00, …Z) or a relative time (90m, 12h, 7d)`,
  );
}
