import { FakeCiError } from "./errors.js";

/**
 * One CORS rule, as a COS bucket's CORS configuration holds them (`AllowedOrigin`, `AllowedMethod`,
 * `AllowedHeader`, `ExposeHeader`, `MaxAgeSeconds`). Rules are tried in order; the first whose origin, method and
 * requested headers all match answers. An origin or header pattern may hold one `*` (`https://*.example.com`,
 * `x-cos-*`); `"*"` alone matches anything.
 *
 * @example
 * ```ts
 * import { createFakeCi, type CorsRule } from "@cibatch/testing-fakes";
 * const onlyMyApp: CorsRule = {
 *   allowedOrigins: ["http://127.0.0.1:5173"],
 *   allowedMethods: ["GET", "POST", "PUT"],
 *   allowedHeaders: ["*"],
 *   exposeHeaders: ["x-ci-request-id", "x-ci-trace-id", "date"],
 * };
 * const fake = createFakeCi({ cors: [onlyMyApp] });
 * ```
 */
export interface CorsRule {
  /** Origins allowed (`scheme://host[:port]`, one `*` allowed, or `"*"`). */
  readonly allowedOrigins: readonly string[];
  /** Methods allowed (`GET`, `PUT`, `POST`, `DELETE`, `HEAD`). */
  readonly allowedMethods: readonly string[];
  /** Request headers a preflight may ask for (case-insensitive, one `*` allowed). Default: none. */
  readonly allowedHeaders?: readonly string[];
  /** Response headers the browser lets the page read. Default: none. */
  readonly exposeHeaders?: readonly string[];
  /** How long a browser may cache the preflight answer, in seconds. Default: not sent. */
  readonly maxAgeSeconds?: number;
}

/**
 * The rule every fake answers with unless given `cors`: any origin, every method the API uses, any request header,
 * and the response headers a client reads (`x-ci-request-id`, `x-ci-trace-id`, `date`, `retry-after`, …) exposed.
 * A test double, so it is open; pass `cors` to test what a restricted bucket does.
 *
 * @example
 * ```ts
 * import { DEFAULT_CORS_RULE } from "@cibatch/testing-fakes";
 * DEFAULT_CORS_RULE.exposeHeaders?.includes("x-ci-request-id"); // true
 * ```
 */
export const DEFAULT_CORS_RULE: CorsRule = {
  allowedOrigins: ["*"],
  allowedMethods: ["GET", "PUT", "POST", "DELETE", "HEAD"],
  allowedHeaders: ["*"],
  exposeHeaders: [
    "x-ci-request-id",
    "x-ci-trace-id",
    "date",
    "retry-after",
    "content-length",
    "content-type",
    "server",
    "x-cos-request-id",
  ],
  maxAgeSeconds: 600,
};

/** @internal What a matched rule adds to an answer. */
export type CorsVerdict =
  | { readonly ok: true; readonly headers: Record<string, string> }
  | { readonly ok: false; readonly message: string };

function globMatch(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === value;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return value.length >= head.length + tail.length && value.startsWith(head) && value.endsWith(tail);
}

/** @internal Checks the `cors` option: an array of rules, each with origins and methods. */
export function checkCorsRules(rules: readonly CorsRule[]): readonly CorsRule[] {
  if (!Array.isArray(rules)) throw new FakeCiError("InvalidOption", "cors must be false or an array of CORS rules");
  for (const [i, rule] of rules.entries()) {
    const ok = (list: unknown): boolean => Array.isArray(list) && list.every((item) => typeof item === "string");
    if (!ok(rule?.allowedOrigins) || !ok(rule?.allowedMethods)) {
      throw new FakeCiError("InvalidOption", `cors[${i}] needs allowedOrigins and allowedMethods (arrays of strings)`);
    }
    for (const key of ["allowedHeaders", "exposeHeaders"] as const) {
      if (rule[key] !== undefined && !ok(rule[key])) {
        throw new FakeCiError("InvalidOption", `cors[${i}].${key} must be an array of strings`);
      }
    }
  }
  return rules;
}

const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. The Origin, the request method (Access-Control-Request-Method) " +
  "or the request headers (Access-Control-Request-Headers) are not allowed by the bucket's CORS rules.";

/**
 * @internal Finds the rule for a cross-origin request. `requestHeaders` is the preflight's
 * `Access-Control-Request-Headers` (absent for the actual request).
 */
export function matchCors(
  rules: readonly CorsRule[],
  origin: string,
  method: string,
  requestHeaders: string | undefined,
  preflight: boolean,
): CorsVerdict {
  const asked = (requestHeaders ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");
  for (const rule of rules) {
    if (!rule.allowedOrigins.some((pattern) => globMatch(pattern, origin))) continue;
    if (!rule.allowedMethods.some((m) => m.toUpperCase() === method)) continue;
    const allowedHeaders = (rule.allowedHeaders ?? []).map((h) => h.toLowerCase());
    if (!asked.every((name) => allowedHeaders.some((pattern) => globMatch(pattern, name)))) continue;
    const anyOrigin = rule.allowedOrigins.includes("*");
    const headers: Record<string, string> = {
      "access-control-allow-origin": anyOrigin ? "*" : origin,
      vary: "Origin, Access-Control-Request-Headers, Access-Control-Request-Method",
    };
    if (rule.exposeHeaders && rule.exposeHeaders.length > 0) {
      headers["access-control-expose-headers"] = rule.exposeHeaders.join(", ");
    }
    if (preflight) {
      headers["access-control-allow-methods"] = rule.allowedMethods.join(", ");
      if (asked.length > 0) headers["access-control-allow-headers"] = asked.join(", ");
      if (rule.maxAgeSeconds !== undefined) headers["access-control-max-age"] = String(rule.maxAgeSeconds);
    }
    return { ok: true, headers };
  }
  return { ok: false, message: NOT_ALLOWED };
}
