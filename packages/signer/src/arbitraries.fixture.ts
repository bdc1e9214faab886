import fc from "fast-check";
import { uriEncode } from "./encode.js";
import { SIGNED_HEADER_WHITELIST } from "./headers.js";

/** Printable ASCII that UrlEncode must escape (everything but A–Z a–z 0–9 - _ . ~, as RFC 3986 §2.3 leaves unreserved), plus the unreserved set and some non-ASCII. */
const RESERVED = [..." !\"#$%&'()*+,/:;<=>?@[\\]^`{|}"];
const SPECIAL_UNITS = [...RESERVED, "-", "_", ".", "~", "a", "Z", "0", "é", "批", "😀", "\u00a0"];

/** One character of generated text: mostly reserved characters, sometimes any code point. */
export const textUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_UNITS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

/** Text full of reserved characters. */
export function text(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  return fc.string({ unit: textUnit, minLength, maxLength });
}

/** Names the official SDK's own object handling cannot take (prototype keys). */
const UNSAFE_KEYS = new Set(["__proto__", "hasOwnProperty", "constructor", "toString", "valueOf"]);

/** Query parameters: unique after UrlEncode + lower-casing (duplicates are an error for us). */
export const queryArb: fc.Arbitrary<Record<string, string>> = fc
  .uniqueArray(fc.tuple(text(8, 1), text(12)), {
    maxLength: 5,
    selector: ([key]) => uriEncode(key).toLowerCase(),
  })
  .map((pairs) => Object.fromEntries(pairs.filter(([key]) => !UNSAFE_KEYS.has(key))));

/** Header values: no CR/LF/NUL, no leading or trailing space/tab (the SDK does not trim: quirk 9). */
export const headerValueArb: fc.Arbitrary<string> = text(16).filter(
  (value) => !/[\r\n\0]/.test(value) && value === value.replace(/^[ \t]+|[ \t]+$/g, ""),
);

const lowerToken = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}$/);

/** Header names: whitelisted, x-cos-*, x-ci-*, and some never signed by default. */
export const headerNameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SIGNED_HEADER_WHITELIST.filter((name) => name !== "host")),
  lowerToken.map((suffix) => `x-cos-${suffix}`),
  lowerToken.map((suffix) => `x-ci-${suffix}`),
  fc.constantFrom("user-agent", "date", "accept", "x-request-id", "cookie"),
);

/** A name in random letter case. */
function randomCase(name: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
}

/** Request headers (without Host), unique by lower-case name. */
export const headersArb: fc.Arbitrary<Record<string, string>> = fc
  .uniqueArray(headerNameArb, { maxLength: 6 })
  .filter((names) => !names.some((n) => n === "x-cos-security-token" || n === "x-ci-security-token"))
  .chain((names) =>
    fc
      .tuple(...names.map((name) => fc.tuple(randomCase(name), headerValueArb)))
      .map((pairs) => Object.fromEntries(pairs)),
  );

/** Path segments: any text but `.`/`..` (the URL parser resolves those, as fetch would). */
export const pathArb: fc.Arbitrary<string> = fc
  .array(text(10), { maxLength: 4 })
  .map((segments) => `/${segments.join("/")}`)
  .filter((path) => !path.split("/").some((segment) => segment === "." || segment === ".."));

/** Percent-encodes a decoded path segment by segment for use in a URL. */
export function encodePath(pathname: string): string {
  return pathname.split("/").map(encodeURIComponent).join("/");
}

export const hostArb: fc.Arbitrary<string> = fc.constantFrom(
  "examplebucket-1250000000.ci.ap-beijing.myqcloud.com",
  "bucket-1250000000.cos.ap-guangzhou.myqcloud.com",
  "127.0.0.1:39013",
);

export const methodArb: fc.Arbitrary<string> = fc.constantFrom("GET", "PUT", "POST", "DELETE", "HEAD", "get", "Patch");

/** A KeyTime window in seconds. */
export const keyTimeArb: fc.Arbitrary<{ start: number; end: number }> = fc
  .tuple(fc.integer({ min: 0, max: 9_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }))
  .map(([start, length]) => ({ start, end: start + length }));

export const credentialsArb: fc.Arbitrary<{ secretId: string; secretKey: string }> = fc.record({
  secretId: fc.stringMatching(/^AKID[A-Za-z0-9]{4,32}$/),
  secretKey: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
});

/** A whole generated request. */
export interface GeneratedRequest {
  readonly method: string;
  readonly host: string;
  readonly pathname: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly hostInHeaders: boolean;
  readonly keyTime: { start: number; end: number };
  readonly credentials: { secretId: string; secretKey: string };
}

export const requestArb: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: methodArb,
  host: hostArb,
  pathname: pathArb,
  query: queryArb,
  headers: headersArb,
  hostInHeaders: fc.boolean(),
  keyTime: keyTimeArb,
  credentials: credentialsArb,
});
