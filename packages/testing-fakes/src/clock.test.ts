import { describe, expect, it } from "vitest";
import { DEFAULT_MANUAL_START, manualClock, realClock } from "./clock.js";

describe("manualClock", () => {
  it("starts at the service documentation's Date header and only moves when told", () => {
    const clock = manualClock();
    expect(new Date(clock.now()).toUTCString()).toBe("Tue, 28 Jun 2022 15:23:12 GMT");
    expect(clock.now()).toBe(DEFAULT_MANUAL_START);
    clock.advance(1500);
    clock.set(Date.UTC(2030, 0, 1));
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
    expect(manualClock(new Date(5)).now()).toBe(5);
  });

  it("wakes sleepers when time passes their deadline, not before", async () => {
    const clock = manualClock(0);
    const woke: number[] = [];
    const a = clock.sleep(100).then(() => woke.push(100));
    const b = clock.sleep(300).then(() => woke.push(300));
    clock.advance(99);
    await Promise.resolve();
    expect(woke).toEqual([]);
    clock.advance(1);
    await a;
    expect(woke).toEqual([100]);
    clock.set(1000);
    await b;
    expect(woke).toEqual([100, 300]);
    await clock.sleep(0);
  });

  it("rejects sleepers on abort", async () => {
    const clock = manualClock(0);
    const controller = new AbortController();
    const pending = clock.sleep(100, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    await expect(clock.sleep(1, controller.signal)).rejects.toThrow("stop");
  });

  it("refuses going backwards and non-finite values", () => {
    const clock = manualClock(0);
    expect(() => clock.advance(-1)).toThrow(/only moves forward/);
    expect(() => clock.set(Number.NaN)).toThrow(/finite/);
    expect(() => manualClock(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe("realClock", () => {
  it("follows its source plus an offset that advance and set change", () => {
    let source = 1000;
    const clock = realClock(() => source);
    expect(clock.now()).toBe(1000);
    clock.advance(500);
    source = 2000;
    expect(clock.now()).toBe(2500);
    clock.set(10_000);
    expect(clock.now()).toBe(10_000);
    expect(() => clock.advance(-5)).toThrow(/forward/);
    expect(() => clock.set(Number.NaN)).toThrow(/finite/);
  });

  it("sleeps on real timers and honours abort", async () => {
    const clock = realClock();
    const start = Date.now();
    await clock.sleep(15);
    expect(Date.now() - start).toBeGreaterThanOrEqual(10);
    const controller = new AbortController();
    const pending = clock.sleep(10_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await expect(clock.sleep(1, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
  });
});
