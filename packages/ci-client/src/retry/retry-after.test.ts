import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyRetryAfter, parseRetryAfter } from "./retry-after.js";

const NOW = Date.parse("2026-01-01T00:00:00Z");

describe("parseRetryAfter", () => {
  const rows: ReadonlyArray<readonly [string, string | null | undefined, number | undefined]> = [
    ["delay-seconds", "5", 5000],
    ["zero", "0", 0],
    ["padded", " 12 ", 12_000],
    ["fractional seconds", "1.5", 1500],
    ["IMF-fixdate 7 s ahead", "Thu, 01 Jan 2026 00:00:07 GMT", 7000],
    ["RFC 850 date 3 s ahead", "Thursday, 01-Jan-26 00:00:03 GMT", 3000],
    ["a date in the past", "Wed, 31 Dec 2025 23:59:00 GMT", 0],
    ["absent (undefined)", undefined, undefined],
    ["absent (null)", null, undefined],
    ["negative", "-5", undefined],
    ["garbage", "soon", undefined],
    ["empty", "", undefined],
    ["a bare number with a unit", "5s", undefined],
  ];
  it.each(rows)("%s: %j → %j", (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it("property: seconds and the equivalent HTTP date give the same delay", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), NOW)).toBe(seconds * 1000);
        expect(parseRetryAfter(new Date(NOW + seconds * 1000).toUTCString(), NOW)).toBe(seconds * 1000);
      }),
    );
  });
});

describe("applyRetryAfter", () => {
  it("keeps the computed delay without a Retry-After", () => {
    expect(applyRetryAfter(120, undefined)).toEqual({ stop: false, delayMs: 120 });
  });

  const rows: ReadonlyArray<
    readonly [computed: number, retryAfter: number, expected: ReturnType<typeof applyRetryAfter>]
  > = [
    [100, 3000, { stop: false, delayMs: 3000 }],
    [100, 50, { stop: false, delayMs: 100 }],
    [100, 9000, { stop: false, delayMs: 5100 }],
    [100, 20_000, { stop: false, delayMs: 5100 }],
    [100, 20_001, { stop: true, requestedMs: 20_001 }],
    [0, 0, { stop: false, delayMs: 0 }],
  ];
  it.each(rows)("computed %i, Retry-After %i ms", (computed, retryAfter, expected) => {
    expect(applyRetryAfter(computed, retryAfter)).toEqual(expected);
  });

  it("property: stops above 20 s, otherwise stays within [computed, computed + 5 s] and honours values in range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 19_999 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (computed, retryAfter) => {
          const result = applyRetryAfter(computed, retryAfter);
          if (retryAfter > 20_000) {
            expect(result).toEqual({ stop: true, requestedMs: retryAfter });
            return;
          }
          expect(result.stop).toBe(false);
          if (result.stop) return;
          expect(result.delayMs).toBeGreaterThanOrEqual(computed);
          expect(result.delayMs).toBeLessThanOrEqual(computed + 5000);
          if (retryAfter >= computed && retryAfter <= computed + 5000) expect(result.delayMs).toBe(retryAfter);
        },
      ),
    );
  });
});
