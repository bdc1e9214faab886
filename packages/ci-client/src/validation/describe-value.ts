/**
 * A short, printable description of a rejected value for a validation message: strings are
 * JSON-quoted (so whitespace and control characters show as escapes) and cut to 64 characters;
 * other values show their type and value.
 *
 * @param value - The rejected value.
 * @returns For example `"ap beijing"` (with quotes), `-1`, `NaN` or `an object`.
 *
 * @example
 * ```ts
 * import { describeValue } from "./describe-value.js";
 *
 * describeValue("a\nb"); // "\"a\\nb\""
 * describeValue(Number.NaN); // "NaN"
 * ```
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const quoted = JSON.stringify(value.length > 64 ? `${value.slice(0, 63)}…` : value);
    return quoted;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
