import { createHmac, hash, timingSafeEqual } from "node:crypto";
import { type ComputedSignature, formatStringToSign, type SignatureEngine } from "./engine.js";
import { createSignKeyCache } from "./sign-key-cache.js";

/**
 * A cached SignKey. From its second use on, it carries its HMAC pads (RFC 2104):
 * HMAC(K, m) = SHA1(K⊕opad ‖ SHA1(K⊕ipad ‖ m)). K is the 40-character hex text of the SignKey, so
 * both pads are ASCII and `ipad` can be a string.
 */
interface CachedSignKey {
  readonly hex: string;
  /** K⊕ipad as a 64-character ASCII string (second use on). */
  ipad?: string;
  /** K⊕opad (64 bytes) followed by room for the 20-byte inner digest (second use on). */
  outer?: Buffer;
}

const BLOCK = 64;
const cache = createSignKeyCache<CachedSignKey>();

function addPads(key: CachedSignKey): { ipad: string; outer: Buffer } {
  let ipad = "";
  const outer = Buffer.allocUnsafe(BLOCK + 20);
  for (let i = 0; i < BLOCK; i++) {
    const byte = i < key.hex.length ? key.hex.charCodeAt(i) : 0;
    ipad += String.fromCharCode(byte ^ 0x36);
    outer[i] = byte ^ 0x5c;
  }
  key.ipad = ipad;
  key.outer = outer;
  return { ipad, outer };
}

function hmacHex(key: string, data: string): string {
  return createHmac("sha1", key).update(data, "utf8").digest("hex");
}

/**
 * The node:crypto engine. Synchronous underneath (one microtask per call). A cache miss costs what
 * the bare algorithm costs (two HMACs, one SHA1); a repeated (SecretKey, KeyTime) skips the SignKey
 * HMAC and computes the signature HMAC with two one-shot `crypto.hash` calls over the cached pads.
 *
 * The package's `#engine` import resolves here under the `node` condition.
 */
export const engine: SignatureEngine = Object.freeze({
  runtime: "node" as const,
  compute(secretKey: string, keyTime: string, signTime: string, httpString: string): ComputedSignature {
    const sha1HttpString = hash("sha1", httpString, "hex");
    const stringToSign = formatStringToSign(signTime, sha1HttpString);
    const key = cache.get(secretKey, keyTime);
    if (key === undefined) {
      const hex = hmacHex(secretKey, keyTime);
      cache.set(secretKey, keyTime, { hex });
      return { signKey: hex, sha1HttpString, stringToSign, signature: hmacHex(hex, stringToSign) };
    }
    let { ipad, outer } = key;
    if (ipad === undefined || outer === undefined) ({ ipad, outer } = addPads(key));
    // Hex output then Buffer#write is measurably faster than `hash(..., "buffer")` on Node 20.
    // The engine is synchronous, so the scratch area of `outer` is never used concurrently.
    outer.write(hash("sha1", ipad + stringToSign, "hex"), BLOCK, "hex");
    return { signKey: key.hex, sha1HttpString, stringToSign, signature: hash("sha1", outer, "hex") };
  },
  equal(a: string, b: string): boolean {
    const left = Buffer.from(a, "utf8");
    const right = Buffer.from(b, "utf8");
    return left.length === right.length && timingSafeEqual(left, right);
  },
});
