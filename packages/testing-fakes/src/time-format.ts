import { FakeCiError } from "./errors.js";

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Parses a `+0800`-style offset (also `+08:00`) into minutes east of UTC.
 *
 * @example
 * ```ts
 * import { parseTzOffset } from "@cibatch/testing-fakes";
 * parseTzOffset("+0800"); // 480
 * ```
 */
export function parseTzOffset(offset: string): number {
  const m = OFFSET.exec(offset);
  if (!m) throw new FakeCiError("InvalidOption", `tzOffset "${offset}" is not of the form +0800 or -0530`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 18 * 60) throw new FakeCiError("InvalidOption", `tzOffset "${offset}" is beyond ±18:00`);
  return m[1] === "-" ? -minutes : minutes;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Formats an instant the way CI writes job times: `YYYY-MM-DDTHH:mm:ss+0800` (whole seconds, no colon in the
 * offset).
 *
 * @param epochMs - the instant
 * @param offset - the zone offset to print in (default `+0800`)
 * @example
 * ```ts
 * import { formatCiTime } from "@cibatch/testing-fakes";
 * formatCiTime(Date.UTC(2022, 5, 27, 7, 23, 10)); // "2022-06-27T15:23:10+0800"
 * ```
 */
export function formatCiTime(epochMs: number, offset = "+0800"): string {
  const minutes = parseTzOffset(offset);
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + minutes * 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

const CI_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses a CI time (`2022-06-01T00:00:00+0800`, also `+08:00`, `Z` or `z` as in the Go SDK's tests) to epoch ms;
 * `undefined` when the text is not such a time.
 *
 * @example
 * ```ts
 * import { parseCiTime } from "@cibatch/testing-fakes";
 * parseCiTime("2022-06-27T15:23:10+0800") === Date.UTC(2022, 5, 27, 7, 23, 10); // true
 * ```
 */
export function parseCiTime(text: string): number | undefined {
  const m = CI_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    return undefined;
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  const offset = zone === "Z" || zone === "z" ? 0 : parseTzOffset(zone as string);
  return utc - offset * 60_000;
}

/**
 * An HTTP `Date` header value (RFC 1123, GMT) for an instant.
 *
 * @example
 * ```ts
 * import { formatHttpDate } from "@cibatch/testing-fakes";
 * formatHttpDate(Date.UTC(2022, 5, 28, 15, 23, 12)); // "Tue, 28 Jun 2022 15:23:12 GMT"
 * ```
 */
export function formatHttpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}
