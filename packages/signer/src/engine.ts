/** The crypto results of one signature. */
export interface ComputedSignature {
  readonly signKey: string;
  readonly sha1HttpString: string;
  readonly stringToSign: string;
  readonly signature: string;
}

/**
 * The runtime-specific half of the signer: HMAC-SHA1 and SHA1 through node:crypto or Web Crypto,
 * with a bounded SignKey cache, and a constant-time string comparison.
 */
export interface SignatureEngine {
  /** Which implementation this is. */
  readonly runtime: "node" | "web";
  /**
   * SignKey = HMAC-SHA1(secretKey, keyTime) (cached), SHA1(httpString),
   * StringToSign = `sha1\n<signTime>\n<sha1>\n`, Signature = HMAC-SHA1(SignKey hex text, StringToSign).
   */
  compute(
    secretKey: string,
    keyTime: string,
    signTime: string,
    httpString: string,
  ): ComputedSignature | Promise<ComputedSignature>;
  /** Compares two strings in time independent of where they differ. */
  equal(a: string, b: string): boolean;
}

/** `sha1\n<signTime>\n<sha1HttpString>\n`. */
export function formatStringToSign(signTime: string, sha1HttpString: string): string {
  return `sha1\n${signTime}\n${sha1HttpString}\n`;
}
