/**
 * The offset of the API's samples and of the mainland regions: UTC+08:00, in minutes (480).
 *
 * @public
 * @example
 * ```ts
 * import { DEFAULT_UTC_OFFSET_MINUTES, formatApiTime } from "@cibatch/xml-model";
 *
 * formatApiTime(new Date(0), DEFAULT_UTC_OFFSET_MINUTES); // "1970-01-01T08:00:00+0800"
 * ```
 */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/**
 * The text each `Date` returned by {@link parseApiTime} was read from, with the instant it denoted then (a
 * `Date` is mutable). Held weakly: it never keeps a `Date` alive, and nothing else can reach it.
 */
const sourceTexts = new WeakMap<Date, { readonly text: string; readonly time: number }>();

/**
 * The text a `Date` was read from by {@link parseApiTime} (and so by every decoder of this package), as long as
 * the `Date` still denotes the instant it was read as; `undefined` for any other `Date`.
 *
 * The encoders write such a `Date` back as this text, so a time echoes exactly as it was received
 * (`2022-02-25T12:00:00z`, `+08:00`, `0`), whatever `utcOffsetMinutes` says. Other `Date`s are formatted with
 * `utcOffsetMinutes`.
 *
 * @param date - any `Date`
 * @returns the source text, or `undefined`
 * @public
 * @example
 * ```ts
 * import { apiTimeSourceText, parseApiTime } from "@cibatch/xml-model";
 *
 * const start = parseApiTime("2022-02-25T12:00:00Z");
 * if (start) apiTimeSourceText(start); // "2022-02-25T12:00:00Z"
 * apiTimeSourceText(new Date()); // undefined
 * ```
 */
export function apiTimeSourceText(date: Date): string | undefined {
  const source = sourceTexts.get(date);
  return source !== undefined && source.time === date.getTime() ? source.text : undefined;
}

/** The text to write for a time: its source text when it still applies, else the formatted `Date`. */
export function writeApiTime(date: Date, utcOffsetMinutes: number): string | undefined {
  return apiTimeSourceText(date) ?? formatApiTime(date, utcOffsetMinutes);
}

function remember(date: Date | undefined, text: string): Date | undefined {
  if (date !== undefined) sourceTexts.set(date, { text, time: date.getTime() });
  return date;
}

const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses a time of the API: `YYYY-MM-DDTHH:mm:ss` (optionally with a fraction) followed by `Z`, `z`,
 * `±HHMM` or `±HH:MM`, e.g. `2022-06-27T15:23:10+0800`; also `0`, the documented default of
 * `TimeInterval/Start`, meaning the Unix epoch. Returns `undefined` for anything else (including
 * impossible dates such as February 30), so callers can say what they expected.
 *
 * The returned `Date` remembers its text (see {@link apiTimeSourceText}), so encoding it writes the same text back.
 *
 * @public
 * @example
 * ```ts
 * import { parseApiTime } from "@cibatch/xml-model";
 *
 * parseApiTime("2022-06-27T15:23:10+0800")?.toISOString(); // "2022-06-27T07:23:10.000Z"
 * parseApiTime("-"); // undefined
 * ```
 */
export function parseApiTime(text: string): Date | undefined {
  if (text === "0") return remember(new Date(0), text);
  if (text.length === 24) {
    const fast = parseCommonForm(text);
    if (fast !== undefined) return remember(fast, text);
  }
  return remember(parseOtherForms(text), text);
}

function parseOtherForms(text: string): Date | undefined {
  const match = TIME_PATTERN.exec(text);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = match as unknown as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  let offsetMinutes = 0;
  if (zulu === undefined) {
    const offsetHours = Number(oh);
    const offsetMins = Number(om);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // Built in 2000 (a leap year) and moved to the written year: Date.UTC would map years 0..99 to 19xx.
  const local = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  local.setUTCFullYear(year);
  return new Date(local.getTime() - offsetMinutes * 60_000);
}

/**
 * Formats a `Date` in the API's format with a `±HHMM` offset (default `+0800`), e.g.
 * `2022-06-27T15:23:10+0800`. Milliseconds are dropped (the API's format has whole seconds).
 *
 * @param date - a valid `Date`
 * @param utcOffsetMinutes - the offset to write, in minutes east of UTC (-1439..1439)
 * @returns the formatted time, or `undefined` for an invalid `Date`, an out-of-range offset or a year
 *   outside 0..9999
 * @public
 * @example
 * ```ts
 * import { formatApiTime } from "@cibatch/xml-model";
 *
 * formatApiTime(new Date("2022-06-27T07:23:10Z")); // "2022-06-27T15:23:10+0800"
 * formatApiTime(new Date("2022-06-27T07:23:10Z"), 0); // "2022-06-27T07:23:10+0000"
 * ```
 */
export function formatApiTime(date: Date, utcOffsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): string | undefined {
  const millis = date.getTime();
  if (!Number.isFinite(millis)) return undefined;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) >= 24 * 60) return undefined;
  const local = new Date(millis + utcOffsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  const sign = utcOffsetMinutes < 0 ? "-" : "+";
  const offset = Math.abs(utcOffsetMinutes);
  return (
    `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
  );
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DDTHH:mm:ss±HHMM` read by position (the form the API sends), or `undefined` to use the regex. */
function parseCommonForm(text: string): Date | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const sign = text.charCodeAt(19);
  if (sign !== 43 && sign !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const offsetHours = digits(text, 20, 2);
  const offsetMins = digits(text, 22, 2);
  if ((year | month | day | hour | minute | second | offsetHours | offsetMins) < 0) return undefined;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMins > 59) return undefined;
  const offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMins);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000);
}

/** The decimal number of `length` digits at `start`, or a negative number when one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -100_000;
    value = value * 10 + code;
  }
  return value;
}
