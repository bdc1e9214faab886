import {
  type HeadersInput,
  maskSecretId,
  REDACTED,
  redactAuthorization,
  redactHeaders as signerRedactHeaders,
} from "@cibatch/signer";
import { isCiError } from "./ci-error.js";

/** How much text {@link redactText} looks at; the rest is dropped (bodies are capped long before this). */
const MAX_REDACT_INPUT = 65_536;

/** Names whose values are secrets: replaced whole, never masked. */
const SECRET_KEY_NAMES =
  "x-ci-security-token|x-cos-security-token|security_?token|session_?token|tmp_?secret_?key|secret_?key|sign_?key|tencentcloud_session_token|tencentcloud_token|token|q-signature|signature_?provided";
/** Names whose values are SecretIds: masked to the last four characters. */
const ID_KEY_NAMES = "tmp_?secret_?id|secret_?id|q-ak|access_?key_?id|awsaccesskeyid|tencentcloud_secret_id";

/** `name=value`, `name: value`, `"name":"value"` for secret names (a value ends at a quote, space, `&`, `,`, `;` or `<`). */
const SECRET_PAIR = new RegExp(`(\\b(?:${SECRET_KEY_NAMES})["']?\\s*[=:]\\s*["']?)([^\\s"'&,;<>]+)`, "gi");
const ID_PAIR = new RegExp(`(\\b(?:${ID_KEY_NAMES})["']?\\s*[=:]\\s*["']?)([^\\s"'&,;<>]+)`, "gi");
/** `<SecretKey>…</SecretKey>` and friends in XML. */
const SECRET_ELEMENT = new RegExp(`<((?:${SECRET_KEY_NAMES}|signature))>([^<]*)</\\1>`, "gi");
const ID_ELEMENT = new RegExp(`<((?:${ID_KEY_NAMES}))>([^<]*)</\\1>`, "gi");
/** An `Authorization` header or field with a q-sign value: handed to the signer's redactor. */
const AUTHORIZATION_QSIGN = /(\bauthorization["']?\s*[=:]\s*["']?)(q-[^\s"'<>]+)/gi;
/** An `Authorization` with any other scheme (`Bearer …`): the rest of the line goes. */
const AUTHORIZATION_OTHER = /(\bauthorization["']?\s*[=:]\s*["']?)(?!q-|\[REDACTED\])([^\s"'<>][^"'<>\r\n]*)/gi;

/**
 * Redacts secrets from free text before it is printed: error messages, response-body excerpts,
 * debug traces. Applies the rules of reliability §6 to anything that looks like a credential:
 *
 * - an `Authorization` value (q-sign) keeps `q-sign-algorithm`, `q-sign-time`, `q-key-time`,
 *   `q-header-list` and `q-url-param-list`; `q-ak` keeps its last four characters and
 *   `q-signature` becomes `[REDACTED]` (through `@cibatch/signer`'s `redactAuthorization`);
 *   any other scheme (`Bearer …`) is replaced up to the end of the line;
 * - presigned-URL parameters and `name=value` / `name: value` / `"name": "value"` pairs:
 *   `q-signature`, security and session tokens, SecretKeys and SignKeys become `[REDACTED]`;
 *   `q-ak` and SecretIds are masked (`****9U5q`);
 * - XML elements such as `<SecurityToken>`, `<TmpSecretKey>`, `<SignatureProvided>` are emptied
 *   to `[REDACTED]`, `<SecretId>` / `<AccessKeyId>` are masked.
 *
 * Only the first 64 KiB of `text` are kept. Matching is by name, so a secret pasted without a
 * recognisable name cannot be found; never build messages from raw credentials.
 *
 * @param text - Any text.
 * @returns The text with secrets replaced.
 *
 * @example
 * ```ts
 * import { redactText } from "@cibatch/ci-client";
 *
 * redactText("GET /x?q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-signature=bf7b66e0&x-ci-security-token=tok");
 * // "GET /x?q-ak=****9U5q&q-signature=[REDACTED]&x-ci-security-token=[REDACTED]"
 * ```
 * @public
 */
export function redactText(text: string): string {
  const input = String(text).slice(0, MAX_REDACT_INPUT);
  return input
    .replace(AUTHORIZATION_QSIGN, (_match, prefix: string, value: string) => `${prefix}${redactAuthorization(value)}`)
    .replace(AUTHORIZATION_OTHER, (_match, prefix: string) => `${prefix}${REDACTED}`)
    .replace(SECRET_ELEMENT, (_match, name: string) => `<${name}>${REDACTED}</${name}>`)
    .replace(ID_ELEMENT, (_match, name: string, id: string) => `<${name}>${maskSecretId(id)}</${name}>`)
    .replace(SECRET_PAIR, (match, prefix: string, value: string) =>
      value === REDACTED || value.startsWith("[REDACTED]") ? match : `${prefix}${REDACTED}`,
    )
    .replace(ID_PAIR, (match, prefix: string, id: string) =>
      id.startsWith("****") ? match : `${prefix}${maskSecretId(id)}`,
    );
}

/**
 * Redacts a URL before it is printed: `q-signature` and token parameters become `[REDACTED]`,
 * `q-ak` keeps its last four characters; the scheme, host, path and other parameters are kept.
 *
 * @param url - An absolute or relative URL.
 * @returns The printable URL.
 *
 * @example
 * ```ts
 * import { redactUrl } from "@cibatch/ci-client";
 *
 * redactUrl("https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob?q-ak=AKIDexample1234&q-signature=ab12");
 * // "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob?q-ak=****1234&q-signature=[REDACTED]"
 * ```
 * @public
 */
export function redactUrl(url: string | URL): string {
  return redactText(typeof url === "string" ? url : url.href);
}

/**
 * Redacts request or response headers before they are printed: `Authorization` as in
 * {@link redactText}, `x-ci-security-token`, `x-cos-security-token`, cookies and any other
 * token-like header become `[REDACTED]`. Names are lower-cased. Delegates to `@cibatch/signer`.
 *
 * @param headers - A `Headers` object, an array of pairs or a plain record.
 * @returns A plain record that is safe to log.
 *
 * @example
 * ```ts
 * import { redactHeaders } from "@cibatch/ci-client";
 *
 * redactHeaders({ Host: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com", "x-ci-security-token": "tok" });
 * // { host: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com", "x-ci-security-token": "[REDACTED]" }
 * ```
 * @public
 */
export function redactHeaders(headers: HeadersInput): Record<string, string> {
  return signerRedactHeaders(headers);
}

/**
 * A redacted, single-line excerpt of a body for error messages and fields: secrets are redacted
 * first (so that truncation cannot leave half a secret), runs of whitespace and control
 * characters become one space, and the result is cut to `max` characters with a trailing `…`.
 *
 * @param text - The body text.
 * @param max - The longest excerpt, in characters (default 200).
 * @returns The excerpt.
 *
 * @example
 * ```ts
 * import { redactedExcerpt } from "./redact.js";
 *
 * redactedExcerpt("<html>\n<body>502 Bad Gateway</body>\n</html>"); // "<html> <body>502 Bad Gateway</body> </html>"
 * ```
 * @internal
 */
export function redactedExcerpt(text: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this collapses.
  const flat = redactText(text).replace(/[\s\u0000-\u001f\u007f]+/g, " ");
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}

/** How deep {@link redactCause} follows a `cause` chain. */
const MAX_CAUSE_DEPTH = 10;

/**
 * Makes a `cause` safe to keep on one of our errors. Causes are kept as they are — same object —
 * unless printing them would show a secret: a string is redacted, and a foreign `Error` whose
 * message, stack or `cause` chain would change under {@link redactText} is replaced by a copy
 * (same class name, `code`, redacted message and stack, redacted `cause`). Our own errors are
 * already redacted and are kept.
 *
 * @param cause - The underlying error.
 * @param depth - How deep in the chain this call is (internal recursion; start at 0).
 * @returns The cause itself, or a redacted copy.
 *
 * @example
 * ```ts
 * import { redactCause } from "./redact.js";
 *
 * const clean = new Error("socket hang up");
 * redactCause(clean) === clean; // true
 * (redactCause(new Error("GET /x?q-signature=abc")) as Error).message; // "GET /x?q-signature=[REDACTED]"
 * ```
 * @internal
 */
export function redactCause(cause: unknown, depth: number = 0): unknown {
  if (typeof cause === "string") return redactText(cause);
  if (!(cause instanceof Error) || depth >= MAX_CAUSE_DEPTH || isCiError(cause)) return cause;
  const inner = "cause" in cause ? redactCause(cause.cause, depth + 1) : undefined;
  const message = redactText(cause.message);
  const stack = cause.stack === undefined ? undefined : redactText(cause.stack);
  const changed = message !== cause.message || stack !== cause.stack || ("cause" in cause && inner !== cause.cause);
  if (!changed) return cause;
  const copy = new Error(message, "cause" in cause ? { cause: inner } : undefined);
  Object.defineProperty(copy, "name", { value: cause.name, configurable: true, writable: true });
  if (stack !== undefined) copy.stack = stack;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  return copy;
}
