import { describe, expect, it } from "vitest";
import { formatCiTime, formatHttpDate, parseCiTime, parseTzOffset } from "./time-format.js";

describe("CI times", () => {
  it("formats like the samples, in any offset, dropping milliseconds", () => {
    expect(formatCiTime(Date.UTC(2022, 5, 27, 7, 23, 10, 999))).toBe("2022-06-27T15:23:10+0800");
    expect(formatCiTime(Date.UTC(2022, 0, 1, 2, 0, 0), "-0530")).toBe("2021-12-31T20:30:00-0530");
    expect(formatCiTime(0, "+00:00")).toBe("1970-01-01T00:00:00+0000");
  });

  it("parses +0800, +08:00, Z and z; refuses anything else", () => {
    const at = Date.UTC(2022, 5, 27, 7, 23, 10);
    expect(parseCiTime("2022-06-27T15:23:10+0800")).toBe(at);
    expect(parseCiTime("2022-06-27T15:23:10+08:00")).toBe(at);
    expect(parseCiTime("2022-06-27T07:23:10Z")).toBe(at);
    expect(parseCiTime("2022-06-27T07:23:10z")).toBe(at);
    for (const bad of [
      "2022-06-27",
      "2022-13-01T00:00:00Z",
      "2022-06-27T24:00:00Z",
      "-",
      "2022-06-27T15:23:10+0800x",
    ]) {
      expect(parseCiTime(bad)).toBeUndefined();
    }
  });

  it("checks offsets", () => {
    expect(parseTzOffset("-0330")).toBe(-210);
    expect(() => parseTzOffset("0800")).toThrow(/\+0800/);
    expect(() => parseTzOffset("+1900")).toThrow(/18:00/);
  });

  it("writes RFC 1123 Date headers", () => {
    expect(formatHttpDate(Date.UTC(2024, 0, 15, 4, 0, 0))).toBe("Mon, 15 Jan 2024 04:00:00 GMT");
  });
});
