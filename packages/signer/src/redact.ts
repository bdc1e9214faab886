import type { HeadersInput } from "./types.js";

/**
 * What replaces a secret value in redacted output.
 *
 * @public
 * @example
 * ```ts
 * import { REDACTED, redactCredentials } from "@cibatch/signer";
 *
 * redactCredentials({ secretKey: "..." }).secretKey === REDACTED; // true
 * ```
 */
export const REDACTED = "[REDACTED]";

const KEPT_FIELDS = new Set(["q-sign-algorithm", "q-sign-time", "q-key-time", "q-header-list", "q-url-param-list"]);
const SECRET_NAME = /secret_?key|token|signkey|sign_key|password|signature|authorization|credential/i;
const ID_NAME = /secret_?id|^q-ak$|^ak$|accesskeyid/i;
const URL_SECRET = /([?&])(q-signature|x-cos-security-token|x-ci-security-token)=[^&#]*/gi;
const URL_ID = /([?&])q-ak=([^&#]*)/gi;

/**
 * Masks a SecretId to its last 4 characters (`****9U5q`); ids shorter than 8 characters are fully masked.
 *
 * @public
 * @example
 * ```ts
 * import { maskSecretId } from "@cibatch/signer";
 *
 * maskSecretId("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"); // "****9U5q"
 * ```
 */
export function maskSecretId(secretId: string): string {
  return typeof secretId === "string" && secretId.length >= 8 ? `****${secretId.slice(-4)}` : "****";
}

/**
 * Redacts a q-sign `Authorization` value for logs: keeps `q-sign-algorithm`, `q-sign-time`,
 * `q-key-time`, `q-header-list` and `q-url-param-list`, masks `q-ak` to its last 4 characters and
 * drops the signature (`q-signature=[REDACTED]`). Unknown fields, and anything that is not a
 * q-sign value at all, are replaced by `[REDACTED]`. Never throws.
 *
 * @public
 * @example
 * ```ts
 * import { redactAuthorization } from "@cibatch/signer";
 *
 * redactAuthorization(
 *   "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1;2&q-key-time=1;2" +
 *     "&q-header-list=host&q-url-param-list=&q-signature=bf7b66e03031f4b88014504998ec649f5fd9073e",
 * );
 * // "q-sign-algorithm=sha1&q-ak=****9U5q&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=[REDACTED]"
 * ```
 */
export function redactAuthorization(value: string): string {
  if (typeof value !== "string" || !value.trim().startsWith("q-")) return REDACTED;
  return value
    .trim()
    .split("&")
    .map((part) => {
      const eq = part.indexOf("=");
      if (eq === -1) return REDACTED;
      const name = part.slice(0, eq);
      if (KEPT_FIELDS.has(name)) return part;
      if (name === "q-ak") return `q-ak=${maskSecretId(part.slice(eq + 1))}`;
      return `${name.startsWith("q-") ? name : "?"}=${REDACTED}`;
    })
    .join("&");
}

/**
 * Redacts a URL for logs: `q-signature` and the security-token parameters become `[REDACTED]`,
 * `q-ak` is masked to its last 4 characters; everything else is kept. Works on relative URLs too.
 *
 * @public
 * @example
 * ```ts
 * import { redactUrl } from "@cibatch/signer";
 *
 * redactUrl("https://b-1250000000.ci.ap-beijing.myqcloud.com/x?q-ak=AKIDabcdefgh&q-signature=ab12&x-ci-security-token=t");
 * // "https://b-1250000000.ci.ap-beijing.myqcloud.com/x?q-ak=****efgh&q-signature=[REDACTED]&x-ci-security-token=[REDACTED]"
 * ```
 */
export function redactUrl(url: string | URL): string {
  const text = typeof url === "string" ? url : String(url);
  return text
    .replace(URL_SECRET, (_match, separator: string, name: string) => `${separator}${name}=${REDACTED}`)
    .replace(URL_ID, (_match, separator: string, id: string) => `${separator}q-ak=${maskSecretId(id)}`);
}

/**
 * Redacts a credentials-like object for logs (shallow copy): SecretKeys, tokens, SignKeys,
 * signatures and passwords become `[REDACTED]` (never masked), SecretIds keep their last 4
 * characters, other fields are kept. Field names are matched loosely (`secretKey`, `SecretKey`,
 * `TmpSecretKey`, `secret_key`, `sessionToken`, `SecurityToken`, `signKey`, `secretId`, `TmpSecretId`, ...).
 *
 * @public
 * @example
 * ```ts
 * import { redactCredentials } from "@cibatch/signer";
 *
 * redactCredentials({ secretId: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", secretKey: "BQYI...", sessionToken: "tok" });
 * // { secretId: "****9U5q", secretKey: "[REDACTED]", sessionToken: "[REDACTED]" }
 * ```
 */
export function redactCredentials(credentials: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof credentials !== "object" || credentials === null) return out;
  for (const [name, value] of Object.entries(credentials)) {
    if (ID_NAME.test(name)) out[name] = typeof value === "string" ? maskSecretId(value) : REDACTED;
    else if (SECRET_NAME.test(name)) out[name] = value === undefined ? undefined : REDACTED;
    else out[name] = value;
  }
  return out;
}

/**
 * Redacts request headers for logs: `authorization` through {@link redactAuthorization}, the
 * security-token headers and cookies to `[REDACTED]`; names are lower-cased. Never throws.
 *
 * @public
 * @example
 * ```ts
 * import { redactHeaders } from "@cibatch/signer";
 *
 * redactHeaders({ Host: "b-1250000000.ci.ap-beijing.myqcloud.com", "x-ci-security-token": "tok" });
 * // { host: "b-1250000000.ci.ap-beijing.myqcloud.com", "x-ci-security-token": "[REDACTED]" }
 * ```
 */
export function redactHeaders(headers: HeadersInput): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (rawName: string, value: unknown): void => {
    const name = String(rawName).toLowerCase();
    if (value === undefined || value === null) return;
    if (name === "authorization") out[name] = redactAuthorization(String(value));
    else if (name === "cookie" || name === "set-cookie" || SECRET_NAME.test(name)) out[name] = REDACTED;
    else out[name] = String(value);
  };
  if (typeof headers !== "object" || headers === null) return out;
  const candidate = headers as { forEach?: unknown; get?: unknown };
  if (typeof candidate.forEach === "function" && typeof candidate.get === "function") {
    (headers as Headers).forEach((value, name) => {
      put(name, value);
    });
  } else if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === "function") {
    for (const pair of headers as Iterable<readonly [string, string]>) {
      if (Array.isArray(pair)) put(pair[0], pair[1]);
    }
  } else {
    for (const [name, value] of Object.entries(headers)) put(name, value);
  }
  return out;
}

