import { describe, expect, it } from "vitest";
import { isValidationError } from "../errors/validation-error.js";
import { DEFAULT_TIMEOUTS, normalizeTimeouts, type TimeoutOptions } from "./timeouts.js";

function problemsOf(options: TimeoutOptions): Array<{ path: string; message: string }> {
  try {
    normalizeTimeouts(options);
  } catch (error) {
    if (isValidationError(error)) return [...error.problems];
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("normalizeTimeouts (reliability §3)", () => {
  it("defaults to connect 5 s, attempt 30 s, total 120 s", () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ connectTimeoutMs: 5000, attemptTimeoutMs: 30_000, deadlineMs: 120_000 });
    expect(normalizeTimeouts()).toEqual({ connectMs: 5000, attemptMs: 30_000, totalMs: 120_000 });
    expect(normalizeTimeouts({ connectTimeoutMs: undefined })).toEqual({
      connectMs: 5000,
      attemptMs: 30_000,
      totalMs: 120_000,
    });
  });

  it("takes given values and disables a timeout explicitly with 0", () => {
    expect(normalizeTimeouts({ connectTimeoutMs: 0, attemptTimeoutMs: 1500, deadlineMs: 0 })).toEqual({
      connectMs: null,
      attemptMs: 1500,
      totalMs: null,
    });
    expect(normalizeTimeouts({ attemptTimeoutMs: 2_147_483_647 }).attemptMs).toBe(2_147_483_647);
  });

  const invalid: ReadonlyArray<readonly [string, TimeoutOptions, RegExp]> = [
    ["negative", { connectTimeoutMs: -1 }, /must not be negative/],
    ["NaN", { attemptTimeoutMs: Number.NaN }, /must be a number/],
    ["Infinity", { deadlineMs: Number.POSITIVE_INFINITY }, /at most 2147483647/],
    ["above the timer limit", { deadlineMs: 2_147_483_648 }, /use 0 to disable/],
    ["a string", { connectTimeoutMs: "5000" as unknown as number }, /must be a number.*"5000"/],
  ];
  it.each(invalid)("rejects %s with a ValidationError naming the option", (_name, options, message) => {
    const problems = problemsOf(options);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(`timeouts.${Object.keys(options)[0]}`);
    expect(problems[0]?.message).toMatch(message);
  });

  it("reports every invalid timeout at once", () => {
    expect(
      problemsOf({ connectTimeoutMs: -1, attemptTimeoutMs: Number.NaN, deadlineMs: -5 }).map((p) => p.path),
    ).toEqual(["timeouts.connectTimeoutMs", "timeouts.attemptTimeoutMs", "timeouts.deadlineMs"]);
  });

  it("returns a frozen object", () => {
    expect(Object.isFrozen(normalizeTimeouts())).toBe(true);
  });
});
