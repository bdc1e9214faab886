import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One entry of `test-vectors/signature-vectors.json` (its `schema` object describes the fields). */
export interface SignatureVector {
  readonly name: string;
  readonly source: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly keyTime: string;
  readonly method: string;
  readonly pathname: string;
  readonly wirePath?: string;
  readonly wireQuery?: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly signedHeaders: readonly string[] | null;
  readonly signedParams: readonly string[] | null;
  readonly expected: {
    readonly signKey: string;
    readonly httpString: string;
    readonly sha1HttpString: string;
    readonly stringToSign: string;
    readonly headerList: string;
    readonly urlParamList: string;
    readonly signature: string;
    readonly authorization: string;
  };
  readonly note?: string;
}

/** The package's vector file; `test-vectors/README.md` names where each vector comes from. */
export const VECTORS_PATH: string = fileURLToPath(new URL("../test-vectors/signature-vectors.json", import.meta.url));

function load(): readonly SignatureVector[] {
  const file = JSON.parse(readFileSync(VECTORS_PATH, "utf8")) as { vectors?: SignatureVector[] };
  if (!Array.isArray(file.vectors) || file.vectors.length === 0) {
    throw new Error(`${VECTORS_PATH} has no "vectors" array.`);
  }
  return file.vectors;
}

/** Every vector of the file, in file order. */
export const vectors: readonly SignatureVector[] = load();

/** The `Host` header of a vector (every vector has one). */
export function vectorHost(vector: SignatureVector): string {
  const entry = Object.entries(vector.headers).find(([name]) => name.toLowerCase() === "host");
  if (!entry) throw new Error(`vector ${vector.name} has no Host header`);
  return entry[1];
}
