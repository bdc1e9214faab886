import { maskSecretId, REDACTED } from "@cibatch/signer";
import { describe, expect, it } from "vitest";
import { maskCredentials } from "./create-credentials.js";

describe("maskSecretId", () => {
  it("keeps the last four characters, as in the redaction table of the design (****9U5q)", () => {
    expect(maskSecretId("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q")).toBe("****9U5q");
  });

  it("masks an id shorter than eight characters completely", () => {
    expect(maskSecretId("AKID123")).toBe("****");
    expect(maskSecretId("")).toBe("****");
    expect(maskSecretId("AKID1234")).toBe("****1234");
  });
});

describe("maskCredentials", () => {
  it("redacts the key and token and shows the expiry", () => {
    expect(
      maskCredentials({
        secretId: "AKIDEXAMPLE1234",
        secretKey: "key",
        sessionToken: "token",
        expiresAt: new Date("2026-01-02T03:04:05Z"),
      }),
    ).toEqual({
      secretId: "****1234",
      secretKey: "[REDACTED]",
      sessionToken: "[REDACTED]",
      expiresAt: "2026-01-02T03:04:05.000Z",
    });
    expect(REDACTED).toBe("[REDACTED]");
  });

  it("omits the fields that are absent", () => {
    const masked = maskCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "key" });
    expect(masked).toEqual({ secretId: "****1234", secretKey: "[REDACTED]" });
    expect(Object.keys(masked)).toEqual(["secretId", "secretKey"]);
  });

  it("does not throw on an invalid expiry date", () => {
    expect(
      maskCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "k", expiresAt: new Date(Number.NaN) }).expiresAt,
    ).toBe("Invalid Date");
  });
});
