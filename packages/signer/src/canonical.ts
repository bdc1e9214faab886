import { uriEncode } from "./encode.js";
import { SignerError } from "./errors.js";

/** A name/value pair ready for HttpString: encoded lower-case name, encoded value. */
export type EncodedPair = readonly [listName: string, encodedValue: string];

/** The canonical request: HttpString and the two lists. */
export interface CanonicalRequest {
  readonly httpString: string;
  readonly headerList: string;
  readonly urlParamList: string;
}

const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Checks an HTTP method and lower-cases it. */
export function canonicalMethod(method: string): string {
  if (typeof method !== "string" || !METHOD.test(method)) {
    throw new SignerError("InvalidMethod", "method must be a non-empty HTTP method token such as GET, PUT or POST.");
  }
  return method.toLowerCase();
}

/** Encodes a pair for HttpString: `uriEncode(name).toLowerCase()`, `uriEncode(value)`. */
export function encodePair(name: string, value: string): EncodedPair {
  return [uriEncode(name).toLowerCase(), uriEncode(value)];
}

function byName(a: EncodedPair, b: EncodedPair): number {
  // Encoded names are ASCII, so UTF-16 order is byte order.
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function join(pairs: EncodedPair[]): { list: string; string: string } {
  if (pairs.length === 0) return { list: "", string: "" };
  if (pairs.length === 1) {
    const [name, value] = pairs[0] as EncodedPair;
    return { list: name, string: `${name}=${value}` };
  }
  pairs.sort(byName);
  let list = "";
  let string = "";
  for (let i = 0; i < pairs.length; i++) {
    const [name, value] = pairs[i] as EncodedPair;
    if (i > 0) {
      list += ";";
      string += "&";
    }
    list += name;
    string += `${name}=${value}`;
  }
  return { list, string };
}

/**
 * Builds HttpString (`<method>\n<path>\n<HttpParameters>\n<HttpHeaders>\n`) and the two lists, sorting
 * both by encoded lower-case name (one order for the list and the string). Sorts the arrays in place.
 */
export function buildCanonical(
  method: string,
  pathname: string,
  params: EncodedPair[],
  headers: EncodedPair[],
): CanonicalRequest {
  const p = join(params);
  const h = join(headers);
  return {
    httpString: `${method}\n${pathname}\n${p.string}\n${h.string}\n`,
    headerList: h.list,
    urlParamList: p.list,
  };
}
