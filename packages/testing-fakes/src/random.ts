/**
 * A source of uniform numbers in `[0, 1)`, like `Math.random`.
 *
 * @example
 * ```ts
 * import type { RandomSource } from "@cibatch/testing-fakes";
 * const alwaysHalf: RandomSource = () => 0.5;
 * ```
 */
export type RandomSource = () => number;

/** 32-bit FNV-1a of a string, used to turn any seed into a number. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A deterministic generator: the same seed gives the same sequence on every run and platform
 * (a 32-bit "splitmix"-style mixer; good enough for ids and fault dice, not for cryptography).
 *
 * @param seed - any number or string
 * @example
 * ```ts
 * import { seededRandom } from "@cibatch/testing-fakes";
 * const a = seededRandom(42);
 * const b = seededRandom(42);
 * a() === b(); // true
 * ```
 */
export function seededRandom(seed: number | string): RandomSource {
  let state = hashSeed(String(seed));
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    return z / 0x1_0000_0000;
  };
}

/**
 * `length` lowercase hex digits drawn from `random`.
 *
 * @example
 * ```ts
 * import { randomHex, seededRandom } from "@cibatch/testing-fakes";
 * randomHex(seededRandom(1), 8).length; // 8
 * ```
 */
export function randomHex(random: RandomSource, length: number): string {
  let out = "";
  while (out.length < length) {
    const word = Math.floor(random() * 0x1_0000_0000) >>> 0;
    out += word.toString(16).padStart(8, "0");
  }
  return out.length === length ? out : out.slice(0, length);
}
