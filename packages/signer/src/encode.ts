import { SignerError } from "./errors.js";

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
const EXTRA_RESERVED = /[!'()*]/g;

function escapeExtra(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * The UrlEncode of the COS/CI signature: UTF-8 bytes, everything except `A-Z a-z 0-9 - _ . ~`
 * percent-encoded with uppercase hex, space as `%20` (never `+`), and `! ' ( ) *` encoded too
 * (plain `encodeURIComponent` leaves those five alone).
 *
 * Throws a {@link SignerError} (`InvalidQuery`) for a string with a lone UTF-16 surrogate, which has
 * no UTF-8 form.
 *
 * @public
 * @example
 * ```ts
 * import { uriEncode } from "@cibatch/signer";
 *
 * uriEncode("批量 任务*(1)!"); // "%E6%89%B9%E9%87%8F%20%E4%BB%BB%E5%8A%A1%2A%281%29%21"
 * ```
 */
export function uriEncode(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch (cause) {
    throw new SignerError(
      "InvalidQuery",
      "A string to sign contains a lone UTF-16 surrogate, which has no UTF-8 encoding; pass well-formed text.",
      { cause },
    );
  }
  return encoded.replace(EXTRA_RESERVED, escapeExtra);
}

/**
 * Builds a query string (without `?`) from decoded names and values with {@link uriEncode}, so the
 * wire form decodes back to exactly what is signed (no raw `+`). A value `""`, `null` or `undefined`
 * gives a value-less parameter (`cancel`); arrays are not supported (duplicate names are rejected
 * by the signer). Keys keep the record's order.
 *
 * @public
 * @example
 * ```ts
 * import { formatQuery } from "@cibatch/signer";
 *
 * formatQuery({ size: 10, startCreationTime: "2022-06-01T00:00:00+0800" });
 * // "size=10&startCreationTime=2022-06-01T00%3A00%3A00%2B0800"
 * formatQuery({ cancel: "" }); // "cancel"
 * ```
 */
export function formatQuery(query: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const text = value === null || value === undefined ? "" : String(value);
    pairs.push(text === "" ? uriEncode(key) : `${uriEncode(key)}=${uriEncode(text)}`);
  }
  return pairs.join("&");
}
