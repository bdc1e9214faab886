import { authorizationFromFields, formatAuthorization, parseAuthorization } from "./authorization.js";
import { buildCanonical, canonicalMethod, type EncodedPair } from "./canonical.js";
import { uriEncode } from "./encode.js";
import type { SignatureEngine } from "./engine.js";
import { SignerError } from "./errors.js";
import { normalizeHeaders, TOKEN_HEADERS } from "./headers.js";
import { nowSeconds } from "./key-time.js";
import { parseRequestUrl, type RequestUrl, toUrl } from "./request-url.js";
import type {
  FoundToken,
  ParsedAuthorization,
  SignatureForm,
  SignatureParts,
  VerifiableRequest,
  VerifyFailure,
  VerifyFailureCode,
  VerifyOptions,
  VerifyResult,
} from "./types.js";

/** Default tolerance for a `q-sign-time` start ahead of the verifier's clock, in seconds. */
export const DEFAULT_MAX_SKEW_SECONDS = 900;

const QUERY_MARKERS = ["q-sign-algorithm", "q-ak", "q-signature"];

type Context = Omit<VerifyFailure, "ok" | "code" | "message">;

function fail(code: VerifyFailureCode, message: string, context: Context): VerifyFailure {
  return { ok: false, code, message, ...context };
}

function findToken(headers: Map<string, string>, url: RequestUrl): { token?: FoundToken; conflict: boolean } {
  const found: FoundToken[] = [];
  for (const name of TOKEN_HEADERS) {
    const value = headers.get(name);
    if (value !== undefined && value !== "") found.push({ value, name, in: "header" });
  }
  for (const param of url.params) {
    for (const name of TOKEN_HEADERS) {
      if (param.name === name && param.value !== "") found.push({ value: param.value, name, in: "query" });
    }
  }
  const first = found[0];
  if (first === undefined) return { conflict: false };
  return { token: first, conflict: found.some((t) => t.value !== first.value) };
}

function readAuthorization(
  headers: Map<string, string>,
  url: RequestUrl,
): { form: SignatureForm; parse: () => ParsedAuthorization } | undefined {
  const header = headers.get("authorization");
  if (header !== undefined && header !== "") return { form: "header", parse: () => parseAuthorization(header) };
  if (!url.params.some((param) => QUERY_MARKERS.includes(param.name))) return undefined;
  return {
    form: "query",
    parse: () => {
      const fields = new Map<string, string>();
      for (const param of url.params) {
        if (!param.name.startsWith("q-")) continue;
        if (fields.has(param.name)) {
          throw new SignerError("InvalidAuthorization", `The query gives ${param.name} twice.`);
        }
        fields.set(param.name, param.value);
      }
      return authorizationFromFields((field) => fields.get(field));
    },
  };
}

function checkSkew(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_SKEW_SECONDS;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new SignerError("InvalidOption", "maxSkewSeconds must be a non-negative integer number of seconds.");
  }
  return value;
}

