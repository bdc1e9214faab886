import { describe, expect, it } from "vitest";
import { isValidationError } from "../errors/validation-error.js";
import { normalizeMaxAttempts } from "./retry-options.js";

describe("normalizeMaxAttempts", () => {
  it("defaults to 3 and accepts whole numbers from 1", () => {
    expect(normalizeMaxAttempts(undefined)).toBe(3);
    expect(normalizeMaxAttempts(1)).toBe(1);
    expect(normalizeMaxAttempts(10)).toBe(10);
  });

  it.each([0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, "3", null])("rejects %j", (value) => {
    try {
      normalizeMaxAttempts(value, "retry.maxAttempts");
      expect.unreachable();
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      if (isValidationError(error)) {
        expect(error.problems[0]?.path).toBe("retry.maxAttempts");
        expect(error.problems[0]?.message).toMatch(/whole number of at least 1/);
      }
    }
  });
});