const MAX_REDACT_INPUT = 65_536;
const SECRET_NAMES =
  "tencentcloud_secret_key|tencentcloud_session_token|tencentcloud_token|x-ci-security-token|x-cos-security-token|security_?token|session_?token|tmp_?secret_?key|secret_?key|sign_?key|token|q-signature|signature_?provided";
const ID_NAMES = "tencentcloud_secret_id|tmp_?secret_?id|secret_?id|q-ak|access_?key_?id|awsaccesskeyid";
// `name=value`, `name: value`, `"name": "value"`, `export NAME='value'`: the value stops at a quote, space or separator.
const pair = (names: string): RegExp =>
  new RegExp(`((?:\\b|_)(?:${names})["']?\\s*[=:]\\s*["']?)([^\\s"'&,;<>]+)`, "gi");
const SECRET_PAIR = pair(SECRET_NAMES);
const ID_PAIR = pair(ID_NAMES);
const SECRET_ELEMENT = new RegExp(`<((?:${SECRET_NAMES}|signature))>([^<]*)</\\1>`, "gi");
const ID_ELEMENT = new RegExp(`<((?:${ID_NAMES}))>([^<]*)</\\1>`, "gi");
const AUTHORIZATION_QSIGN = /(\bauthorization["']?\s*[=:]\s*["']?)(q-[^\s"'<>]+)/gi;
const AUTHORIZATION_OTHER = /(\bauthorization["']?\s*[=:]\s*["']?)(?!q-|\[REDACTED\])([^\s"'<>][^"'<>\r\n]*)/gi;

/**
 * Redacts secrets from free text (an error message, a log line, a response body): `Authorization`
 * values keep their non-secret fields, SecretKeys, tokens and signatures become `[REDACTED]` and
 * SecretIds are masked to their last four characters, whether written as `name=value`,
 * `name: value`, `"name": "value"`, an XML element, or a shell line such as
 * `export TENCENTCLOUD_SECRET_KEY='…'`. Input beyond 64 KiB is cut off.
 *
 * @param text - The text.
 * @returns The redacted text.
 * @public
 * @example
 * ```ts
 * import { redactText } from "@cibatch/signer";
 *
 * redactText("export TENCENTCLOUD_SECRET_KEY=abc"); // "export TENCENTCLOUD_SECRET_KEY=[REDACTED]"
 * ```
 */
export function redactText(text: string): string {
  return String(text)
    .slice(0, MAX_REDACT_INPUT)
    .replace(AUTHORIZATION_QSIGN, (_match, prefix: string, value: string) => `${prefix}${redactAuthorization(value)}`)
    .replace(AUTHORIZATION_OTHER, (_match, prefix: string) => `${prefix}${REDACTED}`)
    .replace(SECRET_ELEMENT, (_match, name: string) => `<${name}>${REDACTED}</${name}>`)
    .replace(ID_ELEMENT, (_match, name: string, id: string) => `<${name}>${maskSecretId(id)}</${name}>`)
    .replace(SECRET_PAIR, (match, prefix: string, value: string) =>
      value.startsWith(REDACTED) ? match : `${prefix}${REDACTED}`,
    )
    .replace(ID_PAIR, (match, prefix: string, id: string) =>
      id.startsWith("****") ? match : `${prefix}${maskSecretId(id)}`,
    );
}
