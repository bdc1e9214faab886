/**
 * A SecretId/SecretKey pair, with the session token of temporary (STS) credentials.
 *
 * @public
 * @example
 * ```ts
 * import type { Credentials } from "@cibatch/signer";
 *
 * const credentials: Credentials = {
 *   secretId: process.env.TENCENTCLOUD_SECRET_ID ?? "",
 *   secretKey: process.env.TENCENTCLOUD_SECRET_KEY ?? "",
 *   sessionToken: process.env.TENCENTCLOUD_SESSION_TOKEN,
 * };
 * ```
 */
export interface Credentials {
  /** The SecretId (`q-ak`). */
  readonly secretId: string;
  /** The SecretKey. Never printed by this package. */
  readonly secretKey: string;
  /** Token of temporary credentials; sent in `x-ci-security-token` or `x-cos-security-token`. */
  readonly sessionToken?: string | undefined;
  /** When temporary credentials stop working; absent for permanent keys. The signer does not read it. */
  readonly expiresAt?: Date | undefined;
}

/**
 * A KeyTime window in integer Unix seconds (`<start>;<end>` on the wire).
 *
 * @public
 */
export interface KeyTimeRange {
  /** First second of validity. */
  readonly start: number;
  /** Last second of validity (inclusive). */
  readonly end: number;
}

/**
 * Request headers in any of the usual shapes: a Fetch `Headers` object, a plain record (values
 * `undefined`/`null` mean "absent") or a list of `[name, value]` pairs.
 *
 * @public
 * @example
 * ```ts
 * import type { HeadersInput } from "@cibatch/signer";
 *
 * const a: HeadersInput = { "Content-Type": "application/xml" };
 * const b: HeadersInput = new Headers({ "x-cos-meta-a": "1" });
 * const c: HeadersInput = [["Range", "bytes=0-3"]];
 * ```
 */
export type HeadersInput =
  | Headers
  | Readonly<Record<string, string | number | undefined | null>>
  | Iterable<readonly [string, string]>;

/**
 * Which security-token header carries `sessionToken`.
 *
 * @public
 */
export type TokenHeaderName = "x-ci-security-token" | "x-cos-security-token";

/**
 * Input of `signRequest` and `presignUrl`.
 *
 * @public
 * @example
 * ```ts
 * import type { SignRequestInput } from "@cibatch/signer";
 *
 * const input: SignRequestInput = {
 *   method: "GET",
 *   url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deff",
 *   credentials: { secretId: "AKID...", secretKey: "..." },
 *   now: Date.now(),
 * };
 * ```
 */
export interface SignRequestInput {
  /** HTTP method as sent (`GET`, `PUT`, ...); lower-cased only inside HttpString. */
  readonly method: string;
  /** Absolute URL as it will be sent. Its decoded path and its query are signed. */
  readonly url: string | URL;
  /** Request headers (the ones the server will see). `host` defaults to the URL's host. */
  readonly headers?: HeadersInput | undefined;
  /** Keys to sign with. */
  readonly credentials: Credentials;
  /**
   * The current time, in milliseconds since the epoch (or a `Date`), already corrected for clock
   * skew. Ignored when `keyTime` is given.
   *
   * @defaultValue `Date.now()`
   */
  readonly now?: number | Date | undefined;
  /** An explicit KeyTime (`"start;end"` or a range); replaces `now`, `expiresIn` and `backdate`. */
  readonly keyTime?: string | KeyTimeRange | undefined;
  /**
   * Seconds of validity after `now` (integer ≥ 0). Unlike the official SDK's `Expires: 0`, `0`
   * really means "until the current second".
   *
   * @defaultValue 900
   */
  readonly expiresIn?: number | undefined;
  /**
   * Seconds the window starts before `now` (integer ≥ 0), to tolerate a server clock behind ours.
   *
   * @defaultValue 60
   */
  readonly backdate?: number | undefined;
  /**
   * Sign exactly these headers (case-insensitive) instead of the defaults. `host` is signed only if
   * listed here. A listed header absent from the request is an error (`host` falls back to the URL).
   *
   * @defaultValue `host`, the official Node SDK's whitelist (`content-type`, `content-length`,
   * `content-md5`, `range`, `if-*`, ...) and every `x-cos-*` / `x-ci-*` header except the security tokens
   */
  readonly headersToSign?: readonly string[] | undefined;
  /**
   * Sign exactly these query parameters (decoded names, case-insensitive) instead of all of them.
   *
   * @defaultValue every query parameter of the URL
   */
  readonly paramsToSign?: readonly string[] | undefined;
  /**
   * Header (or, for `presignUrl`, query parameter) that carries `credentials.sessionToken`.
   *
   * @defaultValue `x-ci-security-token` on `*.ci.*` hosts, `x-cos-security-token` elsewhere
   */
  readonly tokenHeader?: TokenHeaderName | undefined;
}

