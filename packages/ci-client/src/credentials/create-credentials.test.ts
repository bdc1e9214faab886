import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { isCredentialsError } from "../errors/credentials-error.js";
import { createCredentials } from "./create-credentials.js";
import type { CredentialsInput } from "./types.js";

const KEY = "CanaryKey0000000000000000000000Zz";
const TOKEN = "CanaryToken00000000000000000000Yy";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("createCredentials", () => {
  it("returns a frozen copy with the raw values readable", () => {
    const expiresAt = new Date("2026-05-01T00:00:00Z");
    const credentials = createCredentials({
      secretId: "AKIDEXAMPLE1234",
      secretKey: KEY,
      sessionToken: TOKEN,
      expiresAt,
    });
    expect(credentials.secretId).toBe("AKIDEXAMPLE1234");
    expect(credentials.secretKey).toBe(KEY);
    expect(credentials.sessionToken).toBe(TOKEN);
    expect(credentials.expiresAt?.getTime()).toBe(expiresAt.getTime());
    expect(credentials.expiresAt).not.toBe(expiresAt);
    expect(Object.isFrozen(credentials)).toBe(true);
    expect(Object.keys(credentials)).toEqual(["secretId", "secretKey", "sessionToken", "expiresAt"]);
  });

  it("prints masked values through JSON, String, template literals and util.inspect", () => {
    const credentials = createCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: KEY, sessionToken: TOKEN });
    const masked = { secretId: "****1234", secretKey: "[REDACTED]", sessionToken: "[REDACTED]" };
    expect(JSON.parse(JSON.stringify(credentials))).toEqual(masked);
    expect(JSON.parse(JSON.stringify({ nested: [credentials] }))).toEqual({ nested: [masked] });
    for (const text of [
      String(credentials),
      `${credentials}`,
      inspect(credentials),
      inspect({ deep: { deeper: credentials } }, { depth: 10, showHidden: true }),
    ]) {
      expect(text).toContain("****1234");
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain("AKIDEXAMPLE");
    }
  });

  it("drops an empty or undefined session token", () => {
    expect(
      Object.hasOwn(
        createCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: KEY, sessionToken: "" }),
        "sessionToken",
      ),
    ).toBe(false);
    expect(
      Object.hasOwn(
        createCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: KEY, sessionToken: undefined }),
        "sessionToken",
      ),
    ).toBe(false);
  });

  it.each<[string, unknown, string]>([
    ["an empty secretId", { secretId: "", secretKey: KEY }, "secretId must be a non-empty string"],
    ["a missing secretKey", { secretId: "AKIDEXAMPLE1234" }, "secretKey must be a non-empty string"],
    ["a numeric secretKey", { secretId: "AKIDEXAMPLE1234", secretKey: 42 }, "secretKey must be a non-empty string"],
    [
      "a key with a trailing newline",
      { secretId: "AKIDEXAMPLE1234", secretKey: `${KEY}\n` },
      "secretKey contains whitespace",
    ],
    ["an id with a space", { secretId: "AKID EXAMPLE", secretKey: KEY }, "secretId contains whitespace"],
    [
      "a token with a tab",
      { secretId: "AKIDEXAMPLE1234", secretKey: KEY, sessionToken: `a\t${TOKEN}` },
      "sessionToken contains",
    ],
    [
      "an invalid date",
      { secretId: "AKIDEXAMPLE1234", secretKey: KEY, expiresAt: new Date("nope") },
      "expiresAt is not a valid Date",
    ],
    [
      "a date string",
      { secretId: "AKIDEXAMPLE1234", secretKey: KEY, expiresAt: "2026-01-01" },
      "expiresAt is not a valid Date",
    ],
    ["null", null, "expected an object"],
  ])("rejects %s with INVALID_CREDENTIALS", (_name, input, problem) => {
    const error = thrown(() => createCredentials(input as CredentialsInput, "my source"));
    expect(isCredentialsError(error)).toBe(true);
    expect(error).toMatchObject({ code: "INVALID_CREDENTIALS", source: "my source" });
    expect((error as Error).message).toContain(problem);
    expect((error as Error).message).toContain("Invalid credentials from my source");
    expect((error as Error).message).not.toContain(KEY);
    expect((error as Error).message).not.toContain(TOKEN);
  });
});
