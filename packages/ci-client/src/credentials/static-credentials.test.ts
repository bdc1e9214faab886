import { describe, expect, it } from "vitest";
import { staticCredentials } from "./static-credentials.js";

describe("staticCredentials", () => {
  it("returns the same validated credentials at every call", async () => {
    const provider = staticCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "example-key", sessionToken: "tok" });
    expect(provider.source).toBe("static");
    const first = await provider();
    expect(first).toMatchObject({ secretId: "AKIDEXAMPLE1234", secretKey: "example-key", sessionToken: "tok" });
    expect(await provider()).toBe(first);
    expect(JSON.stringify(first)).not.toContain("example-key");
  });

  it("fails when created with invalid credentials, not on first use", () => {
    expect(() => staticCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "" })).toThrow(
      expect.objectContaining({ name: "CredentialsError", code: "INVALID_CREDENTIALS" }),
    );
  });
});
