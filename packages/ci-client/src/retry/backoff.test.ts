import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullJitterBackoff } from "./backoff.js";

describe("fullJitterBackoff", () => {
  // floor(random × min(base × 2^(retry−1), cap)), reliability §1.
  const rows: ReadonlyArray<readonly [retry: number, base: number, random: number, expected: number]> = [
    [1, 100, 0.5, 50],
    [2, 100, 0.5, 100],
    [3, 100, 0.5, 200],
    [1, 500, 0.5, 250],
    [4, 500, 0.5, 2000],
    [8, 500, 0.5, 10_000], // 500 × 128 = 64 000 → capped at 20 000
    [1, 100, 0, 0],
    [3, 100, 0.999, 399],
  ];
  it.each(rows)("retry %i, base %i, random %d → %i ms", (retry, base, random, expected) => {
    expect(fullJitterBackoff(retry, base, () => random)).toBe(expected);
  });

  it("clamps a random source that misbehaves", () => {
    expect(fullJitterBackoff(1, 100, () => -3)).toBe(0);
    expect(fullJitterBackoff(1, 100, () => Number.NaN)).toBe(0);
    expect(fullJitterBackoff(1, 100, () => 1)).toBe(99);
    expect(fullJitterBackoff(1, 100, () => 7)).toBe(99);
  });

  it("honours a custom cap", () => {
    expect(fullJitterBackoff(10, 100, () => 0.5, 1000)).toBe(500);
  });

  it("property: a whole number in [0, min(base × 2^(retry−1), 20 s)) for any retry, base and random value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom(100, 500),
        fc.double({ noNaN: false }),
        (retry, base, random) => {
          const delay = fullJitterBackoff(retry, base, () => random);
          const ceiling = Math.min(base * 2 ** (retry - 1), 20_000);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });

  it("property: monotone in the random value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(fullJitterBackoff(retry, 100, () => low)).toBeLessThanOrEqual(
            fullJitterBackoff(retry, 100, () => high),
          );
        },
      ),
    );
  });
});
