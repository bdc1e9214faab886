import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCredentials } from "./create-credentials.js";
import { defaultCredentialChain } from "./default-chain.js";
import { makeTempDir, memoryLogger, type TempDir } from "./files.fixture.js";
import { fromEnv } from "./from-env.js";
import { fromProfileFile } from "./from-profile-file.js";
import { refreshingProvider } from "./refreshing-provider.js";
import { staticCredentials } from "./static-credentials.js";

// Canaries: if either string shows up in anything printable, a secret has leaked.
const KEY = "CANARYsecretKEY7f3a9d2e4b1c8a6f";
const TOKEN = "CANARYsessionTOKEN5e8d1c4b7a2f9e3d";
const ID = "AKIDCANARYid00001234";

function renderings(value: unknown): string[] {
  return [
    value instanceof Error ? value.message : "",
    String(value),
    JSON.stringify(value) ?? "",
    inspect(value),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    value instanceof Error ? String(value.stack) : "",
  ];
}

let dir: TempDir;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await dir.cleanup();
});

describe("secret canaries", () => {
  it("never appear in any credentials error, any warning or any printed credentials", async () => {
    const logger = memoryLogger();
    const file = (name: string, text: string, mode = 0o600) => dir.write(name, text, mode);
    const full = `secret_id = ${ID}\nsecret_key = ${KEY}\ntoken = ${TOKEN}\n`;
    const errors: unknown[] = [];
    const collect = async (attempt: () => Promise<unknown>) => {
      errors.push(
        await attempt().then(
          () => new Error("expected a failure"),
          (e: unknown) => e,
        ),
      );
    };

    // Environment: key without id, key/token with stray whitespace, token alone.
    await collect(() => fromEnv({ env: { TENCENTCLOUD_SECRET_KEY: KEY, TENCENTCLOUD_SESSION_TOKEN: TOKEN } })());
    await collect(() =>
      fromEnv({ env: { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: `${KEY} `, TENCENTCLOUD_TOKEN: TOKEN } })(),
    );
    await collect(() =>
      fromEnv({
        env: { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY, TENCENTCLOUD_TOKEN: `${TOKEN}\n` },
      })(),
    );
    await collect(() => defaultCredentialChain({ env: { TENCENTCLOUD_TOKEN: TOKEN }, homedir: () => dir.path })());

    // Profile files holding the canaries: insecure, wrong profile, incomplete, malformed.
    await collect(async () => fromProfileFile({ env: {}, file: await file("a", `[default]\n${full}`, 0o644) })());
    await collect(async () => fromProfileFile({ env: {}, file: await file("b", `[other]\n${full}`), profile: "x" })());
    await collect(async () =>
      fromProfileFile({ env: {}, file: await file("c", `[default]\nsecret_key = ${KEY}\ntoken = ${TOKEN}\n`) })(),
    );
    await collect(async () =>
      fromProfileFile({ env: {}, file: await file("d", `[default]\nsecret_id = ${ID} x\nsecret_key = ${KEY}\n`) })(),
    );
    // A group-readable file produces a warning.
    await fromProfileFile({ env: {}, file: await file("e", `[default]\n${full}`, 0o640), logger })();

    // Refreshing provider: expired, failing fetch, failing background refresh.
    const expired = new Date(Date.now() - 1000);
    await collect(() =>
      refreshingProvider(async () => ({ secretId: ID, secretKey: KEY, sessionToken: TOKEN, expiresAt: expired }))(),
    );
    await collect(() => refreshingProvider(() => Promise.reject(new Error("network down")))());
    let now = 0;
    let calls = 0;
    const background = refreshingProvider(
      async () => {
        calls += 1;
        if (calls > 1) throw new Error("refresh down");
        return { secretId: ID, secretKey: KEY, sessionToken: TOKEN, expiresAt: new Date(100_000) };
      },
      { clock: { now: () => now }, random: () => 0, logger },
    );
    await background();
    now = 90_000;
    await background();
    await new Promise((resolve) => setImmediate(resolve));

    // Explicit and static credentials that are invalid.
    await collect(async () => staticCredentials({ secretId: ID, secretKey: `${KEY}\t` }));
    await collect(async () =>
      defaultCredentialChain({ credentials: { secretId: "", secretKey: KEY, sessionToken: TOKEN } }),
    );

    expect(errors).toHaveLength(12);
    expect(logger.messages).toHaveLength(2);
    for (const error of errors) {
      expect(error).toMatchObject({ name: "CredentialsError" });
      for (const text of renderings(error)) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain(TOKEN);
      }
    }
    for (const message of logger.messages) {
      expect(message).not.toContain(KEY);
      expect(message).not.toContain(TOKEN);
    }

    // Credentials handed out by every provider print masked.
    const handedOut = [
      createCredentials({ secretId: ID, secretKey: KEY, sessionToken: TOKEN }),
      await staticCredentials({ secretId: ID, secretKey: KEY, sessionToken: TOKEN })(),
      await fromEnv({ env: { TENCENTCLOUD_SECRET_ID: ID, TENCENTCLOUD_SECRET_KEY: KEY, TENCENTCLOUD_TOKEN: TOKEN } })(),
      await fromProfileFile({ env: {}, file: await file("f", `[default]\n${full}`) })(),
      await refreshingProvider(async () => ({ secretId: ID, secretKey: KEY, sessionToken: TOKEN }))(),
      (await defaultCredentialChain({ credentials: { secretId: ID, secretKey: KEY, sessionToken: TOKEN } }).resolve())
        .credentials,
    ];
    for (const credentials of handedOut) {
      expect(credentials.secretKey).toBe(KEY);
      expect(credentials.sessionToken).toBe(TOKEN);
      for (const text of renderings(credentials)) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain(ID);
      }
    }
  });
});
