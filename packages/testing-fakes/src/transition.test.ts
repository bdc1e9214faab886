import { describe, expect, it } from "vitest";
import { formatTransition, normalizeTransition, parseTransition } from "./transition.js";

describe("transition modes", () => {
  it.each(["immediate", "manual", "afterMs:250", "afterDescribes:2", "afterDescribes:0"])(
    "parses and formats %s",
    (text) => {
      expect(formatTransition(parseTransition(text))).toBe(text);
    },
  );

  it.each(["later", "afterMs", "afterMs:-1", "afterDescribes:1.5", "manual:3", ""])("refuses %j", (text) => {
    expect(() => parseTransition(text)).toThrow(/transition/);
  });

  it("normalizes objects and drops unknown fields", () => {
    expect(normalizeTransition({ mode: "afterMs", ms: 5, extra: 1 })).toEqual({ mode: "afterMs", ms: 5 });
    expect(() => normalizeTransition(null)).toThrow(/unknown transition/);
  });
});
