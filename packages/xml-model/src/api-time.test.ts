import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatApiTime, parseApiTime } from "./api-time.js";

describe("API times", () => {
  it("parses the API's forms", () => {
    const cases: [string, string][] = [
      ["2022-06-27T15:23:10+0800", "2022-06-27T07:23:10.000Z"],
      ["2022-06-27T15:23:10+08:00", "2022-06-27T07:23:10.000Z"],
      ["2022-02-25T12:00:00z", "2022-02-25T12:00:00.000Z"],
      ["2022-02-25T12:00:00Z", "2022-02-25T12:00:00.000Z"],
      ["2022-02-25T12:00:00.5-0130", "2022-02-25T13:30:00.500Z"],
      ["2024-02-29T00:00:00+0000", "2024-02-29T00:00:00.000Z"],
      ["0050-01-01T00:00:00+0000", "0050-01-01T00:00:00.000Z"],
      ["0", "1970-01-01T00:00:00.000Z"],
    ];
    for (const [text, iso] of cases) expect(parseApiTime(text)?.toISOString(), text).toBe(iso);
  });

  it("refuses anything else", () => {
    for (const text of [
      "-",
      "",
      "2022-06-27 15:23:10+0800",
      "2022-06-27T15:23:10",
      "2022-06-27T15:23:10 0800",
      "2023-02-29T00:00:00+0800",
      "2022-13-01T00:00:00+0800",
      "2022-04-31T00:00:00+0800",
      "2022-06-27T24:00:00+0800",
      "2022-06-27T15:60:00+0800",
      "2022-06-27T15:23:10+2400",
      "2022-06-27T15:23:10+08:60",
      "2022-06-27T15:23:1a+0800",
      "2022-06-27T15:23:10*0800",
      "2022/06/27T15:23:10+0800",
    ]) {
      expect(parseApiTime(text), text).toBeUndefined();
    }
  });

  it("formats with an offset, dropping milliseconds", () => {
    expect(formatApiTime(new Date("2022-06-27T07:23:10.999Z"))).toBe("2022-06-27T15:23:10+0800");
    expect(formatApiTime(new Date("2022-06-27T07:23:10Z"), -90)).toBe("2022-06-27T05:53:10-0130");
    expect(formatApiTime(new Date(Number.NaN))).toBeUndefined();
    expect(formatApiTime(new Date(0), 1.5)).toBeUndefined();
    expect(formatApiTime(new Date("+010000-01-01T00:00:00Z"))).toBeUndefined();
  });

  it("round-trips whole seconds at any offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -62_000_000_000, max: 253_000_000_000 }),
        fc.integer({ min: -1439, max: 1439 }),
        (seconds, offset) => {
          const date = new Date(seconds * 1000);
          const text = formatApiTime(date, offset);
          if (text === undefined) return;
          expect(parseApiTime(text)?.getTime()).toBe(date.getTime());
        },
      ),
      { numRuns: 2000, seed: 3 },
    );
  });
});
