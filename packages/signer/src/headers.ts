import { SignerError } from "./errors.js";
import type { HeadersInput, TokenHeaderName } from "./types.js";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CR_LF_NUL = /[\r\n\0]/;
const EDGE_WHITESPACE = /^[ \t]+|[ \t]+$/g;

/**
 * Headers the official Node SDK (cos-nodejs-sdk-v5@3.0.0 `util.getAuth`) signs when present,
 * besides `x-cos-*` / `x-ci-*`. Our defaults sign the same set, plus `host` always.
 *
 * @public
 */
export const SIGNED_HEADER_WHITELIST: readonly string[] = Object.freeze([
  "cache-control",
  "content-disposition",
  "content-encoding",
  "content-length",
  "content-md5",
  "content-type",
  "expect",
  "expires",
  "host",
  "if-match",
  "if-modified-since",
  "if-none-match",
  "if-unmodified-since",
  "origin",
  "range",
  "transfer-encoding",
  "pic-operations",
]);

const WHITELIST = new Set(SIGNED_HEADER_WHITELIST);

/** The two security-token header names. */
export const TOKEN_HEADERS: readonly TokenHeaderName[] = ["x-ci-security-token", "x-cos-security-token"];

/** Whether a (lower-case) header name is signed by default. */
export function isSignedByDefault(name: string): boolean {
  if (WHITELIST.has(name)) return true;
  if (name === "x-ci-security-token" || name === "x-cos-security-token") return false;
  return name.startsWith("x-cos-") || name.startsWith("x-ci-");
}

/**
 * The token header the official SDKs use for a host: `x-ci-security-token` on `*.ci.*` hosts
 * (`<bucket>.ci.<region>.myqcloud.com`), `x-cos-security-token` elsewhere.
 *
 * @public
 * @example
 * ```ts
 * import { tokenHeaderFor } from "@cibatch/signer";
 *
 * tokenHeaderFor("examplebucket-1250000000.ci.ap-beijing.myqcloud.com"); // "x-ci-security-token"
 * tokenHeaderFor("127.0.0.1:8080"); // "x-cos-security-token"
 * ```
 */
export function tokenHeaderFor(host: string): TokenHeaderName {
  return /(^|\.)ci\./i.test(host) ? "x-ci-security-token" : "x-cos-security-token";
}

function add(out: Map<string, string>, rawName: string, rawValue: string): void {
  if (typeof rawName !== "string" || !TOKEN.test(rawName)) {
    throw new SignerError(
      "InvalidHeader",
      "A header name is empty or contains characters outside the HTTP token set; fix the header names.",
    );
  }
  const name = rawName.toLowerCase();
  if (CR_LF_NUL.test(rawValue)) {
    throw new SignerError(
      "InvalidHeader",
      `The value of header "${name}" contains CR, LF or NUL, which would split the request; remove them.`,
    );
  }
  const value = rawValue.replace(EDGE_WHITESPACE, "");
  const previous = out.get(name);
  if (previous !== undefined && previous !== value) {
    throw new SignerError(
      "DuplicateHeader",
      `Header "${name}" is given twice (names differing only in case) with different values; keep one.`,
    );
  }
  out.set(name, value);
}

function isHeadersObject(input: HeadersInput): input is Headers {
  const candidate = input as { forEach?: unknown; get?: unknown; has?: unknown };
  return (
    typeof candidate.forEach === "function" &&
    typeof candidate.get === "function" &&
    typeof candidate.has === "function"
  );
}

/**
 * Normalises request headers to lower-case names and values trimmed of leading/trailing spaces and
 * tabs. Rejects invalid names, CR/LF in values and case-variants with different values.
 */
export function normalizeHeaders(input: HeadersInput | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (input === undefined || input === null) return out;
  if (isHeadersObject(input)) {
    input.forEach((value, name) => {
      add(out, name, value);
    });
    return out;
  }
  if (typeof (input as Iterable<unknown>)[Symbol.iterator] === "function") {
    for (const pair of input as Iterable<readonly [string, string]>) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== "string") {
        throw new SignerError("InvalidHeader", "Header pairs must be [name, value] arrays of two strings.");
      }
      add(out, pair[0], pair[1]);
    }
    return out;
  }
  for (const name of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" && typeof value !== "number") {
      throw new SignerError(
        "InvalidHeader",
        `The value of header "${name.toLowerCase()}" must be a string or a number.`,
      );
    }
    add(out, name, String(value));
  }
  return out;
}
