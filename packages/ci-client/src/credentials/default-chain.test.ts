import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/credentials-error.js";
import { defaultCredentialChain } from "./default-chain.js";
import { fakeFs, makeTempDir, memoryLogger, type TempDir } from "./files.fixture.js";

const ENV = { TENCENTCLOUD_SECRET_ID: "AKIDFROMENV00001", TENCENTCLOUD_SECRET_KEY: "env-key" };
const PROFILE = "[default]\nsecret_id = AKIDFROMFILE0002\nsecret_key = file-key\n";

let home: TempDir;
beforeEach(async () => {
  home = await makeTempDir();
});
afterEach(async () => {
  await home.cleanup();
});

describe("defaultCredentialChain", () => {
  it("uses explicit credentials before the environment and the file", async () => {
    await home.write(".tencentcloud/credentials", PROFILE);
    const chain = defaultCredentialChain({
      credentials: { secretId: "AKIDEXPLICIT0003", secretKey: "explicit-key" },
      env: ENV,
      homedir: () => home.path,
    });
    expect(chain.source).toBe("default-chain");
    const resolved = await chain.resolve();
    expect(resolved.source).toBe("explicit");
    expect(resolved.credentials.secretId).toBe("AKIDEXPLICIT0003");
    expect((await chain()).secretId).toBe("AKIDEXPLICIT0003");
  });

  it("validates explicit credentials when the chain is created", () => {
    expect(() => defaultCredentialChain({ credentials: { secretId: "AKIDEXPLICIT0003", secretKey: "" } })).toThrow(
      expect.objectContaining({ code: "INVALID_CREDENTIALS", source: "explicit" }),
    );
  });

  it("calls an explicit provider function at every call", async () => {
    let calls = 0;
    const chain = defaultCredentialChain({
      credentials: async () => {
        calls += 1;
        return { secretId: `AKIDEXPLICIT000${calls}`, secretKey: "k" };
      },
      env: ENV,
    });
    expect(await chain.resolve()).toMatchObject({ source: "explicit", credentials: { secretId: "AKIDEXPLICIT0001" } });
    expect((await chain()).secretId).toBe("AKIDEXPLICIT0002");
  });

  it("wraps a failing explicit provider function, and passes a CiError through", async () => {
    const cause = new Error("vault sealed");
    await expect(defaultCredentialChain({ credentials: () => Promise.reject(cause) })()).rejects.toMatchObject({
      code: "PROVIDER_FAILED",
      source: "explicit",
      cause,
    });
    const original = new CredentialsError("expired", { code: "EXPIRED" });
    await expect(defaultCredentialChain({ credentials: () => Promise.reject(original) })()).rejects.toBe(original);
  });

  it("uses the environment before the profile file", async () => {
    await home.write(".tencentcloud/credentials", PROFILE);
    const resolved = await defaultCredentialChain({ env: ENV, homedir: () => home.path }).resolve();
    expect(resolved.source).toBe("env");
    expect(resolved.credentials.secretId).toBe("AKIDFROMENV00001");
  });

  it("falls back to the profile file and reports profile and file", async () => {
    const file = await home.write(
      ".tencentcloud/credentials",
      `${PROFILE}[prod]\nsecret_id = AKIDPRODFILE0004\nsecret_key = k\n`,
    );
    const chain = defaultCredentialChain({ env: { TENCENTCLOUD_PROFILE: "prod" }, homedir: () => home.path });
    const resolved = await chain.resolve();
    expect(resolved.source).toBe(`profile:prod (${file})`);
    expect(resolved.credentials.secretId).toBe("AKIDPRODFILE0004");
    const byOption = await defaultCredentialChain({ env: {}, profile: "default", homedir: () => home.path }).resolve();
    expect(byOption.source).toBe(`profile:default (${file})`);
  });

  it("stops at an incomplete environment instead of falling through to the file", async () => {
    await home.write(".tencentcloud/credentials", PROFILE);
    const chain = defaultCredentialChain({
      env: { TENCENTCLOUD_SECRET_ID: "AKIDFROMENV00001" },
      homedir: () => home.path,
    });
    await expect(chain.resolve()).rejects.toMatchObject({
      code: "ENV_INCOMPLETE",
      variable: "TENCENTCLOUD_SECRET_KEY",
    });
  });

  it("stops at an insecure file", async () => {
    await home.write(".tencentcloud/credentials", PROFILE, 0o644);
    await expect(defaultCredentialChain({ env: {}, homedir: () => home.path })()).rejects.toMatchObject({
      code: "FILE_INSECURE",
    });
  });

  it("lists every source it tried when none has credentials", async () => {
    const fs = fakeFs({});
    const error = await defaultCredentialChain({ env: {}, homedir: () => "/home/me", fs })
      .resolve()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ code: "NO_CREDENTIALS" });
    const tried = [
      "explicit: no `credentials` option given",
      "env: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY are not set.",
      "profile file: no credentials file at /home/me/.tencentcloud/credentials or /etc/tencentcloud/credentials.",
      "CVM instance role: not supported yet",
    ];
    expect((error as CredentialsError).tried).toEqual(tried);
    const message = (error as Error).message;
    expect(message.split("\n")).toEqual([
      "No Tencent Cloud credentials found. Tried, in order:",
      ...tried.map((line, index) => `  ${index + 1}. ${line}`),
      "To fix: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or add a [default] section with secret_id and secret_key to ~/.tencentcloud/credentials (chmod 600), or pass credentials explicitly.",
    ]);
  });

  it("reads the environment and the file once, sharing the lookup among concurrent callers", async () => {
    const fs = fakeFs({ "/home/me/.tencentcloud/credentials": { text: PROFILE, mode: 0o640 } });
    const logger = memoryLogger();
    const chain = defaultCredentialChain({ env: {}, homedir: () => "/home/me", fs, logger });
    const results = await Promise.all([chain(), chain(), chain.resolve()]);
    expect(results[0]).toBe(results[1]);
    expect(results[2].credentials).toBe(results[0]);
    await chain();
    expect(fs.calls).toEqual(["stat /home/me/.tencentcloud/credentials", "read /home/me/.tencentcloud/credentials"]);
    expect(logger.messages).toHaveLength(1);
  });

  it("looks again after a failed lookup", async () => {
    const env: Record<string, string> = {};
    const chain = defaultCredentialChain({ env, homedir: () => "/home/me", fs: fakeFs({}) });
    await expect(chain()).rejects.toMatchObject({ code: "NO_CREDENTIALS" });
    Object.assign(env, ENV);
    expect((await chain.resolve()).source).toBe("env");
  });
});