/** `verifyRequest` for a given engine. */
export async function verifyRequestWith(
  engine: SignatureEngine,
  request: VerifiableRequest,
  options: VerifyOptions,
): Promise<VerifyResult> {
  if (typeof request !== "object" || request === null) {
    throw new SignerError("InvalidOption", "verifyRequest needs a request { method, url, headers }.");
  }
  if (typeof options !== "object" || options === null || typeof options.getSecret !== "function") {
    throw new SignerError("InvalidOption", "verifyRequest needs options.getSecret(secretId) returning the SecretKey.");
  }
  const now = nowSeconds(options.now);
  const maxSkew = checkSkew(options.maxSkewSeconds);
  const method = canonicalMethod(request.method);
  const headers = normalizeHeaders(request.headers);

  const absolute = toUrl(request.url); // a relative URL is the caller's mistake: throw
  let url: RequestUrl;
  try {
    url = parseRequestUrl(absolute, "literal");
  } catch (error) {
    // A path or query that cannot be decoded cannot match any signature.
    return fail("SignatureDoesNotMatch", `The request URL cannot be decoded: ${(error as SignerError).message}`, {});
  }

  const { token, conflict } = findToken(headers, url);
  const context: { -readonly [K in keyof Context]: Context[K] } = token ? { token } : {};

  const source = readAuthorization(headers, url);
  if (source === undefined) {
    return fail(
      "MissingAuthorization",
      "The request has no Authorization header and no q-sign-algorithm/q-ak/q-signature query parameters.",
      context,
    );
  }
  context.form = source.form;
  if (conflict) {
    return fail(
      "InvalidAuthorization",
      "The request carries two different security tokens (x-ci-security-token / x-cos-security-token); send one.",
      context,
    );
  }
  let auth: ParsedAuthorization;
  try {
    auth = source.parse();
  } catch (error) {
    // parse() throws only SignerError (InvalidAuthorization).
    return fail("InvalidAuthorization", (error as SignerError).message, context);
  }
  context.secretId = auth.secretId;
  context.authorization = auth;

  const secretKey = await options.getSecret(auth.secretId);
  if (secretKey === undefined || secretKey === null || secretKey === "") {
    return fail("SecretIdNotExist", "The SecretId (q-ak) of the signature is not known to this verifier.", context);
  }

  const { start, end } = auth.signTimeRange;
  if (now > end) {
    return fail("SignatureExpired", `The signature expired: q-sign-time ended at ${end}, now is ${now}.`, context);
  }
  if (start > now + maxSkew) {
    return fail(
      "RequestTimeTooSkewed",
      `q-sign-time starts at ${start}, more than ${maxSkew} s after now (${now}); the signer's clock is ahead.`,
      context,
    );
  }

  const byListName = new Map<string, string>();
  for (const [name, value] of headers) byListName.set(uriEncode(name).toLowerCase(), value);
  if (!byListName.has("host")) byListName.set("host", url.host);
  const headerPairs: EncodedPair[] = [];
  const missingHeaders: string[] = [];
  for (const name of auth.headerList) {
    const value = byListName.get(name);
    if (value === undefined) missingHeaders.push(name);
    else headerPairs.push([name, uriEncode(value)]);
  }

  const paramPairs: EncodedPair[] = [];
  const missingParams: string[] = [];
  for (const name of auth.urlParamList) {
    const matches = url.params.filter((param) => param.listName === name);
    const match = matches[0];
    if (match === undefined || matches.length > 1) missingParams.push(name);
    else paramPairs.push([name, uriEncode(match.value)]);
  }
  if (missingHeaders.length > 0 || missingParams.length > 0) {
    const what = [
      missingHeaders.length > 0 ? `headers ${missingHeaders.join(", ")}` : "",
      missingParams.length > 0 ? `query parameters ${missingParams.join(", ")} (absent or repeated)` : "",
    ]
      .filter(Boolean)
      .join(" and ");
    return fail("SignatureDoesNotMatch", `The signature lists ${what}, which the request does not carry once.`, {
      ...context,
      missingHeaders,
      missingParams,
    });
  }

  const canonical = buildCanonical(method, url.pathname, paramPairs, headerPairs);
  const computed = await engine.compute(secretKey, auth.keyTime, auth.signTime, canonical.httpString);
  const parts: SignatureParts = {
    keyTime: auth.keyTime,
    signTime: auth.signTime,
    signKey: computed.signKey,
    httpString: canonical.httpString,
    sha1HttpString: computed.sha1HttpString,
    stringToSign: computed.stringToSign,
    headerList: canonical.headerList,
    urlParamList: canonical.urlParamList,
    signature: computed.signature,
    authorization: formatAuthorization({
      secretId: auth.secretId,
      signTime: auth.signTime,
      keyTime: auth.keyTime,
      headerList: canonical.headerList,
      urlParamList: canonical.urlParamList,
      signature: computed.signature,
    }),
  };
  if (!engine.equal(computed.signature, auth.signature)) {
    return fail(
      "SignatureDoesNotMatch",
      "The signature does not match the request; compare expected.httpString and expected.stringToSign with the client's.",
      { ...context, expected: parts },
    );
  }
  return token
    ? { ok: true, secretId: auth.secretId, form: source.form, token, authorization: auth, parts }
    : { ok: true, secretId: auth.secretId, form: source.form, authorization: auth, parts };
}
