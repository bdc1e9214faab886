import { describe, expect, it } from "vitest";
import { describeValue } from "./describe-value.js";

describe("describeValue", () => {
  const rows: ReadonlyArray<readonly [unknown, string]> = [
    ["ap beijing", '"ap beijing"'],
    ["a\nb", '"a\\nb"'],
    [-1, "-1"],
    [Number.NaN, "NaN"],
    [true, "true"],
    [10n, "10"],
    [null, "null"],
    [undefined, "undefined"],
    [[1], "an array"],
    [{}, "a object"],
    [() => 1, "a function"],
  ];
  it.each(rows)("%s → %s", (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it("cuts long strings to 64 characters", () => {
    expect(describeValue("x".repeat(100))).toBe(JSON.stringify(`${"x".repeat(63)}…`));
  });
});
