/**
 * Sign, presign, verify and explain Tencent Cloud COS/CI `q-sign-algorithm=sha1` request signatures.
 *
 * One entry for every runtime: the package's `#engine` import picks node:crypto under the `node` condition
 * and Web Crypto everywhere else (browsers, Deno, Bun, workers), with the same API and the same results.
 *
 * @packageDocumentation
 */
import { engine } from "#engine";
import { presignUrlWith, signRequestWith } from "./sign-request.js";
import type {
  PresignedUrl,
  SignedRequest,
  SignRequestInput,
  VerifiableRequest,
  VerifyOptions,
  VerifyResult,
} from "./types.js";
import { verifyRequestWith } from "./verify-request.js";

export { AUTHORIZATION_FIELDS, parseAuthorization } from "./authorization.js";
export { formatQuery, uriEncode } from "./encode.js";
export { isSignerError, SignerError, type SignerErrorCode } from "./errors.js";
export { SIGNED_HEADER_WHITELIST, tokenHeaderFor } from "./headers.js";
export {
  maskSecretId,
  REDACTED,
  redactAuthorization,
  redactCredentials,
  redactHeaders,
  redactText,
  redactUrl,
} from "./redact.js";
export type {
  Credentials,
  FoundToken,
  HeadersInput,
  KeyTimeRange,
  ParsedAuthorization,
  PresignedUrl,
  SignatureForm,
  SignatureParts,
  SignedRequest,
  SignRequestInput,
  TokenHeaderName,
  VerifiableRequest,
  VerifyFailure,
  VerifyFailureCode,
  VerifyOptions,
  VerifyResult,
  VerifySuccess,
} from "./types.js";

/**
 * Which implementation the package loaded: `"node"` (node:crypto) under the `node` condition, `"web"`
 * (Web Crypto) elsewhere. Both give identical results.
 *
 * @public
 * @example
 * ```ts
 * import { signerRuntime } from "@cibatch/signer";
 *
 * console.log(`signing with ${signerRuntime === "node" ? "node:crypto" : "Web Crypto"}`);
 * ```
 */
export const signerRuntime: "node" | "web" = engine.runtime;

/**
 * Signs a request (header form): returns the `Authorization` value, the headers to add (with the
 * session token in `x-ci-security-token` on `*.ci.*` hosts, `x-cos-security-token` elsewhere) and every
 * intermediate value.
 *
 * Defaults: sign `host` (from the headers, else the URL), the official Node SDK's header whitelist
 * (`content-type`, `content-length`, `content-md5`, `range`, `if-*`, …) and every `x-cos-*` / `x-ci-*`
 * header except the security tokens; sign every query parameter (a value-less one as `key=`); window
 * `now − 60 s … now + 900 s`. Throws a {@link SignerError} for bad input.
 *
 * @public
 * @example
 * ```ts
 * import { signRequest } from "@cibatch/signer";
 *
 * const url = "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9";
 * const { headers } = await signRequest({
 *   method: "GET",
 *   url,
 *   credentials: { secretId: "AKID...", secretKey: "...", sessionToken: "..." },
 * });
 * const response = await fetch(url, { headers });
 * ```
 */
export function signRequest(input: SignRequestInput): Promise<SignedRequest> {
  return signRequestWith(engine, input);
}

/**
 * Presigns a URL (query form): the URL with `q-sign-algorithm`, `q-ak`, `q-sign-time`, `q-key-time`,
 * `q-header-list`, `q-url-param-list`, `q-signature` (and the session token) appended, valid for
 * `expiresIn` seconds (default 900). Signs `host` and the URL's query parameters by default.
 *
 * @public
 * @example
 * ```ts
 * import { presignUrl } from "@cibatch/signer";
 *
 * const { url } = await presignUrl({
 *   method: "GET",
 *   url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob?size=10",
 *   credentials: { secretId: "AKID...", secretKey: "..." },
 *   expiresIn: 300,
 * });
 * ```
 */
export function presignUrl(input: SignRequestInput): Promise<PresignedUrl> {
  return presignUrlWith(engine, input);
}

/**
 * Verifies a signed request as the service would (header form or presigned query form): parses
 * the signature, looks up the SecretKey, checks `now` against `q-sign-time`, rebuilds HttpString
 * from the headers and parameters the signature lists (others are ignored), recomputes the
 * signature (SignKey from `q-key-time`, StringToSign from `q-sign-time`) and compares in constant time.
 *
 * Never throws for a bad request: returns `{ ok: false, code, message, expected? }`. Throws a
 * {@link SignerError} only for bad options or a relative URL. The security token, if any, is
 * reported (from either header name or query parameter) so the caller can check it.
 *
 * @public
 * @example
 * ```ts
 * import { verifyRequest } from "@cibatch/signer";
 *
 * const keys = new Map([["AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz"]]);
 * async function handle(request: Request): Promise<Response> {
 *   const result = await verifyRequest(request, { getSecret: (id) => keys.get(id), now: Date.now() });
 *   if (!result.ok) return new Response(result.code, { status: 403 });
 *   return new Response(`hello ${result.secretId}`);
 * }
 * ```
 */
export function verifyRequest(request: VerifiableRequest, options: VerifyOptions): Promise<VerifyResult> {
  return verifyRequestWith(engine, request, options);
}