/**
 * Every intermediate value of one signature, in the order of the algorithm, so that a
 * `SignatureDoesNotMatch` can be explained step by step.
 *
 * `signKey` is secret-equivalent for the KeyTime window: keep it out of logs shared beyond the
 * account (`redactCredentials` masks it).
 *
 * @public
 * @example
 * ```ts
 * import { signRequest, type SignatureParts } from "@cibatch/signer";
 *
 * const { parts }: { parts: SignatureParts } = await signRequest({
 *   method: "GET",
 *   url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob",
 *   credentials: { secretId: "AKID...", secretKey: "..." },
 * });
 * console.log(parts.httpString);
 * ```
 */
export interface SignatureParts {
  /** `q-key-time`: the KeyTime the SignKey is derived from. */
  readonly keyTime: string;
  /** `q-sign-time`: the KeyTime written into StringToSign (equal to `keyTime` when signing). */
  readonly signTime: string;
  /** Lowercase hex HMAC-SHA1(SecretKey, keyTime). */
  readonly signKey: string;
  /** `<method>\n<path>\n<HttpParameters>\n<HttpHeaders>\n`. */
  readonly httpString: string;
  /** Lowercase hex SHA1 of `httpString`. */
  readonly sha1HttpString: string;
  /** `sha1\n<signTime>\n<sha1HttpString>\n`. */
  readonly stringToSign: string;
  /** `q-header-list`: signed header names, `;`-separated, sorted. */
  readonly headerList: string;
  /** `q-url-param-list`: signed parameter names, `;`-separated, sorted. */
  readonly urlParamList: string;
  /** `q-signature`: lowercase hex HMAC-SHA1(signKey as hex text, stringToSign). */
  readonly signature: string;
  /** The whole `Authorization` value. */
  readonly authorization: string;
}

/**
 * Result of `signRequest`.
 *
 * @public
 * @example
 * ```ts
 * import { signRequest, type SignedRequest } from "@cibatch/signer";
 *
 * const url = "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob";
 * const signed: SignedRequest = await signRequest({
 *   method: "GET",
 *   url,
 *   credentials: { secretId: "AKID...", secretKey: "...", sessionToken: "tok" },
 * });
 * await fetch(url, { headers: signed.headers });
 * ```
 */
export interface SignedRequest {
  /** The `Authorization` header value. */
  readonly authorization: string;
  /** Headers to add to the request: `authorization`, plus the security-token header when there is a session token. */
  readonly headers: Readonly<Record<string, string>>;
  /** Every intermediate value. */
  readonly parts: SignatureParts;
}

/**
 * Result of `presignUrl`.
 *
 * @public
 * @example
 * ```ts
 * import { presignUrl, type PresignedUrl } from "@cibatch/signer";
 *
 * const presigned: PresignedUrl = await presignUrl({
 *   method: "GET",
 *   url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob",
 *   credentials: { secretId: "AKID...", secretKey: "..." },
 *   expiresIn: 300,
 * });
 * console.log(presigned.url, new Date(presigned.expiresAt * 1000));
 * ```
 */
