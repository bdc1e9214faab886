import { SignerError } from "./errors.js";
import type { KeyTimeRange } from "./types.js";

const KEY_TIME = /^(0|[1-9][0-9]*);(0|[1-9][0-9]*)$/;
/** Unix seconds at or above this are almost surely milliseconds (year 5138). */
const MAX_SECONDS = 100_000_000_000;

/** Default validity after `now`, in seconds. */
export const DEFAULT_EXPIRES_IN = 900;
/** Default start of the window before `now`, in seconds. */
export const DEFAULT_BACKDATE = 60;

function checkRange(start: number, end: number): KeyTimeRange {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < 0) {
    throw new SignerError(
      "InvalidKeyTime",
      "KeyTime start and end must be non-negative integer Unix seconds (e.g. 1497530202;1497610202).",
    );
  }
  if (start >= MAX_SECONDS || end >= MAX_SECONDS) {
    throw new SignerError(
      "InvalidKeyTime",
      "KeyTime values must be Unix seconds, but these look like milliseconds; divide by 1000.",
    );
  }
  if (end < start) {
    throw new SignerError(
      "InvalidKeyTime",
      `KeyTime ends (${end}) before it starts (${start}); pass "<start>;<end>" with end >= start.`,
    );
  }
  return { start, end };
}

/**
 * Parses `"<start>;<end>"` (integer seconds, no sign, no leading zeros) into a range.
 * Throws `SignerError` (`InvalidKeyTime`).
 */
export function parseKeyTime(value: string): KeyTimeRange {
  const match = KEY_TIME.exec(value);
  if (!match) {
    throw new SignerError(
      "InvalidKeyTime",
      'KeyTime must be "<start>;<end>" in integer Unix seconds (e.g. "1497530202;1497610202").',
    );
  }
  return checkRange(Number(match[1]), Number(match[2]));
}

/** Formats a range as `"<start>;<end>"`. */
export function formatKeyTime(range: KeyTimeRange): string {
  return `${range.start};${range.end}`;
}

function nonNegativeInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new SignerError("InvalidOption", `${name} must be a non-negative integer number of seconds.`);
  }
  return value;
}

/** Converts `now` (ms or Date; default the system clock) to integer Unix seconds. */
export function nowSeconds(now: number | Date | undefined, option = "now"): number {
  const ms = now === undefined ? Date.now() : now instanceof Date ? now.getTime() : now;
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw new SignerError(
      "InvalidOption",
      `${option} must be a finite, non-negative number of milliseconds since the epoch, or a valid Date.`,
    );
  }
  return Math.floor(ms / 1000);
}

/** Resolves the KeyTime of a signature from an explicit value or from `now`, `expiresIn` and `backdate`. */
export function resolveKeyTime(options: {
  readonly keyTime?: string | KeyTimeRange | undefined;
  readonly now?: number | Date | undefined;
  readonly expiresIn?: number | undefined;
  readonly backdate?: number | undefined;
}): string {
  const { keyTime } = options;
  if (keyTime !== undefined) {
    if (typeof keyTime === "string") return formatKeyTime(parseKeyTime(keyTime));
    if (typeof keyTime !== "object" || keyTime === null) {
      throw new SignerError("InvalidKeyTime", 'keyTime must be "<start>;<end>" or { start, end } in Unix seconds.');
    }
    return formatKeyTime(checkRange(keyTime.start, keyTime.end));
  }
  const expiresIn = nonNegativeInteger("expiresIn", options.expiresIn, DEFAULT_EXPIRES_IN);
  const backdate = nonNegativeInteger("backdate", options.backdate, DEFAULT_BACKDATE);
  const now = nowSeconds(options.now);
  return formatKeyTime(checkRange(Math.max(0, now - backdate), now + expiresIn));
}
