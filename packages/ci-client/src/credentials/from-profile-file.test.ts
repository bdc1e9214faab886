import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeFs, makeTempDir, memoryLogger, type TempDir } from "./files.fixture.js";
import { fromProfileFile, resolveProfileFile } from "./from-profile-file.js";

const FILE =
  "[default]\nsecret_id = AKIDDEFAULT1111\nsecret_key = default-key\n\n[prod]\nsecret_id = AKIDPROD2222\nsecret_key = prod-key\ntoken = prod-token\n";

let home: TempDir;
beforeEach(async () => {
  home = await makeTempDir();
});
afterEach(async () => {
  await home.cleanup();
});

describe("fromProfileFile with real files", () => {
  it("reads [default] from ~/.tencentcloud/credentials and reports the file", async () => {
    const file = await home.write(".tencentcloud/credentials", FILE);
    const logger = memoryLogger();
    const resolved = await resolveProfileFile({ env: {}, homedir: () => home.path, logger });
    expect(resolved.source).toBe(`profile:default (${file})`);
    expect({ ...resolved.credentials }).toEqual({ secretId: "AKIDDEFAULT1111", secretKey: "default-key" });
    expect(logger.messages).toEqual([]);

    const provider = fromProfileFile({ env: {}, homedir: () => home.path, logger });
    expect(provider.source).toBe("profile");
    expect((await provider()).secretId).toBe("AKIDDEFAULT1111");
  });

  it("selects the profile from the option over TENCENTCLOUD_PROFILE, and that over default", async () => {
    await home.write(".tencentcloud/credentials", `${FILE}[dev]\nsecret_id = AKIDDEV33333\nsecret_key = dev-key\n`);
    const base = { homedir: () => home.path };
    const fromVariable = await resolveProfileFile({ ...base, env: { TENCENTCLOUD_PROFILE: "prod" } });
    expect({ ...fromVariable.credentials }).toEqual({
      secretId: "AKIDPROD2222",
      secretKey: "prod-key",
      sessionToken: "prod-token",
    });
    expect(fromVariable.source).toMatch(/^profile:prod \(/);
    const fromOption = await resolveProfileFile({ ...base, profile: "dev", env: { TENCENTCLOUD_PROFILE: "prod" } });
    expect(fromOption.credentials.secretId).toBe("AKIDDEV33333");
    const emptyVariable = await resolveProfileFile({ ...base, env: { TENCENTCLOUD_PROFILE: "" } });
    expect(emptyVariable.credentials.secretId).toBe("AKIDDEFAULT1111");
  });

  it("reads the file named by the option over TENCENTCLOUD_CREDENTIALS_FILE, and expands ~/", async () => {
    const viaVariable = await home.write("a/creds", "[default]\nsecret_id = AKIDVARIABLE444\nsecret_key = k\n");
    await home.write("b/creds", "[default]\nsecret_id = AKIDOPTION55555\nsecret_key = k\n");
    const env = { TENCENTCLOUD_CREDENTIALS_FILE: viaVariable };
    expect((await resolveProfileFile({ env, homedir: () => home.path })).credentials.secretId).toBe("AKIDVARIABLE444");
    const option = await resolveProfileFile({ env, file: "~/b/creds", homedir: () => home.path });
    expect(option.credentials.secretId).toBe("AKIDOPTION55555");
    expect(option.source).toBe(`profile:default (${join(home.path, "b/creds")})`);
  });

  it("refuses a world-readable file, naming it and the chmod fix", async () => {
    const file = await home.write("creds", FILE, 0o644);
    const error = await resolveProfileFile({ env: {}, file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "CredentialsError", code: "FILE_INSECURE", file });
    expect((error as Error).message).toContain(`Refusing to read the credentials file ${file}`);
    expect((error as Error).message).toContain("(mode 0644)");
    expect((error as Error).message).toContain(`chmod 600 ${file}`);
  });

  it.each([0o604, 0o601, 0o602])("refuses mode %o (any permission for others)", async (mode) => {
    const file = await home.write("creds", FILE, mode);
    await expect(resolveProfileFile({ env: {}, file })).rejects.toMatchObject({ code: "FILE_INSECURE" });
  });

  it("warns about a group-readable file through the logger and still reads it", async () => {
    const file = await home.write("creds", FILE, 0o640);
    const logger = memoryLogger();
    const resolved = await resolveProfileFile({ env: {}, file, logger });
    expect(resolved.credentials.secretId).toBe("AKIDDEFAULT1111");
    expect(logger.messages).toEqual([
      `The credentials file ${file} is accessible to its group (mode 0640); run: chmod 600 ${file}`,
    ]);
  });

  it("skips the permission check on Windows", async () => {
    const file = await home.write("creds", FILE, 0o666);
    const resolved = await resolveProfileFile({ env: {}, file, platform: "win32" });
    expect(resolved.credentials.secretId).toBe("AKIDDEFAULT1111");
  });

  it("reports a missing profile with the sections found", async () => {
    const file = await home.write("creds", FILE);
    const error = await resolveProfileFile({ env: {}, file, profile: "staging" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROFILE_NOT_FOUND", file, profile: "staging" });
    expect((error as Error).message).toBe(
      `Profile "staging" not found in ${file} (sections found: default, prod). Add a [staging] section with secret_id and secret_key, or select another profile with TENCENTCLOUD_PROFILE.`,
    );
  });

  it("says when the file has no sections at all", async () => {
    const file = await home.write("creds", "secret_id = AKIDOUTSIDE0000\n");
    await expect(resolveProfileFile({ env: {}, file })).rejects.toThrow(/\(the file has no sections\)/);
  });

  it("names the keys missing from the section", async () => {
    const file = await home.write("creds", "[default]\nsecret_id = AKIDDEFAULT1111\n");
    const error = await resolveProfileFile({ env: {}, file }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PROFILE_INCOMPLETE", profile: "default", file });
    expect((error as Error).message).toContain('Profile "default" in');
    expect((error as Error).message).toContain("has no secret_key");
    const both = await resolveProfileFile({ env: {}, file: await home.write("c2", "[default]\nsecret_key =\n") }).catch(
      (e: unknown) => e,
    );
    expect((both as Error).message).toContain("has no secret_id or secret_key");
  });

  it("rejects a bare key without a value", async () => {
    const file = await home.write("creds", "[default]\nsecret_id\nsecret_key = k\n");
    await expect(resolveProfileFile({ env: {}, file })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("reads a dotted profile name", async () => {
    const file = await home.write("creds", "[team.prod]\nsecret_id = AKIDTEAMPROD666\nsecret_key = k\n");
    const resolved = await resolveProfileFile({ env: {}, file, profile: "team.prod" });
    expect(resolved.credentials.secretId).toBe("AKIDTEAMPROD666");
  });

  it("reports a named file that does not exist", async () => {
    const missing = join(home.path, "nope");
    await expect(resolveProfileFile({ env: {}, file: missing })).rejects.toMatchObject({
      code: "FILE_NOT_FOUND",
      file: missing,
      message: `The credentials file ${missing} does not exist. Create it or point TENCENTCLOUD_CREDENTIALS_FILE at an existing file.`,
    });
    await expect(resolveProfileFile({ env: { TENCENTCLOUD_CREDENTIALS_FILE: missing } })).rejects.toThrow(
      `${missing} (from TENCENTCLOUD_CREDENTIALS_FILE) does not exist`,
    );
  });

  it("refuses a directory", async () => {
    await expect(resolveProfileFile({ env: {}, file: home.path })).rejects.toMatchObject({
      code: "FILE_UNREADABLE",
      message: `The credentials file ${home.path} is not a regular file.`,
    });
  });
});

describe("fromProfileFile with an injected file system", () => {
  const homeFile = "/home/me/.tencentcloud/credentials";
  const systemFile = "/etc/tencentcloud/credentials";
  const base = { env: {}, homedir: () => "/home/me" };

  it("falls back to /etc/tencentcloud/credentials", async () => {
    const fs = fakeFs({ [systemFile]: { text: FILE } });
    const resolved = await resolveProfileFile({ ...base, fs });
    expect(resolved.source).toBe(`profile:default (${systemFile})`);
    expect(fs.calls).toEqual([`stat ${homeFile}`, `stat ${systemFile}`, `read ${systemFile}`]);
  });

  it("prefers the home file and does not look further", async () => {
    const fs = fakeFs({ [homeFile]: { text: FILE }, [systemFile]: { text: "" } });
    expect((await resolveProfileFile({ ...base, fs })).source).toBe(`profile:default (${homeFile})`);
    expect(fs.calls).toEqual([`stat ${homeFile}`, `read ${homeFile}`]);
  });

  it("reports NOT_CONFIGURED naming both default locations when neither exists", async () => {
    const fs = fakeFs({ "/home/me/.tencentcloud": { statError: "ENOTDIR" } });
    await expect(resolveProfileFile({ ...base, fs })).rejects.toMatchObject({
      code: "NOT_CONFIGURED",
      message: `no credentials file at ${homeFile} or ${systemFile}.`,
    });
  });

  it("wraps a stat failure other than not-found, keeping the cause", async () => {
    const fs = fakeFs({ [homeFile]: { statError: "EACCES" } });
    const error = await resolveProfileFile({ ...base, fs }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_UNREADABLE", file: homeFile });
    expect((error as Error).message).toContain("(EACCES)");
    expect((error as Error & { cause: { code: string } }).cause.code).toBe("EACCES");
  });

  it("wraps a read failure, keeping the cause", async () => {
    const fs = fakeFs({ [homeFile]: { readError: "EIO" } });
    const error = await resolveProfileFile({ ...base, fs }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_UNREADABLE", file: homeFile });
    expect((error as Error & { cause: { code: string } }).cause.code).toBe("EIO");
  });

  it("wraps a failure that is not an errno error", async () => {
    const fs = { ...fakeFs({}), stat: () => Promise.reject("weird") };
    const error = await resolveProfileFile({ ...base, fs }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FILE_UNREADABLE", cause: "weird" });
    expect((error as Error).message).toBe(
      `Could not read the credentials file ${homeFile}; check that it is a file you own and can read.`,
    );
  });
});