export interface PresignedUrl {
  /** The URL with the `q-*` parameters (and the security token) appended. */
  readonly url: string;
  /** Last second of validity (Unix seconds). */
  readonly expiresAt: number;
  /** Every intermediate value. */
  readonly parts: SignatureParts;
}

/**
 * The seven fields of a q-sign `Authorization` value.
 *
 * @public
 * @example
 * ```ts
 * import { parseAuthorization, type ParsedAuthorization } from "@cibatch/signer";
 *
 * const parsed: ParsedAuthorization = parseAuthorization(
 *   "q-sign-algorithm=sha1&q-ak=AKID&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature=ab",
 * );
 * console.log(parsed.headerList); // ["host"]
 * ```
 */
export interface ParsedAuthorization {
  /** `q-sign-algorithm`; only `sha1` is accepted. */
  readonly algorithm: "sha1";
  /** `q-ak`. */
  readonly secretId: string;
  /** `q-sign-time`, verbatim. */
  readonly signTime: string;
  /** `q-key-time`, verbatim. */
  readonly keyTime: string;
  /** `q-sign-time`, parsed. */
  readonly signTimeRange: KeyTimeRange;
  /** `q-key-time`, parsed. */
  readonly keyTimeRange: KeyTimeRange;
  /** `q-header-list`, split on `;` (empty list for an empty value). */
  readonly headerList: readonly string[];
  /** `q-url-param-list`, split on `;` (empty list for an empty value). */
  readonly urlParamList: readonly string[];
  /** `q-signature`. */
  readonly signature: string;
}

/**
 * What `verifyRequest` needs of a request; a Fetch `Request` fits.
 *
 * @public
 * @example
 * ```ts
 * import type { VerifiableRequest } from "@cibatch/signer";
 *
 * const request: VerifiableRequest = new Request("https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/x");
 * ```
 */
export interface VerifiableRequest {
  /** HTTP method. */
  readonly method: string;
  /** Absolute URL, with host, path and query as received. */
  readonly url: string | URL;
  /** Request headers. A missing `host` falls back to the URL's host. */
  readonly headers?: HeadersInput | undefined;
}

/**
 * Options of `verifyRequest`.
 *
 * @public
 * @example
 * ```ts
 * import type { VerifyOptions } from "@cibatch/signer";
 *
 * const keys = new Map([["AKID...", "secret"]]);
 * const options: VerifyOptions = { getSecret: (id) => keys.get(id), now: Date.now(), maxSkewSeconds: 900 };
 * ```
 */
export interface VerifyOptions {
  /** Returns the SecretKey of a SecretId, or `undefined`/`null` when the id is unknown. */
  readonly getSecret: (secretId: string) => string | undefined | null | Promise<string | undefined | null>;
  /**
   * The verifier's current time in milliseconds since the epoch (or a `Date`).
   *
   * @defaultValue `Date.now()`
   */
  readonly now?: number | Date | undefined;
  /**
   * How far (seconds) the start of `q-sign-time` may lie ahead of `now` before the request counts as
   * `RequestTimeTooSkewed`.
   *
   * @defaultValue 900
   */
  readonly maxSkewSeconds?: number | undefined;
}

/**
 * Why `verifyRequest` rejected a request.
 *
 * | Code | Meaning |
 * |---|---|
 * | `MissingAuthorization` | no `Authorization` header and no `q-*` query parameters |
 * | `InvalidAuthorization` | a field missing or malformed, an algorithm other than `sha1`, two different tokens |
 * | `SecretIdNotExist` | `getSecret` knows no key for `q-ak` |
 * | `SignatureExpired` | `now` is after the end of `q-sign-time` |
 * | `RequestTimeTooSkewed` | the start of `q-sign-time` is more than `maxSkewSeconds` after `now` |
 * | `SignatureDoesNotMatch` | a listed header or parameter is absent, or the recomputed signature differs |
 *
 * @public
 * @example
 * ```ts
 * import type { VerifyFailureCode } from "@cibatch/signer";
 *
 * const status: Record<VerifyFailureCode, number> = {
 *   MissingAuthorization: 401, InvalidAuthorization: 401, SecretIdNotExist: 403,
 *   SignatureExpired: 403, RequestTimeTooSkewed: 403, SignatureDoesNotMatch: 403,
 * };
 * ```
 */
