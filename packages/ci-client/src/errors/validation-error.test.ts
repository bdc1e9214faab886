import { describe, expect, it } from "vitest";
import { CiError } from "./ci-error.js";
import { isValidationError, ValidationError } from "./validation-error.js";

describe("ValidationError", () => {
  it("lists every problem with its path and says nothing was sent", () => {
    const error = new ValidationError({
      problems: [
        { path: "bucket", message: "must end with -<APPID>" },
        { path: "jobIds[1]", message: "must not contain '/'" },
      ],
    });
    expect(error).toBeInstanceOf(CiError);
    expect(error.name).toBe("ValidationError");
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(
      "Invalid input; nothing was sent.\n  - bucket: must end with -<APPID>\n  - jobIds[1]: must not contain '/'\nFix these values and try again.",
    );
    expect(error.problems).toEqual([
      { path: "bucket", message: "must end with -<APPID>" },
      { path: "jobIds[1]", message: "must not contain '/'" },
    ]);
    expect(Object.isFrozen(error.problems)).toBe(true);
  });

  it("copies the problems, keeps the cause, and copes with an empty list", () => {
    const problems = [{ path: "region", message: "is required" }];
    const cause = new Error("x");
    const error = new ValidationError({ problems, cause });
    problems.push({ path: "later", message: "added" });
    expect(error.problems).toHaveLength(1);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("Fix this value");
    expect(new ValidationError({ problems: [] }).message).toContain("(no details)");
  });

  it("is recognised by its guard only", () => {
    expect(isValidationError(new ValidationError({ problems: [] }))).toBe(true);
    expect(isValidationError(new CiError("x", { code: "INVALID_INPUT" }))).toBe(false);
  });
});
