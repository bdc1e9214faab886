/**
 * Where a request is addressed: the bucket namespace and region.
 *
 * @example
 * ```ts
 * import { resolveVirtualHost } from "@cibatch/testing-fakes";
 * resolveVirtualHost("examplebucket-1250000000.ci.ap-beijing.myqcloud.com", { bucket: "b-1", region: "ap-guangzhou" });
 * // { ok: true, bucket: "examplebucket-1250000000", region: "ap-beijing", virtual: true }
 * ```
 */
export type HostResolution =
  | {
      /** The host names a bucket (or falls back to the defaults). */
      readonly ok: true;
      /** `<BucketName-APPID>`. */
      readonly bucket: string;
      /** The region. */
      readonly region: string;
      /** Whether bucket and region came from a CI host (not the defaults). */
      readonly virtual: boolean;
    }
  | {
      /** The host is refused (a COS data host). */
      readonly ok: false;
      /** Why, for the `InvalidHost` answer. */
      readonly message: string;
    };

const CI_HOST =
  /^([a-z0-9][a-z0-9-]*-[0-9]+)\.ci\.([a-z0-9][a-z0-9-]*)\.(?:myqcloud\.com|tencentci\.cn|tencentcos\.cn)$/;
const COS_HOST = /\.cos\.[a-z0-9-]+\.(?:myqcloud\.com|tencentcos\.cn)$/;

function stripPort(host: string): string {
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    return end < 0 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(":");
  return colon < 0 ? host : host.slice(0, colon);
}

/**
 * The virtual-host model: `<BucketName-APPID>.ci.<Region>.myqcloud.com` (also the `tencentci.cn`
 * and `tencentcos.cn` suffixes) selects that bucket and region, port ignored; a COS data host is refused
 * (`400 InvalidHost`); any other host (`127.0.0.1:port`, `localhost`, a container name) maps to the defaults.
 *
 * @param host - the `Host` header value
 * @param defaults - bucket and region for non-CI hosts
 * @example
 * ```ts
 * import { resolveVirtualHost } from "@cibatch/testing-fakes";
 * resolveVirtualHost("127.0.0.1:39013", { bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * // { ok: true, bucket: "examplebucket-1250000000", region: "ap-beijing", virtual: false }
 * ```
 */
export function resolveVirtualHost(
  host: string | undefined,
  defaults: { readonly bucket: string; readonly region: string },
): HostResolution {
  const name = stripPort((host ?? "").trim().toLowerCase());
  const m = CI_HOST.exec(name);
  if (m) return { ok: true, bucket: m[1] as string, region: m[2] as string, virtual: true };
  if (COS_HOST.test(name)) {
    return {
      ok: false,
      message: `${name} is a COS data host; batch jobs live on the CI host <BucketName-APPID>.ci.<Region>.myqcloud.com`,
    };
  }
  return { ok: true, bucket: defaults.bucket, region: defaults.region, virtual: false };
}

/**
 * The APPID part of a `<BucketName>-<APPID>` bucket, or `undefined`.
 *
 * @example
 * ```ts
 * import { appIdOf } from "@cibatch/testing-fakes";
 * appIdOf("examplebucket-1250000000"); // "1250000000"
 * ```
 */
export function appIdOf(bucket: string): string | undefined {
  return /-([0-9]+)$/.exec(bucket)?.[1];
}
