import { formatAuthorization } from "./authorization.js";
import { uriEncode } from "./encode.js";
import type { SignatureEngine } from "./engine.js";
import { type PreparedRequest, prepareRequest } from "./prepare-request.js";
import type { PresignedUrl, SignatureParts, SignedRequest, SignRequestInput } from "./types.js";

async function computeParts(engine: SignatureEngine, prepared: PreparedRequest): Promise<SignatureParts> {
  const { secretId, secretKey, keyTime, canonical } = prepared;
  const computed = await engine.compute(secretKey, keyTime, keyTime, canonical.httpString);
  return {
    keyTime,
    signTime: keyTime,
    signKey: computed.signKey,
    httpString: canonical.httpString,
    sha1HttpString: computed.sha1HttpString,
    stringToSign: computed.stringToSign,
    headerList: canonical.headerList,
    urlParamList: canonical.urlParamList,
    signature: computed.signature,
    authorization: formatAuthorization({
      secretId,
      signTime: keyTime,
      keyTime,
      headerList: canonical.headerList,
      urlParamList: canonical.urlParamList,
      signature: computed.signature,
    }),
  };
}

/** `signRequest` for a given engine. */
export async function signRequestWith(engine: SignatureEngine, input: SignRequestInput): Promise<SignedRequest> {
  const prepared = prepareRequest(input, "header");
  const parts = await computeParts(engine, prepared);
  const headers: Record<string, string> = { authorization: parts.authorization };
  if (prepared.token) headers[prepared.token.name] = prepared.token.value;
  return { authorization: parts.authorization, headers, parts };
}

/** `presignUrl` for a given engine. */
export async function presignUrlWith(engine: SignatureEngine, input: SignRequestInput): Promise<PresignedUrl> {
  const prepared = prepareRequest(input, "query");
  const parts = await computeParts(engine, prepared);
  const { url } = prepared.url;
  const base = url.hash === "" ? url.href : url.href.slice(0, url.href.length - url.hash.length);
  const separator = base.endsWith("?") ? "" : url.search.length > 1 ? "&" : "?";
  let query =
    `q-sign-algorithm=sha1&q-ak=${uriEncode(prepared.secretId)}` +
    `&q-sign-time=${uriEncode(parts.signTime)}&q-key-time=${uriEncode(parts.keyTime)}` +
    `&q-header-list=${uriEncode(parts.headerList)}&q-url-param-list=${uriEncode(parts.urlParamList)}` +
    `&q-signature=${parts.signature}`;
  if (prepared.token) query += `&${prepared.token.name}=${uriEncode(prepared.token.value)}`;
  const end = Number(parts.keyTime.slice(parts.keyTime.indexOf(";") + 1));
  return { url: `${base}${separator}${query}`, expiresAt: end, parts };
}
