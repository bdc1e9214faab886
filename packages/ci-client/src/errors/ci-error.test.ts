import { describe, expect, it } from "vitest";
import { CiError, isCiError } from "./ci-error.js";

describe("CiError", () => {
  it("is a real Error with a stack, a code and the standard cause", () => {
    const cause = new Error("root");
    const error = new CiError("It failed; do this.", { code: "SOMETHING", cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("CiError");
    expect(error.code).toBe("SOMETHING");
    expect(error.message).toBe("It failed; do this.");
    expect(error.cause).toBe(cause);
    expect(error.stack).toContain("CiError: It failed; do this.");
    expect(error.stack).toContain("ci-error.test.ts");
  });

  it("has no cause property when none is given", () => {
    expect(Object.hasOwn(new CiError("x", { code: "X" }), "cause")).toBe(false);
  });

  it("keeps an explicitly undefined cause", () => {
    const error = new CiError("x", { code: "X", cause: undefined });
    expect(Object.hasOwn(error, "cause")).toBe(true);
  });
});

describe("isCiError", () => {
  it("recognises CiError and rejects other values", () => {
    expect(isCiError(new CiError("x", { code: "X" }))).toBe(true);
    expect(isCiError(new Error("x"))).toBe(false);
    expect(isCiError({ name: "CiError", code: "X", message: "x" })).toBe(false);
    expect(isCiError(null)).toBe(false);
    expect(isCiError(undefined)).toBe(false);
    expect(isCiError("CiError")).toBe(false);
  });

  it("recognises errors from another copy of the module, where instanceof fails", async () => {
    // The query string makes the module loader evaluate a second, independent copy of the module.
    const specifier = "./ci-error.js?second-copy";
    const copy = (await import(/* @vite-ignore */ specifier)) as typeof import("./ci-error.js");
    expect(copy.CiError).not.toBe(CiError);
    const foreign = new copy.CiError("from the other copy", { code: "X" });
    expect(foreign instanceof CiError).toBe(false);
    expect(isCiError(foreign)).toBe(true);
    expect(copy.isCiError(new CiError("x", { code: "X" }))).toBe(true);
  });
});

describe("error categories", () => {
  it("maps known codes by the table and the rest by status", async () => {
    const { categoryOf } = await import("./code-table.js");
    expect(categoryOf("SlowDown", 503)).toBe("throttled");
    expect(categoryOf("ExpiredToken", 400)).toBe("auth");
    expect(categoryOf("NoSuchJob", 200)).toBe("not-found");
    expect(categoryOf("MalformedXML", 400)).toBe("invalid-input");
    expect(categoryOf("InvalidArgument", 400)).toBe("service");
    expect(categoryOf("InvalidArgument", 400, "job not exist")).toBe("not-found");
    expect(categoryOf("HTTP_429", 429)).toBe("throttled");
    expect(categoryOf("HTTP_401", 401)).toBe("auth");
    expect(categoryOf("HTTP_403", 403)).toBe("auth");
    expect(categoryOf("HTTP_404", 404)).toBe("not-found");
    expect(categoryOf("HTTP_409", 409)).toBe("service");
    expect(categoryOf("HTTP_500", 500)).toBe("service");
  });

  it("defaults to service on the base class", () => {
    expect(new CiError("x", { code: "X" }).category).toBe("service");
    expect(new CiError("x", { code: "X", category: "decode" }).category).toBe("decode");
  });
});
