const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * Appends `_` and 8 lowercase base32 characters to a job name (reliability §2.3), keeping the
 * result within 128 characters, so reconciliation can tell this create from older jobs of the
 * same name. Only `_`, `a-z` and `2-7` are added: inside both documented charsets.
 *
 * @param name - The job name.
 * @param random - Random numbers in `[0, 1)`.
 * @returns The name with its nonce.
 *
 * @example
 * ```ts
 * import { withNameNonce } from "./name-nonce.js";
 *
 * withNameNonce("nightly", () => 0); // "nightly_aaaaaaaa"
 * ```
 * @internal
 */
export function withNameNonce(name: string, random: () => number): string {
  let nonce = "";
  for (let i = 0; i < 8; i++) {
    const r = random();
    const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
    nonce += ALPHABET[Math.floor(unit * ALPHABET.length)];
  }
  return `${name.slice(0, 128 - 9)}_${nonce}`;
}
