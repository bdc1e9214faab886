// Canary secrets: Tencent's published signature example (spec/signature-vectors.json, vector
// V1-cos-put-object) plus a made-up session token. Tests search printed output for them.
export const CANARY_SECRET_ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
export const CANARY_SECRET_KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
export const CANARY_SIGNATURE = "3b8851a11a569213c17ba8fa7dcf2abec6935172";
export const CANARY_TOKEN = "canaryTokenZ9y8x7w6v5u4t3s2r1q0";
export const CANARY_AUTHORIZATION =
  "q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989151;1557996351" +
  "&q-key-time=1557989151;1557996351&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read" +
  "&q-url-param-list=&q-signature=3b8851a11a569213c17ba8fa7dcf2abec6935172";
export const CANARY_PRESIGNED_URL =
  "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9" +
  `?q-sign-algorithm=sha1&q-ak=${CANARY_SECRET_ID}&q-sign-time=1557989151;1557996351&q-key-time=1557989151;1557996351` +
  `&q-header-list=host&q-url-param-list=&q-signature=${CANARY_SIGNATURE}&x-ci-security-token=${CANARY_TOKEN}`;

/** Every raw secret that must never appear in printed output (the masked SecretId `****9U5q` may). */
export const RAW_SECRETS: readonly string[] = [CANARY_SECRET_ID, CANARY_SECRET_KEY, CANARY_SIGNATURE, CANARY_TOKEN];
