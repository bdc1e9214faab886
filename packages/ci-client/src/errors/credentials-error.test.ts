import { describe, expect, it } from "vitest";
import { CiError, isCiError } from "./ci-error.js";
import { CredentialsError, isCredentialsError } from "./credentials-error.js";

describe("CredentialsError", () => {
  it("is a CiError with a literal name and the context fields it was given", () => {
    const cause = new Error("EACCES");
    const error = new CredentialsError("Could not read it.", {
      code: "FILE_UNREADABLE",
      source: "profile",
      file: "/home/me/.tencentcloud/credentials",
      profile: "prod",
      variable: "TENCENTCLOUD_PROFILE",
      cause,
    });
    expect(error).toBeInstanceOf(CiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CredentialsError");
    expect(error.code).toBe("FILE_UNREADABLE");
    expect(error.source).toBe("profile");
    expect(error.file).toBe("/home/me/.tencentcloud/credentials");
    expect(error.profile).toBe("prod");
    expect(error.variable).toBe("TENCENTCLOUD_PROFILE");
    expect(error.cause).toBe(cause);
    expect(String(error)).toBe("CredentialsError: Could not read it.");
  });

  it("defines no property for context it was not given", () => {
    const error = new CredentialsError("x", { code: "NO_CREDENTIALS" });
    for (const key of ["source", "file", "profile", "variable", "tried", "cause"]) {
      expect(Object.hasOwn(error, key), key).toBe(false);
    }
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "CredentialsError",
      code: "NO_CREDENTIALS",
      category: "auth",
    });
  });

  it("keeps a frozen copy of the tried list", () => {
    const tried = ["env: not set"];
    const error = new CredentialsError("x", { code: "NO_CREDENTIALS", tried });
    tried.push("later");
    expect(error.tried).toEqual(["env: not set"]);
    expect(Object.isFrozen(error.tried)).toBe(true);
  });
});

describe("isCredentialsError", () => {
  it("accepts only credentials errors", () => {
    expect(isCredentialsError(new CredentialsError("x", { code: "EXPIRED" }))).toBe(true);
    expect(isCredentialsError(new CiError("x", { code: "EXPIRED" }))).toBe(false);
    expect(isCredentialsError(Object.assign(new Error("x"), { name: "CredentialsError" }))).toBe(false);
    expect(isCiError(new CredentialsError("x", { code: "EXPIRED" }))).toBe(true);
  });
});
