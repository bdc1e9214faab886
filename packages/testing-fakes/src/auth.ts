import {
  AUTHORIZATION_FIELDS,
  maskSecretId,
  type ParsedAuthorization,
  type SignatureParts,
  verifyRequest,
} from "@cibatch/signer";
import { type AccountRegistry, accountMayAccess } from "./accounts.js";
import type { SignatureVerdict } from "./journal.js";

/**
 * Which error table the fake answers authentication failures from (OQ8 of the README): `cos` (default) uses the
 * COS codes (`403 SignatureDoesNotMatch`, `403 InvalidAccessKeyId`, `403 AccessDenied` "Request has expired",
 * `403 RequestTimeTooSkewed`, `400 ExpiredToken`); `ci` the CI table (`401 AccessDenied`, `401 SecretidNotExist`,
 * `401 SignatureExpired`). Both answer `401 MissingAuthorization` / `401 InvalidAuthorization`.
 *
 * @example
 * ```ts
 * import { createFakeCi, type AuthErrorStyle } from "@cibatch/testing-fakes";
 * const style: AuthErrorStyle = "ci";
 * const fake = createFakeCi({ authErrors: style });
 * ```
 */
export type AuthErrorStyle = "cos" | "ci";

/**
 * The fake's reasons to refuse a request's credentials: the verifier's codes plus the fake's own token and
 * account checks.
 *
 * @example
 * ```ts
 * import type { AuthFailureCode } from "@cibatch/testing-fakes";
 * const code: AuthFailureCode = "ExpiredToken";
 * ```
 */
export type AuthFailureCode =
  | "MissingAuthorization"
  | "InvalidAuthorization"
  | "SecretIdNotExist"
  | "SignatureExpired"
  | "RequestTimeTooSkewed"
  | "SignatureDoesNotMatch"
  | "ExpiredToken"
  | "InvalidToken"
  | "AccessDenied";

/** @internal An HTTP error to answer. */
export interface AuthHttpError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** @internal The verdict plus the error to answer when refused. */
export interface AuthOutcome {
  readonly verdict: SignatureVerdict;
  readonly error: AuthHttpError | undefined;
}

const TABLE: Record<AuthFailureCode, Record<AuthErrorStyle, readonly [number, string]>> = {
  MissingAuthorization: { cos: [401, "MissingAuthorization"], ci: [401, "MissingAuthorization"] },
  InvalidAuthorization: { cos: [401, "InvalidAuthorization"], ci: [401, "InvalidAuthorization"] },
  SecretIdNotExist: { cos: [403, "InvalidAccessKeyId"], ci: [401, "SecretidNotExist"] },
  SignatureExpired: { cos: [403, "AccessDenied"], ci: [401, "SignatureExpired"] },
  RequestTimeTooSkewed: { cos: [403, "RequestTimeTooSkewed"], ci: [401, "SignatureExpired"] },
  SignatureDoesNotMatch: { cos: [403, "SignatureDoesNotMatch"], ci: [401, "AccessDenied"] },
  ExpiredToken: { cos: [400, "ExpiredToken"], ci: [401, "SignatureExpired"] },
  InvalidToken: { cos: [403, "AccessDenied"], ci: [401, "AccessDenied"] },
  AccessDenied: { cos: [403, "AccessDenied"], ci: [403, "AccessDenied"] },
};

/**
 * The HTTP status and error code the fake answers for an authentication failure.
 *
 * @example
 * ```ts
 * import { authErrorFor } from "@cibatch/testing-fakes";
 * authErrorFor("SignatureDoesNotMatch", "cos"); // { status: 403, code: "SignatureDoesNotMatch" }
 * authErrorFor("SignatureDoesNotMatch", "ci"); // { status: 401, code: "AccessDenied" }
 * ```
 */
export function authErrorFor(
  failure: AuthFailureCode,
  style: AuthErrorStyle,
): {
  /** HTTP status. */
  status: number;
  /** `<Code>` of the error body. */
  code: string;
} {
  const [status, code] = TABLE[failure][style];
  return { status, code };
}

const visible = (text: string): string => JSON.stringify(text);

/** The parsed `q-*` fields of a signature, when the verifier got that far but computed nothing. */
function fieldsOf(auth: ParsedAuthorization): Record<string, string> {
  return {
    keyTime: auth.keyTime,
    signTime: auth.signTime,
    headerList: auth.headerList.join(";"),
    urlParamList: auth.urlParamList.join(";"),
  };
}

function expectedOf(parts: SignatureParts): Record<string, string> {
  return {
    keyTime: parts.keyTime,
    signTime: parts.signTime,
    headerList: parts.headerList,
    urlParamList: parts.urlParamList,
    httpString: parts.httpString,
    sha1HttpString: parts.sha1HttpString,
    stringToSign: parts.stringToSign,
  };
}

