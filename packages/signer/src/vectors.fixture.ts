import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One entry of `shared/spec/signature-vectors.json` (see signing.md §9.1). */
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

/**
 * `<repo root>/../shared/spec/signature-vectors.json`: CI clones the repository next to a copy of
 * `shared/`, so the file is found relative to this source file, never retyped.
 */
export const VECTORS_PATH: string = fileURLToPath(
  new URL("../../../../shared/spec/signature-vectors.json", import.meta.url),
);

function load(): readonly SignatureVector[] {
  if (!existsSync(VECTORS_PATH)) {
    throw new Error(
      `Signature vectors not found at ${VECTORS_PATH}. The signer's tests read them from <repo root>/../shared/spec/signature-vectors.json; put a copy of the shared/ folder beside the repository.`,
    );
  }
  const file = JSON.parse(readFileSync(VECTORS_PATH, "utf8")) as { vectors?: SignatureVector[] };
  if (!Array.isArray(file.vectors) || file.vectors.length === 0) {
    throw new Error(`${VECTORS_PATH} has no "vectors" array.`);
  }
  return file.vectors;
}

/** Every vector of the shared file, in file order. */
export const vectors: readonly SignatureVector[] = load();

/** The `Host` header of a vector (every vector has one). */
export function vectorHost(vector: SignatureVector): string {
  const entry = Object.entries(vector.headers).find(([name]) => name.toLowerCase() === "host");
  if (!entry) throw new Error(`vector ${vector.name} has no Host header`);
  return entry[1];
}
