import { describe, expect, it } from "vitest";
import { ClockSkew, parseHttpDate } from "./clock-skew.js";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const httpDate = (ms: number): string => new Date(ms).toUTCString();

function manualClock(start: number): { now: () => number; set: (ms: number) => void } {
  let now = start;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
  };
}

describe("parseHttpDate", () => {
  it("reads IMF-fixdate and rejects junk", () => {
    expect(parseHttpDate("Thu, 01 Jan 2026 00:00:00 GMT")).toBe(T0);
    expect(parseHttpDate("12345")).toBeUndefined();
    expect(parseHttpDate("Someday")).toBeUndefined();
    expect(parseHttpDate(null)).toBeUndefined();
    expect(parseHttpDate(undefined)).toBeUndefined();
  });
});

describe("ClockSkew", () => {
  it("starts at offset 0 and signs with the local clock", () => {
    const skew = new ClockSkew(manualClock(T0));
    expect(skew.offsetMs).toBe(0);
    expect(skew.signingTime()).toBe(T0);
  });

  const updates: ReadonlyArray<readonly [string, number, boolean, number]> = [
    ["server 29 s ahead: noise", 29_000, false, 0],
    ["server exactly 30 s ahead: corrected", 30_000, true, 30_000],
    ["server an hour ahead", 3_600_000, true, 3_600_000],
    ["server 30 s behind", -30_000, true, -30_000],
    ["server 29 s behind: noise", -29_000, false, 0],
  ];
  it.each(updates)("%s", (_name, serverAhead, changed, offset) => {
    const skew = new ClockSkew(manualClock(T0));
    expect(skew.update(httpDate(T0 + serverAhead))).toBe(changed);
    expect(skew.offsetMs).toBe(offset);
    expect(skew.signingTime()).toBe(T0 + offset);
  });

  it("compares with the corrected time, so a known offset is not re-learnt and small drift is ignored", () => {
    const clock = manualClock(T0);
    const changes: Array<[number, number]> = [];
    const skew = new ClockSkew(clock, (offset, previous) => changes.push([offset, previous]));
    skew.update(httpDate(T0 + 3_600_000));
    clock.set(T0 + 10_000);
    expect(skew.update(httpDate(T0 + 10_000 + 3_600_000 + 5_000))).toBe(false);
    expect(skew.offsetMs).toBe(3_600_000);
    // The server clock is then set right: the offset goes back to about 0.
    expect(skew.update(httpDate(T0 + 10_000))).toBe(true);
    expect(skew.offsetMs).toBe(0);
    expect(changes).toEqual([
      [3_600_000, 0],
      [0, 3_600_000],
    ]);
  });

  it("ignores responses without a readable Date", () => {
    const skew = new ClockSkew(manualClock(T0));
    expect(skew.update(undefined)).toBe(false);
    expect(skew.update("not a date")).toBe(false);
    expect(skew.offsetMs).toBe(0);
  });

  it("decides a skew retry by the attempt's own signing time, not by whether the shared offset changed", () => {
    const clock = manualClock(T0);
    const skew = new ClockSkew(clock);
    // Five concurrent requests are signed before any response arrives.
    const signedAt = [1, 2, 3, 4, 5].map(() => skew.signingTime());
    const serverDate = httpDate(T0 + 20 * 60_000);
    // The first error response corrects the offset ...
    expect(skew.update(serverDate)).toBe(true);
    // ... and every one of the five was still signed with the wrong time, so each is retried.
    for (const at of signedAt) expect(skew.wasSkewed(at, serverDate)).toBe(true);
    // A retry signed after the correction is not skewed: no second skew retry.
    expect(skew.wasSkewed(skew.signingTime(), serverDate)).toBe(false);
  });

  it("uses the 30 s threshold and needs a Date to call an attempt skewed", () => {
    const skew = new ClockSkew(manualClock(T0));
    expect(skew.wasSkewed(T0, httpDate(T0 + 29_000))).toBe(false);
    expect(skew.wasSkewed(T0, httpDate(T0 + 30_000))).toBe(true);
    expect(skew.wasSkewed(T0, httpDate(T0 - 30_000))).toBe(true);
    expect(skew.wasSkewed(T0, undefined)).toBe(false);
  });

  it("defaults to the real clock", () => {
    const skew = new ClockSkew({ now: () => Date.now() });
    const before = Date.now();
    const at = skew.signingTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});
