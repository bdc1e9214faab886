import { buildCanonical, type CanonicalRequest, canonicalMethod, type EncodedPair, encodePair } from "./canonical.js";
import { uriEncode } from "./encode.js";
import { SignerError } from "./errors.js";
import { isSignedByDefault, normalizeHeaders, TOKEN_HEADERS, tokenHeaderFor } from "./headers.js";
import { resolveKeyTime } from "./key-time.js";
import { parseRequestUrl, type QueryParam, type RequestUrl } from "./request-url.js";
import type { Credentials, SignRequestInput, TokenHeaderName } from "./types.js";

const SECRET_ID = /^[\x21-\x25\x27-\x7e]+$/;

/** Everything a signature needs, computed from a {@link SignRequestInput} without any crypto. */
export interface PreparedRequest {
  readonly secretId: string;
  readonly secretKey: string;
  readonly keyTime: string;
  readonly url: RequestUrl;
  readonly canonical: CanonicalRequest;
  /** The session token and where it goes, if any. */
  readonly token?: { readonly name: TokenHeaderName; readonly value: string };
}

/** Where the session token travels: a header (header form) or a query parameter (presigned URL). */
export type TokenPlacement = "header" | "query";

function checkCredentials(credentials: Credentials | undefined): Credentials {
  if (typeof credentials !== "object" || credentials === null) {
    throw new SignerError(
      "InvalidCredentials",
      "credentials must be an object { secretId, secretKey, sessionToken? }.",
    );
  }
  const { secretId, secretKey, sessionToken } = credentials;
  if (typeof secretId !== "string" || secretId === "") {
    throw new SignerError(
      "InvalidCredentials",
      "credentials.secretId is missing or empty; pass the SecretId (AKID...).",
    );
  }
  if (!SECRET_ID.test(secretId)) {
    throw new SignerError(
      "InvalidCredentials",
      'credentials.secretId must be printable ASCII without spaces or "&"; check that the SecretId was copied whole.',
    );
  }
  if (typeof secretKey !== "string" || secretKey === "") {
    throw new SignerError("InvalidCredentials", "credentials.secretKey is missing or empty; pass the SecretKey.");
  }
  if (sessionToken !== undefined && typeof sessionToken !== "string") {
    throw new SignerError("InvalidCredentials", "credentials.sessionToken must be a string when given.");
  }
  return credentials;
}

function lowerNames(option: string, names: readonly string[] | undefined): Set<string> | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || names.some((name) => typeof name !== "string" || name === "")) {
    throw new SignerError("InvalidOption", `${option} must be an array of non-empty names.`);
  }
  return new Set(names.map((name) => name.toLowerCase()));
}

function tokenName(input: SignRequestInput, host: string): TokenHeaderName {
  const { tokenHeader } = input;
  if (tokenHeader === undefined) return tokenHeaderFor(host);
  if (!TOKEN_HEADERS.includes(tokenHeader)) {
    throw new SignerError("InvalidOption", 'tokenHeader must be "x-ci-security-token" or "x-cos-security-token".');
  }
  return tokenHeader;
}

function signedHeaders(headers: Map<string, string>, host: string, toSign: Set<string> | undefined): EncodedPair[] {
  const pairs: EncodedPair[] = [];
  if (toSign === undefined) {
    pairs.push(encodePair("host", headers.get("host") ?? host));
    for (const [name, value] of headers) {
      if (name !== "host" && isSignedByDefault(name)) pairs.push(encodePair(name, value));
    }
    return pairs;
  }
  for (const name of toSign) {
    const value = headers.get(name) ?? (name === "host" ? host : undefined);
    if (value === undefined) {
      throw new SignerError(
        "MissingSignedHeader",
        `headersToSign names "${name}", but the request has no such header; add the header or drop the name.`,
      );
    }
    pairs.push(encodePair(name, value));
  }
  return pairs;
}

function signedParams(params: readonly QueryParam[], toSign: Set<string> | undefined): EncodedPair[] {
  const pairs: EncodedPair[] = [];
  const seen = new Set<string>();
  const found = new Set<string>();
  for (const param of params) {
    const lower = param.name.toLowerCase();
    if (toSign !== undefined && !toSign.has(lower)) continue;
    if (seen.has(param.listName)) {
      throw new SignerError(
        "DuplicateParam",
        `Query parameter "${param.listName}" appears twice (or in two letter cases); the signature needs one value per name.`,
      );
    }
    seen.add(param.listName);
    found.add(lower);
    pairs.push([param.listName, uriEncode(param.value)]);
  }
  if (toSign !== undefined) {
    for (const name of toSign) {
      if (!found.has(name)) {
        throw new SignerError(
          "MissingSignedParam",
          `paramsToSign names "${name}", but the URL has no such query parameter; add it or drop the name.`,
        );
      }
    }
  }
  return pairs;
}

/**
 * Validates a signing input and builds the canonical request. `placement` says where the session
 * token goes: as a header it becomes part of the request headers (signable through `headersToSign`),
 * as a query parameter it is appended after signing.
 */
export function prepareRequest(input: SignRequestInput, placement: TokenPlacement): PreparedRequest {
  if (typeof input !== "object" || input === null) {
    throw new SignerError("InvalidOption", "signRequest needs an input object { method, url, credentials, ... }.");
  }
  const { secretId, secretKey, sessionToken } = checkCredentials(input.credentials);
  const method = canonicalMethod(input.method);
  const url = parseRequestUrl(input.url, "reject");
  const keyTime = resolveKeyTime(input);
  const headersToSign = lowerNames("headersToSign", input.headersToSign);
  const paramsToSign = lowerNames("paramsToSign", input.paramsToSign);
  const headers = normalizeHeaders(input.headers);

  let token: PreparedRequest["token"];
  if (sessionToken !== undefined && sessionToken !== "") {
    const name = tokenName(input, headers.get("host") ?? url.host);
    token = { name, value: sessionToken };
    if (placement === "header") {
      const given = headers.get(name);
      if (given !== undefined && given !== sessionToken) {
        throw new SignerError(
          "DuplicateHeader",
          `The request already has a "${name}" header that differs from credentials.sessionToken; remove one.`,
        );
      }
      normalizeHeaders([[name, sessionToken]]); // validates the token as a header value
      headers.set(name, sessionToken);
    }
  }
  if (placement === "query") {
    for (const param of url.params) {
      if (param.listName === "q-signature" || param.listName === "q-sign-algorithm" || param.listName === "q-ak") {
        throw new SignerError(
          "InvalidQuery",
          `The URL already carries a signature parameter (${param.listName}); presign the URL without q-* parameters.`,
        );
      }
    }
  }

  const canonical = buildCanonical(
    method,
    url.pathname,
    signedParams(url.params, paramsToSign),
    signedHeaders(headers, url.host, headersToSign),
  );
  return token === undefined
    ? { secretId, secretKey, keyTime, url, canonical }
    : { secretId, secretKey, keyTime, url, canonical, token };
}
