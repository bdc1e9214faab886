import { type InputProblem, ValidationError } from "../errors/validation-error.js";
import { describeValue } from "../validation/describe-value.js";
import { bucketProblems } from "./bucket.js";
import { regionProblems } from "./region.js";

/**
 * Where to connect instead of the CI host, and which `Host` to sign and send there.
 *
 * - `url`: the origin to connect to, `http:` or `https:`, no path, query or credentials
 *   (`http://127.0.0.1:9000` for the fake, `https://ci-proxy.internal` for a proxy).
 * - `signedHost`: the `Host` header to send and sign. Defaults to the real CI host
 *   `<bucket>.ci.<region>.myqcloud.com`, so the signature is the one the service (or the fake,
 *   which reads the bucket and region from `Host`) expects. For a custom domain that verifies its
 *   own name, set it to that name.
 *
 * @example
 * ```ts
 * import type { EndpointOverride } from "@cibatch/ci-client";
 *
 * const fake: EndpointOverride = { url: "http://127.0.0.1:9000" };
 * const customDomain: EndpointOverride = { url: "https://ci.example.com", signedHost: "ci.example.com" };
 * ```
 * @public
 */
export interface EndpointOverride {
  /** The origin to connect to. */
  readonly url: string | URL;
  /** The `Host` to send and sign; default: the real CI host. */
  readonly signedHost?: string | undefined;
}

/**
 * Where the client sends requests: the bucket and region, and optionally an endpoint override
 * (a URL string is the same as `{ url }`).
 *
 * @example
 * ```ts
 * import type { EndpointOptions } from "@cibatch/ci-client";
 *
 * const production: EndpointOptions = { bucket: "examplebucket-1250000000", region: "ap-beijing" };
 * const fake: EndpointOptions = { ...production, endpoint: "http://127.0.0.1:9000" };
 * ```
 * @public
 */
export interface EndpointOptions {
  /** `<BucketName>-<APPID>`, e.g. `examplebucket-1250000000`. */
  readonly bucket: string;
  /** The region id, e.g. `ap-beijing`. */
  readonly region: string;
  /** Connect somewhere else (the fake, a proxy, a custom domain); see {@link EndpointOverride}. */
  readonly endpoint?: string | URL | EndpointOverride | undefined;
}

/**
 * The resolved endpoint: where to connect and which `Host` to sign.
 *
 * @example
 * ```ts
 * import { resolveEndpoint, type ResolvedEndpoint } from "@cibatch/ci-client";
 *
 * const endpoint: ResolvedEndpoint = resolveEndpoint({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * endpoint.url; // "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com"
 * ```
 * @public
 */
export interface ResolvedEndpoint {
  /** The bucket. */
  readonly bucket: string;
  /** The region. */
  readonly region: string;
  /** The origin to connect to, without a trailing `/` (`https://<bucket>.ci.<region>.myqcloud.com` by default). */
  readonly url: string;
  /** The `Host` header to send and sign. */
  readonly signedHost: string;
  /** The real CI host `<bucket>.ci.<region>.myqcloud.com`. */
  readonly ciHost: string;
  /** Whether an endpoint override is in use. */
  readonly overridden: boolean;
}

/** A host name with an optional port: letters, digits, `-`, `.`; or a bracketed IPv6 address. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;

/**
 * The CI host of a bucket and region: `<bucket>.ci.<region>.myqcloud.com` (not the COS host,
 * `<bucket>.cos.<region>.myqcloud.com`). Does not validate; see {@link resolveEndpoint}.
 *
 * @param bucket - `<BucketName>-<APPID>`.
 * @param region - The region id.
 * @returns The host name.
 *
 * @example
 * ```ts
 * import { ciHost } from "@cibatch/ci-client";
 *
 * ciHost("examplebucket-1250000000", "ap-beijing"); // "examplebucket-1250000000.ci.ap-beijing.myqcloud.com"
 * ```
 * @public
 */
export function ciHost(bucket: string, region: string): string {
  return `${bucket}.ci.${region}.myqcloud.com`;
}

function overrideOf(endpoint: string | URL | EndpointOverride): EndpointOverride {
  return typeof endpoint === "string" || endpoint instanceof URL ? { url: endpoint } : endpoint;
}

function parseOverrideUrl(value: unknown, problems: InputProblem[]): string | undefined {
  const path = "endpoint.url";
  let url: URL;
  try {
    url = new URL(value instanceof URL ? value.href : String(value));
  } catch {
    problems.push({ path, message: `${describeValue(value)} is not an absolute URL such as http://127.0.0.1:9000` });
    return undefined;
  }
  const before = problems.length;
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    problems.push({ path, message: `must use https: or http:, got ${url.protocol}` });
  }
  if (url.username !== "" || url.password !== "") {
    problems.push({ path, message: "must not contain a user name or password" });
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    problems.push({
      path,
      message: `must be an origin only (scheme, host and port), without a path, query or fragment; got ${describeValue(url.pathname + url.search + url.hash)}`,
    });
  }
  return problems.length === before ? url.origin : undefined;
}

/**
 * Validates the bucket, region and endpoint override and returns where to connect and which
 * `Host` to sign (api.md §1):
 *
 * - by default `https://<bucket>.ci.<region>.myqcloud.com`, and that host is signed;
 * - with `endpoint` (a URL, or `{ url, signedHost }`), requests go to that origin (`http:` is
 *   allowed, for the fake) while the signed and sent `Host` stays the real CI host unless
 *   `signedHost` says otherwise.
 *
 * @param options - Bucket, region and optional override.
 * @returns The resolved endpoint (frozen).
 * @throws {@link ValidationError} listing every problem (nothing is sent).
 *
 * @example
 * ```ts
 * import { resolveEndpoint } from "@cibatch/ci-client";
 *
 * const endpoint = resolveEndpoint({
 *   bucket: "examplebucket-1250000000",
 *   region: "ap-beijing",
 *   endpoint: "http://127.0.0.1:9000",
 * });
 * endpoint.url; // "http://127.0.0.1:9000"
 * endpoint.signedHost; // "examplebucket-1250000000.ci.ap-beijing.myqcloud.com"
 * ```
 * @public
 */
export function resolveEndpoint(options: EndpointOptions): ResolvedEndpoint {
  const problems: InputProblem[] = [];
  const regionIssues = regionProblems(options.region);
  problems.push(...regionIssues);
  problems.push(...bucketProblems(options.bucket, regionIssues.length === 0 ? options.region : undefined));
  const host = ciHost(options.bucket, options.region);

  let url = `https://${host}`;
  let signedHost = host;
  const overridden = options.endpoint !== undefined;
  if (options.endpoint !== undefined) {
    const override = overrideOf(options.endpoint);
    url = parseOverrideUrl(override.url, problems) ?? url;
    if (override.signedHost !== undefined) {
      const wanted = typeof override.signedHost === "string" ? override.signedHost.toLowerCase() : "";
      if (HOST.test(wanted)) signedHost = wanted;
      else {
        problems.push({
          path: "endpoint.signedHost",
          message: `${describeValue(override.signedHost)} is not a host name (with an optional :port)`,
        });
      }
    }
  }
  if (problems.length > 0) throw new ValidationError({ problems });
  return Object.freeze({
    bucket: options.bucket,
    region: options.region,
    url,
    signedHost,
    ciHost: host,
    overridden,
  });
}
