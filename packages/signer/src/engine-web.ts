import { type ComputedSignature, formatStringToSign, type SignatureEngine } from "./engine.js";
import { SignerError } from "./errors.js";
import { createSignKeyCache } from "./sign-key-cache.js";

/** The part of Web Crypto's SubtleCrypto used here (declared locally: no DOM or Node types needed). */
export interface Subtle {
  importKey(
    format: "raw",
    keyData: Uint8Array,
    algorithm: { readonly name: string; readonly hash: string },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

interface CachedSignKey {
  readonly hex: string;
  readonly key: unknown;
}

const encoder = new TextEncoder();
const HMAC_SHA1 = { name: "HMAC", hash: "SHA-1" } as const;
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Where the engine finds SubtleCrypto (read on every use, so a late polyfill is seen). */
export type SubtleSource = () => Subtle | undefined;

const globalSubtle: SubtleSource = () => (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;

function required(source: SubtleSource): Subtle {
  const s = source();
  if (!s) {
    throw new SignerError(
      "CryptoUnavailable",
      "Web Crypto (globalThis.crypto.subtle) is not available here; it needs a secure context in browsers. In Node, import @cibatch/signer with the node condition.",
    );
  }
  return s;
}

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
  return out;
}

/**
 * Creates a Web Crypto engine reading SubtleCrypto from `source` (default: `globalThis.crypto.subtle`),
 * with its own bounded SignKey cache.
 */
export function createWebEngine(source: SubtleSource = globalSubtle): SignatureEngine {
  const cache = createSignKeyCache<CachedSignKey>();
  const importHmacKey = (text: string): Promise<unknown> =>
    required(source).importKey("raw", encoder.encode(text), HMAC_SHA1, false, ["sign"]);

  async function signKeyFor(secretKey: string, keyTime: string): Promise<CachedSignKey> {
    const cached = cache.get(secretKey, keyTime);
    if (cached) return cached;
    const secret = await importHmacKey(secretKey);
    const hex = toHex(await required(source).sign("HMAC", secret, encoder.encode(keyTime)));
    // SignKey is used as the HMAC key in its 40-character hex text form.
    const entry: CachedSignKey = { hex, key: await importHmacKey(hex) };
    cache.set(secretKey, keyTime, entry);
    return entry;
  }

  return Object.freeze({
    runtime: "web" as const,
    async compute(
      secretKey: string,
      keyTime: string,
      signTime: string,
      httpString: string,
    ): Promise<ComputedSignature> {
      const signKey = await signKeyFor(secretKey, keyTime);
      const subtle = required(source);
      const sha1HttpString = toHex(await subtle.digest("SHA-1", encoder.encode(httpString)));
      const stringToSign = formatStringToSign(signTime, sha1HttpString);
      const signature = toHex(await subtle.sign("HMAC", signKey.key, encoder.encode(stringToSign)));
      return { signKey: signKey.hex, sha1HttpString, stringToSign, signature };
    },
    equal(a: string, b: string): boolean {
      const left = encoder.encode(a);
      const right = encoder.encode(b);
      if (left.length !== right.length) return false;
      let diff = 0;
      for (let i = 0; i < left.length; i++) diff |= (left[i] as number) ^ (right[i] as number);
      return diff === 0;
    },
  });
}

/**
 * The Web Crypto engine (browsers, Deno, Bun, workers, and Node's globalThis.crypto). The package's `#engine`
 * import resolves here everywhere but under the `node` condition.
 */
export const engine: SignatureEngine = createWebEngine();
