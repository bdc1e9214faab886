import { SignerError } from "./errors.js";
import { parseKeyTime } from "./key-time.js";
import type { ParsedAuthorization } from "./types.js";

/**
 * The seven fields of a q-sign `Authorization` value, in their conventional order: a value with any other field,
 * or with one of these twice, is not a q-sign authorization (a server can refuse it before verifying).
 *
 * @public
 */
export const AUTHORIZATION_FIELDS: readonly string[] = [
  "q-sign-algorithm",
  "q-ak",
  "q-sign-time",
  "q-key-time",
  "q-header-list",
  "q-url-param-list",
  "q-signature",
];

/** Builds the one-line `Authorization` value. */
export function formatAuthorization(fields: {
  readonly secretId: string;
  readonly signTime: string;
  readonly keyTime: string;
  readonly headerList: string;
  readonly urlParamList: string;
  readonly signature: string;
}): string {
  return `q-sign-algorithm=sha1&q-ak=${fields.secretId}&q-sign-time=${fields.signTime}&q-key-time=${fields.keyTime}&q-header-list=${fields.headerList}&q-url-param-list=${fields.urlParamList}&q-signature=${fields.signature}`;
}

function invalid(message: string, cause?: unknown): SignerError {
  return new SignerError("InvalidAuthorization", message, cause === undefined ? undefined : { cause });
}

function splitList(name: string, value: string): string[] {
  if (value === "") return [];
  const list = value.split(";");
  if (list.some((entry) => entry === "")) throw invalid(`${name} has an empty entry; expected "a;b;c".`);
  if (new Set(list).size !== list.length) throw invalid(`${name} names an entry twice.`);
  return list;
}

/**
 * Turns the seven `q-*` fields (from a header or from query parameters) into a {@link ParsedAuthorization}.
 * `get` returns a field's value or `undefined` when it is absent.
 */
export function authorizationFromFields(get: (field: string) => string | undefined): ParsedAuthorization {
  const missing = AUTHORIZATION_FIELDS.filter((field) => get(field) === undefined);
  if (missing.length > 0)
    throw invalid(`The signature lacks ${missing.join(", ")}; all seven q-* fields are required.`);
  const value = (field: string): string => get(field) as string;
  if (value("q-sign-algorithm") !== "sha1") {
    throw invalid('q-sign-algorithm must be "sha1", the only algorithm of this signature version.');
  }
  const secretId = value("q-ak");
  if (secretId === "") throw invalid("q-ak (the SecretId) is empty.");
  const signature = value("q-signature");
  if (signature === "") throw invalid("q-signature is empty.");
  const signTime = value("q-sign-time");
  const keyTime = value("q-key-time");
  let signTimeRange: ParsedAuthorization["signTimeRange"];
  let keyTimeRange: ParsedAuthorization["keyTimeRange"];
  try {
    signTimeRange = parseKeyTime(signTime);
    keyTimeRange = parseKeyTime(keyTime);
  } catch (cause) {
    throw invalid(
      'q-sign-time and q-key-time must be "<start>;<end>" in integer Unix seconds with end >= start.',
      cause,
    );
  }
  return {
    algorithm: "sha1",
    secretId,
    signTime,
    keyTime,
    signTimeRange,
    keyTimeRange,
    headerList: splitList("q-header-list", value("q-header-list")),
    urlParamList: splitList("q-url-param-list", value("q-url-param-list")),
    signature,
  };
}

/**
 * Parses a q-sign `Authorization` header value (`q-sign-algorithm=sha1&q-ak=…&…&q-signature=…`)
 * into its fields. The fields may come in any order; unknown fields are ignored.
 *
 * Throws a `SignerError` (`InvalidAuthorization`) when a field is missing or given twice, the
 * algorithm is not `sha1`, or a time is not `<start>;<end>` in integer seconds.
 *
 * @public
 * @example
 * ```ts
 * import { parseAuthorization } from "@cibatch/signer";
 *
 * const auth = parseAuthorization(
 *   "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1497530202;1497610202" +
 *     "&q-key-time=1497530202;1497610202&q-header-list=host&q-url-param-list=" +
 *     "&q-signature=bf7b66e03031f4b88014504998ec649f5fd9073e",
 * );
 * auth.signTimeRange.end; // 1497610202
 * ```
 */
export function parseAuthorization(value: string): ParsedAuthorization {
  if (typeof value !== "string") throw invalid("The Authorization value must be a string.");
  const fields = new Map<string, string>();
  for (const part of value.trim().split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (!AUTHORIZATION_FIELDS.includes(name)) continue;
    if (fields.has(name)) throw invalid(`The Authorization value gives ${name} twice.`);
    fields.set(name, eq === -1 ? "" : part.slice(eq + 1).trim());
  }
  return authorizationFromFields((field) => fields.get(field));
}
