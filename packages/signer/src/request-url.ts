import { uriEncode } from "./encode.js";
import { SignerError } from "./errors.js";

/** One query parameter: decoded name and value, and the name as it appears in `q-url-param-list`. */
export interface QueryParam {
  readonly name: string;
  readonly value: string;
  /** `uriEncode(name).toLowerCase()`. */
  readonly listName: string;
}

/** The parts of a request URL that the signature covers. */
export interface RequestUrl {
  readonly url: URL;
  /** `host[:port]` as the Host header will carry it. */
  readonly host: string;
  /** Decoded path, exactly as signed. */
  readonly pathname: string;
  /** Decoded query parameters in wire order. */
  readonly params: readonly QueryParam[];
}

/** Parses an absolute URL; rejects relative ones with a message that says so. */
export function toUrl(input: string | URL): URL {
  if (input instanceof URL) return input;
  if (typeof input !== "string") {
    throw new SignerError("InvalidUrl", "url must be an absolute URL string or a URL object.");
  }
  try {
    return new URL(input);
  } catch {
    // The URL parser's error carries the input, which may hold a token: keep it out of the chain.
    throw new SignerError(
      "InvalidUrl",
      "url must be absolute, with scheme and host (https://<bucket>.ci.<region>.myqcloud.com/<path>); got a relative or unparsable URL.",
    );
  }
}

function decode(text: string, what: "path" | "query"): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch (cause) {
    throw new SignerError(
      what === "path" ? "InvalidUrl" : "InvalidQuery",
      `The URL ${what} contains a malformed percent-escape (a "%" not followed by two hex digits of valid UTF-8); encode a literal "%" as %25.`,
      { cause },
    );
  }
}

/**
 * Splits a raw query (without `?`) into decoded parameters. A value-less parameter has value `""`.
 * `rawPlus: "reject"` refuses a raw `+` (ambiguous: RFC 3986 reads a plus, form decoding a space);
 * `"literal"` reads it as a plus.
 */
export function parseQuery(search: string, rawPlus: "reject" | "literal"): QueryParam[] {
  const params: QueryParam[] = [];
  if (search === "") return params;
  for (const segment of search.split("&")) {
    if (segment === "") continue;
    if (rawPlus === "reject" && segment.includes("+")) {
      throw new SignerError(
        "InvalidQuery",
        'The URL query contains a raw "+", which servers may read as a space; send a plus as %2B and a space as %20 (formatQuery does this).',
      );
    }
    const eq = segment.indexOf("=");
    const name = decode(eq === -1 ? segment : segment.slice(0, eq), "query");
    const value = eq === -1 ? "" : decode(segment.slice(eq + 1), "query");
    params.push({ name, value, listName: uriEncode(name).toLowerCase() });
  }
  return params;
}

/** Parses the parts of a request URL that are signed. */
export function parseRequestUrl(input: string | URL, rawPlus: "reject" | "literal"): RequestUrl {
  const url = toUrl(input);
  if (url.host === "") {
    throw new SignerError("InvalidUrl", "url has no host; pass an absolute http(s) URL.");
  }
  const search = url.search;
  return {
    url,
    host: url.host,
    pathname: decode(url.pathname, "path"),
    params: parseQuery(search.length > 1 ? search.slice(1) : "", rawPlus),
  };
}
