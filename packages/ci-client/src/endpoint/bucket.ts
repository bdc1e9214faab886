import type { InputProblem } from "../errors/validation-error.js";
import { describeValue } from "../validation/describe-value.js";

/**
 * The bucket rule (api.md §1, cli.md): `<BucketName>-<APPID>`, the name of lowercase letters,
 * digits and `-`, not starting or ending with `-`, the APPID all digits.
 *
 * @example
 * ```ts
 * import { BUCKET_PATTERN } from "./bucket.js";
 *
 * BUCKET_PATTERN.test("examplebucket-1250000000"); // true
 * ```
 * @internal
 */
export const BUCKET_PATTERN: RegExp = /^[a-z0-9][a-z0-9-]*[a-z0-9]-[0-9]+$/;

/** The COS rule: the whole host `<BucketName-APPID>.cos.<Region>.myqcloud.com` is at most 60 characters. */
const MAX_COS_HOST = 60;

/**
 * Checks a bucket (`<BucketName>-<APPID>`), and with a region the COS length rule (the host
 * `<bucket>.cos.<region>.myqcloud.com` has at most 60 characters).
 *
 * @param bucket - The bucket as given.
 * @param region - The region, when known and valid.
 * @param path - The option's path in problems (default `bucket`).
 * @returns The problems found (empty when the bucket is valid).
 *
 * @example
 * ```ts
 * import { bucketProblems } from "./bucket.js";
 *
 * bucketProblems("examplebucket-1250000000", "ap-beijing"); // []
 * bucketProblems("examplebucket"); // [{ path: "bucket", message: "… must end with -<APPID> …" }]
 * ```
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
