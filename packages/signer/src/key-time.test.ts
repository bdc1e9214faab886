import { describe, expect, it } from "vitest";
import { SignerError } from "./errors.js";
import { formatKeyTime, nowSeconds, parseKeyTime, resolveKeyTime } from "./key-time.js";

describe("parseKeyTime / formatKeyTime", () => {
  it("round-trips integer seconds", () => {
    expect(parseKeyTime("1497530202;1497610202")).toEqual({ start: 1497530202, end: 1497610202 });
    expect(formatKeyTime({ start: 0, end: 0 })).toBe("0;0");
  });

  it.each([
    ["1497530202", /"<start>;<end>"/],
    ["1.5;2", /integer Unix seconds/],
    ["-1;2", /integer Unix seconds/],
    ["01;2", /integer Unix seconds/],
    ["1;2;3", /integer Unix seconds/],
    ["10;9", /ends \(9\) before it starts \(10\)/],
    ["1700000000000;1700000900000", /look like milliseconds/],
  ])("rejects %j", (value, message) => {
    expect(() => parseKeyTime(value)).toThrow(message);
    try {
      parseKeyTime(value);
    } catch (error) {
      expect(error).toBeInstanceOf(SignerError);
      expect((error as SignerError).code).toBe("InvalidKeyTime");
    }
  });
});

describe("resolveKeyTime", () => {
  it("defaults to now − 60 s … now + 900 s, in whole seconds", () => {
    expect(resolveKeyTime({ now: 1_700_000_000_999 })).toBe("1699999940;1700000900");
    expect(resolveKeyTime({ now: new Date(1_700_000_000_000) })).toBe("1699999940;1700000900");
  });

  it("honours expiresIn and backdate, clamping the start at 0", () => {
    expect(resolveKeyTime({ now: 1_000_000, expiresIn: 5, backdate: 0 })).toBe("1000;1005");
    expect(resolveKeyTime({ now: 30_000 })).toBe("0;930");
  });

  it("reads the system clock when now is omitted", () => {
    const before = Math.floor(Date.now() / 1000);
    const [start, end] = resolveKeyTime({}).split(";").map(Number) as [number, number];
    const after = Math.floor(Date.now() / 1000);
    expect(start).toBeGreaterThanOrEqual(before - 60);
    expect(end).toBeLessThanOrEqual(after + 900);
    expect(end - start).toBe(960);
  });

  it("uses an explicit keyTime verbatim (string or range) and ignores now", () => {
    expect(resolveKeyTime({ keyTime: "1;2", now: 9e12 })).toBe("1;2");
    expect(resolveKeyTime({ keyTime: { start: 3, end: 4 } })).toBe("3;4");
  });

  it.each([
    [{ keyTime: { start: 1.5, end: 2 } }, "InvalidKeyTime"],
    [{ keyTime: { start: 5, end: 4 } }, "InvalidKeyTime"],
    [{ keyTime: 5 as unknown as string }, "InvalidKeyTime"],
    [{ keyTime: null as unknown as string }, "InvalidKeyTime"],
    [{ expiresIn: -1 }, "InvalidOption"],
    [{ expiresIn: 1.5 }, "InvalidOption"],
    [{ backdate: Number.NaN }, "InvalidOption"],
    [{ now: Number.NaN }, "InvalidOption"],
    [{ now: new Date("invalid") }, "InvalidOption"],
    [{ now: -1 }, "InvalidOption"],
  ])("rejects %j with %s", (options, code) => {
    expect(() => resolveKeyTime(options)).toThrow(expect.objectContaining({ code }));
  });

  it("names the option in nowSeconds errors", () => {
    expect(() => nowSeconds(Number.POSITIVE_INFINITY, "options.now")).toThrow(/options\.now must be/);
  });
});