function messageFor(failure: AuthFailureCode, style: AuthErrorStyle, detail: string, parts?: SignatureParts): string {
  // The official SDKs correct their clock on exactly this message (cos-nodejs-sdk-v5 base.js).
  if (failure === "SignatureExpired" && style === "cos") return "Request has expired";
  if (failure === "SignatureDoesNotMatch" && parts) {
    return (
      "The request signature we calculated does not match the signature you provided. " +
      `StringToSign=${visible(parts.stringToSign)} HttpString=${visible(parts.httpString)} ` +
      `q-header-list=${visible(parts.headerList)} q-url-param-list=${visible(parts.urlParamList)}`
    );
  }
  return detail;
}

const AUTHORIZATION_FIELD_SET: ReadonlySet<string> = new Set(AUTHORIZATION_FIELDS);

/**
 * Why an `Authorization` value is not one q-sign authorization, or `undefined`. Two `Authorization` headers reach
 * the fake joined with `, ` (as HTTP joins repeated fields); a field the format does not define is refused too, so
 * a client that signs something the service would not read learns it here rather than in production.
 */
function malformedAuthorization(value: string): string | undefined {
  if (/,\s*q-sign-algorithm=/i.test(value)) {
    return "the request carries more than one Authorization header; send exactly one q-sign authorization";
  }
  const seen = new Set<string>();
  for (const part of value.trim().split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = (eq === -1 ? part : part.slice(0, eq)).trim();
    if (!AUTHORIZATION_FIELD_SET.has(name)) {
      return `the Authorization header has the unknown field ${JSON.stringify(name)}; a q-sign authorization holds only ${AUTHORIZATION_FIELDS.join(", ")}`;
    }
    if (seen.has(name)) return `the Authorization header gives ${name} twice; send exactly one q-sign authorization`;
    seen.add(name);
  }
  return undefined;
}

/** @internal Verifies a request's signature, token and account against the registry. */
export async function authenticate(input: {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bucket: string;
  readonly now: number;
  readonly accounts: AccountRegistry;
  readonly style: AuthErrorStyle;
  readonly allowAny: boolean;
  readonly maxSkewSeconds: number;
}): Promise<AuthOutcome> {
  const refuse = (
    failure: AuthFailureCode,
    detail: string,
    extra: { secretId?: string; parts?: SignatureParts; fields?: Record<string, string> } = {},
  ): AuthOutcome => {
    const { status, code } = authErrorFor(failure, input.style);
    const message = messageFor(failure, input.style, detail, extra.parts);
    const verdict: SignatureVerdict = {
      result: "failed",
      code: failure,
      message: detail,
      accepted: input.allowAny,
      ...(extra.secretId !== undefined ? { secretId: maskSecretId(extra.secretId) } : {}),
      ...(extra.parts ? { expected: expectedOf(extra.parts) } : extra.fields ? { expected: extra.fields } : {}),
    };
    return { verdict, error: input.allowAny ? undefined : { status, code, message } };
  };

  const malformed =
    input.headers.authorization === undefined ? undefined : malformedAuthorization(input.headers.authorization);
  if (malformed !== undefined) return refuse("InvalidAuthorization", malformed);

  let result: Awaited<ReturnType<typeof verifyRequest>>;
  try {
    result = await verifyRequest(
      { method: input.method, url: input.url, headers: input.headers },
      {
        getSecret: (id) => input.accounts.get(id)?.secretKey,
        now: input.now,
        maxSkewSeconds: input.maxSkewSeconds,
      },
    );
  } catch (error) {
    // The verifier refuses input it cannot even read (e.g. control characters in a header): a malformed request.
    return refuse("InvalidAuthorization", `the request cannot be verified: ${(error as Error).message}`);
  }
  if (!result.ok) {
    return refuse(result.code, result.message, {
      ...(result.secretId !== undefined ? { secretId: result.secretId } : {}),
      ...(result.expected ? { parts: result.expected } : {}),
      ...(result.authorization ? { fields: fieldsOf(result.authorization) } : {}),
    });
  }
  const account = input.accounts.get(result.secretId);
  const ids = { secretId: result.secretId, parts: result.parts };
  if (account?.token !== undefined) {
    if (result.token === undefined) {
      return refuse(
        "InvalidToken",
        "This SecretId is a temporary key: send its session token in x-ci-security-token (or x-cos-security-token).",
        ids,
      );
    }
    if (result.token.value !== account.token) {
      return refuse("InvalidToken", `The ${result.token.name} does not belong to this temporary SecretId.`, ids);
    }
    if (account.expiresAt !== undefined && input.now >= account.expiresAt.getTime()) {
      return refuse(
        "ExpiredToken",
        `The temporary credentials expired at ${new Date(account.expiresAt).toISOString()}; fetch new ones.`,
        ids,
      );
    }
  }
  if (account && !accountMayAccess(account, input.bucket)) {
    return refuse("AccessDenied", `This SecretId belongs to another APPID than bucket ${input.bucket}.`, ids);
  }
  return {
    verdict: {
      result: "ok",
      secretId: maskSecretId(result.secretId),
      accepted: true,
      expected: expectedOf(result.parts),
    },
    error: undefined,
  };
}
