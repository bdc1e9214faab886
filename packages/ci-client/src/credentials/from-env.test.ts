import { describe, expect, it } from "vitest";
import { fromEnv } from "./from-env.js";

const ID = "AKIDEXAMPLE1234";
const KEY = "example-secret-key";

describe("fromEnv", () => {
  it("reads the id, key and session token", async () => {
    const provider = fromEnv({
      env: { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY, TENCENTCLOUD_SESSION_TOKEN: "session" },
    });
    expect(provider.source).toBe("env");
    const credentials = await provider();
    expect({ ...credentials }).toEqual({ secretId: ID, secretKey: KEY, sessionToken: "session" });
  });

  it("prefers TENCENTCLOUD_SESSION_TOKEN and falls back to TENCENTCLOUD_TOKEN", async () => {
    const both = { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY };
    expect(
      (await fromEnv({ env: { ...both, TENCENTCLOUD_SESSION_TOKEN: "a", TENCENTCLOUD_TOKEN: "b" } })()).sessionToken,
    ).toBe("a");
    expect(
      (await fromEnv({ env: { ...both, TENCENTCLOUD_SESSION_TOKEN: "", TENCENTCLOUD_TOKEN: "b" } })()).sessionToken,
    ).toBe("b");
    expect(Object.hasOwn(await fromEnv({ env: both })(), "sessionToken")).toBe(false);
  });

  it("reads the variables at every call", async () => {
    const env: Record<string, string> = { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY };
    const provider = fromEnv({ env });
    expect((await provider()).secretId).toBe(ID);
    env.TENCENTCLOUD_SECRET_ID = "AKIDROTATED99999";
    expect((await provider()).secretId).toBe("AKIDROTATED99999");
  });

  it("reports NOT_CONFIGURED when neither id nor key is set (empty counts as unset)", async () => {
    await expect(fromEnv({ env: { TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_TOKEN: "t" } })()).rejects.toMatchObject({
      name: "CredentialsError",
      code: "NOT_CONFIGURED",
      source: "env",
      message: "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set.",
    });
  });

  it("names the missing variable when only the id is set", async () => {
    const error = await fromEnv({ env: { TENCENTCLOUD_SECRET_ID: ID } })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ENV_INCOMPLETE", variable: "TENCENTCLOUD_SECRET_KEY" });
    expect((error as Error).message).toMatch(/TENCENTCLOUD_SECRET_ID is set but TENCENTCLOUD_SECRET_KEY is not/);
  });

  it("names the missing variable when only the key is set, without printing the key", async () => {
    const error = await fromEnv({ env: { TENCENTCLOUD_SECRET_KEY: KEY } })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ENV_INCOMPLETE", variable: "TENCENTCLOUD_SECRET_ID" });
    expect((error as Error).message).toMatch(/TENCENTCLOUD_SECRET_KEY is set but TENCENTCLOUD_SECRET_ID is not/);
    expect((error as Error).message).not.toContain(KEY);
  });

  it("rejects a value with a trailing newline", async () => {
    await expect(
      fromEnv({ env: { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: `${KEY}\n` } })(),
    ).rejects.toMatchObject({ code: "INVALID_CREDENTIALS", source: "the environment" });
  });
});
