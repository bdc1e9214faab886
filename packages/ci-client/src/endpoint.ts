import { describeValue, type InputProblem, ValidationError } from "./errors/validation-error.js";

/**
 * Where to connect instead of the CI host, and which `Host` to sign and send there.
 *
 * - `url`: the origin to connect to, `http:` or `https:`, no path, query or credentials
 *   (`http://127.0.0.1:9000` for the fake, `https://ci-proxy.internal` for a proxy).
 * - `signedHost`: the `Host` header to send and sign. Defaults to the real CI host
 *   `<bucket>.ci.<region>.myqcloud.com`, so the signature is the one the service (or the fake,
 *   which reads the bucket and region from `Host`) expects. For a custom domain that verifies its
 *   own name, set it to that name.
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
 * `Host` to sign:
 *
 * - by default `https://<bucket>.ci.<region>.myqcloud.com`, and that host is signed;
 * - with `endpoint` (a URL, or `{ url, signedHost }`), requests go to that origin (`http:` is
 *   allowed, for the fake) while the signed and sent `Host` stays the real CI host unless
 *   `signedHost` says otherwise.
 *
 * @param options - Bucket, region and optional override.
 * @returns The resolved endpoint (frozen).
 * @throws {@link ValidationError} listing every problem (nothing is sent).
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

/** `<BucketName>-<APPID>`: lowercase letters, digits and inner `-`, then `-` and the numeric APPID. @internal */
export const BUCKET_PATTERN: RegExp = /^[a-z0-9][a-z0-9-]*[a-z0-9]-[0-9]+$/;

/** The COS rule: the whole host `<BucketName-APPID>.cos.<Region>.myqcloud.com` is at most 60 characters. */
const MAX_COS_HOST = 60;

/**
 * Checks a bucket (`<BucketName>-<APPID>`), and with a region the COS length rule (the host
 * `<bucket>.cos.<region>.myqcloud.com` has at most 60 characters).
 * @internal
 */
export function bucketProblems(bucket: unknown, region?: string, path = "bucket"): InputProblem[] {
  if (typeof bucket !== "string" || bucket === "") {
    return [
      {
        path,
        message: `is required: <BucketName>-<APPID>, e.g. examplebucket-1250000000; got ${describeValue(bucket)}`,
      },
    ];
  }
  if (!BUCKET_PATTERN.test(bucket)) {
    const name = bucket.replace(/-[0-9]+$/, "");
    const hint = /[A-Z]/.test(bucket)
      ? "use lowercase letters only"
      : name === bucket
        ? "it must end with -<APPID> (the numeric account id), e.g. examplebucket-1250000000"
        : name.length < 2
          ? "the name before -<APPID> must be at least 2 characters"
          : "the name may only contain a-z, 0-9 and '-', and must not start or end with '-'";
    return [{ path, message: `${describeValue(bucket)} is not a valid <BucketName>-<APPID>: ${hint}` }];
  }
  if (region !== undefined) {
    const host = `${bucket}.cos.${region}.myqcloud.com`;
    if (host.length > MAX_COS_HOST) {
      return [
        {
          path,
          message: `${describeValue(bucket)} is too long for region ${region}: the host ${host} has ${host.length} characters, at most ${MAX_COS_HOST} are allowed`,
        },
      ];
    }
  }
  return [];
}

/** A region id's form (`ap-beijing`): the list of regions is open, so only the form is checked. @internal */
export const REGION_PATTERN: RegExp = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/** Checks a region id. @internal */
export function regionProblems(region: unknown, path = "region"): InputProblem[] {
  if (typeof region !== "string" || region === "") {
    return [{ path, message: `is required: a region id such as ap-beijing; got ${describeValue(region)}` }];
  }
  if (region.length > 40 || !REGION_PATTERN.test(region)) {
    const hint = /[A-Z]/.test(region)
      ? "region ids are lowercase"
      : region.includes(".")
        ? "give the region id alone, not a host name"
        : "expected lowercase letters and digits in '-'-separated parts";
    return [{ path, message: `${describeValue(region)} is not a region id such as ap-beijing: ${hint}` }];
  }
  return [];
}

/** What a job id may contain: it goes into a URL path segment as it is. */
const JOB_ID = /^[A-Za-z0-9_-]+$/;
/** Longest job id accepted (real ids are 33 characters). */
const MAX_JOB_ID_LENGTH = 128;

/**
 * Checks one job id before it goes into a path. Real ids are `b` + 32 hex characters; this only
 * refuses what could change the URL or cannot be an id: empty, `/`, `\`, `.`/`..` segments,
 * `%`-encoding (`%2F`), `?`, `#`, `,` (the describe separator), whitespace, control and other
 * characters outside `A-Z a-z 0-9 _ -`, more than 128 characters.
 * @internal
 */
export function jobIdProblems(id: unknown, path = "jobId"): InputProblem[] {
  if (typeof id !== "string") return [{ path, message: `must be a string, got ${describeValue(id)}` }];
  if (id === "") return [{ path, message: "must not be empty" }];
  if (JOB_ID.test(id) && id.length <= MAX_JOB_ID_LENGTH) return [];
  const shown = describeValue(id);
  let why: string;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this detects.
  if (/[\s\u0000-\u001f\u007f]/.test(id)) why = "must not contain whitespace or control characters";
  else if (id.includes("/") || id.includes("\\")) why = "must not contain '/' or '\\' (it is one path segment)";
  else if (id.includes("%")) why = "must not be percent-encoded (e.g. %2F); pass the id as the service returned it";
  else if (id.includes(",")) why = "must not contain ',' (pass several ids as separate values)";
  else if (id.length > MAX_JOB_ID_LENGTH) why = `must be at most ${MAX_JOB_ID_LENGTH} characters`;
  else why = "may only contain letters, digits, '_' and '-' (job ids look like b3deffea2f84911ec9cb15254008618d9)";
  return [{ path, message: `${shown} ${why}` }];
}

/** The path of the batch-job API. @internal */
export const JOBS_PATH = "/inventorytriggerjob";

/** The path of one job, or of several (`/inventorytriggerjob/<id1>,<id2>`), after checking every id. @internal */
export function jobPath(jobIds: string | readonly string[]): string {
  const problems: InputProblem[] = [];
  if (typeof jobIds === "string") problems.push(...jobIdProblems(jobIds, "jobId"));
  else if (!Array.isArray(jobIds) || jobIds.length === 0)
    problems.push({ path: "jobIds", message: "must list at least one job id" });
  else for (const [index, id] of jobIds.entries()) problems.push(...jobIdProblems(id, `jobIds[${index}]`));
  if (problems.length > 0) throw new ValidationError({ problems });
  return `${JOBS_PATH}/${typeof jobIds === "string" ? jobIds : jobIds.join(",")}`;
}