export type VerifyFailureCode =
  | "MissingAuthorization"
  | "InvalidAuthorization"
  | "SecretIdNotExist"
  | "SignatureExpired"
  | "RequestTimeTooSkewed"
  | "SignatureDoesNotMatch";

/**
 * Where the signature of a verified request travelled.
 *
 * @public
 * @example
 * ```ts
 * import type { SignatureForm } from "@cibatch/signer";
 *
 * const form: SignatureForm = "query"; // a presigned URL
 * ```
 */
export type SignatureForm = "header" | "query";

/**
 * The security token found on a request, and where.
 *
 * @public
 * @example
 * ```ts
 * import type { FoundToken } from "@cibatch/signer";
 *
 * const token: FoundToken = { value: "tok", name: "x-ci-security-token", in: "header" };
 * ```
 */
export interface FoundToken {
  /** The token. */
  readonly value: string;
  /** The header or query parameter name that carried it. */
  readonly name: TokenHeaderName;
  /** Whether it came as a header or a query parameter. */
  readonly in: SignatureForm;
}

/**
 * A request that `verifyRequest` accepted.
 *
 * @public
 * @example
 * ```ts
 * import type { VerifySuccess } from "@cibatch/signer";
 *
 * function account(result: VerifySuccess): string {
 *   return result.token ? `${result.secretId} (temporary)` : result.secretId;
 * }
 * ```
 */
export interface VerifySuccess {
  /** Discriminant. */
  readonly ok: true;
  /** `q-ak` of the request. */
  readonly secretId: string;
  /** Header or query form. */
  readonly form: SignatureForm;
  /** The security token, if the request carried one; check it against the key's registered token. */
  readonly token?: FoundToken;
  /** The parsed signature fields. */
  readonly authorization: ParsedAuthorization;
  /** The recomputed values (equal to the request's). */
  readonly parts: SignatureParts;
}

/**
 * A request that `verifyRequest` rejected, with the reason and, when the signature could be
 * recomputed, the expected intermediate values.
 *
 * @public
 * @example
 * ```ts
 * import type { VerifyFailure } from "@cibatch/signer";
 *
 * function explain(result: VerifyFailure): string {
 *   return result.expected ? `${result.code}; server HttpString: ${JSON.stringify(result.expected.httpString)}` : result.code;
 * }
 * ```
 */
export interface VerifyFailure {
  /** Discriminant. */
  readonly ok: false;
  /** Machine-readable reason. */
  readonly code: VerifyFailureCode;
  /** What was wrong, for people. Never contains a secret or a signature. */
  readonly message: string;
  /** Header or query form, once known. */
  readonly form?: SignatureForm;
  /** `q-ak`, once parsed. */
  readonly secretId?: string;
  /** The security token, if the request carried one. */
  readonly token?: FoundToken;
  /** The parsed signature fields, once parsed. */
  readonly authorization?: ParsedAuthorization;
  /** What the server computed for this request (present for a signature mismatch). */
  readonly expected?: SignatureParts;
  /** Names listed in `q-header-list` that the request lacks. */
  readonly missingHeaders?: readonly string[];
  /** Names listed in `q-url-param-list` that the request lacks (or carries more than once). */
  readonly missingParams?: readonly string[];
}

/**
 * Result of `verifyRequest`: a discriminated union on `ok`.
 *
 * @public
 * @example
 * ```ts
 * import type { VerifyResult } from "@cibatch/signer";
 *
 * function status(result: VerifyResult): number {
 *   return result.ok ? 200 : result.code === "MissingAuthorization" ? 401 : 403;
 * }
 * ```
 */
export type VerifyResult = VerifySuccess | VerifyFailure;
