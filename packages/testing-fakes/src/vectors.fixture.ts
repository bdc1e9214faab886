import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface SignatureVector {
  readonly name: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly keyTime: string;
  readonly method: string;
  readonly pathname: string;
  readonly wirePath?: string;
  readonly wireQuery?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly expected: { readonly authorization: string; readonly signature: string };
}

/** The signer's vector file (its README names where each vector comes from). */
const VECTORS_FILE: string = fileURLToPath(
  new URL("../../signer/test-vectors/signature-vectors.json", import.meta.url),
);

/** Every vector of the signer's test-vectors/signature-vectors.json, read at test time (never retyped). */
export function loadVectors(): SignatureVector[] {
  const json = JSON.parse(readFileSync(VECTORS_FILE, "utf8")) as { vectors: SignatureVector[] };
  if (!Array.isArray(json.vectors) || json.vectors.length === 0)
    throw new Error("signature-vectors.json has no vectors");
  return json.vectors;
}
