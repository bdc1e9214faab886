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

/**
 * Parses a time flag: ISO 8601 with an offset or `Z` (`2022-06-01T00:00:00+08:00`), or a time relative to `now`
 * (`90m`, `12h`, `7d` ago).
 *
 * @param value - The flag's text.
 * @param flag - The flag's name, for the error message.
 * @param now - The current time in ms (relative times count back from it).
 * @returns The time.
 * @example
 * ```ts
 * import { parseTime } from "./duration.js";
 * parseTime("12h", "--since", Date.UTC(2024, 0, 2)).toISOString(); // "2024-01-01T12:00:00.000Z"
 * ```
 * @internal
 */
export function parseTime(value: string, flag: string, now: number): Date {
  const text = value.trim();
  if (/^\d+(?:\.\d+)?(ms|s|m|h|d)$/.test(text)) return new Date(now - parseDuration(text, flag));
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
    `${flag} ${value}: expected an ISO 8601 time with an offset (2022-06-01T00:00:00+08:00, …Z) or a relative time (90m, 12h, 7d)`,
  );
}
