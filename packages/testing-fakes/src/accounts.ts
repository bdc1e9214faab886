import type { Credentials } from "@cibatch/signer";
import { FakeCiError } from "./errors.js";
import { appIdOf } from "./virtual-host.js";

/**
 * Credentials the fake accepts. With a `bucket`, the key may address every bucket of that APPID (the account);
 * without, any bucket. With a `token`, the key is temporary: requests must carry that token in
 * `x-ci-security-token` or `x-cos-security-token`, until `expiresAt`.
 *
 * @example
 * ```ts
 * import type { FakeAccount } from "@cibatch/testing-fakes";
 * const account: FakeAccount = {
 *   bucket: "examplebucket-1250000000",
 *   secretId: "AKIDcibatchTESTxxxxxxxxxxxxxxxxxxxxx",
 *   secretKey: "cibatch-test-secret-key",
 * };
 * ```
 */
export interface FakeAccount extends Credentials {
  /** `<BucketName-APPID>`: ties the key to that APPID. */
  readonly bucket?: string;
  /** Session token of temporary credentials (the same as `sessionToken`, which wins when both are set). */
  readonly token?: string;
}

/**
 * A registered account as listed (SecretKey and token never shown).
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi({ accounts: [{ secretId: "AKIDa", secretKey: "k" }] });
 * fake.keys.list()[0]?.secretId; // "AKIDa"
 * ```
 */
export interface FakeAccountView {
  /** The SecretId. */
  readonly secretId: string;
  /** The bucket whose APPID the key is bound to, if any. */
  readonly bucket: string | undefined;
  /** Whether the key has a session token (temporary credentials). */
  readonly temporary: boolean;
  /** When the temporary credentials expire, epoch ms. */
  readonly expiresAt: number | undefined;
}

/**
 * The fake's credential registry.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * fake.keys.add({ secretId: "AKIDtemp", secretKey: "k", sessionToken: "tok", expiresAt: new Date(Date.now() + 60_000) });
 * fake.keys.remove("AKIDtemp");
 * ```
 */
export interface FakeKeys {
  /** Adds or replaces the account with this SecretId. */
  add(account: FakeAccount): void;
  /** Removes the account with this SecretId; `false` when there was none. */
  remove(secretId: string): boolean;
  /** Every account, without its SecretKey or token. */
  list(): FakeAccountView[];
}

/** @internal The registry with lookups. */
export interface AccountRegistry extends FakeKeys {
  get(secretId: string): FakeAccount | undefined;
  all(): FakeAccount[];
  clear(): void;
}

/** @internal Whether `account` may address `bucket` (same APPID, or an unbound key). */
export function accountMayAccess(account: FakeAccount, bucket: string): boolean {
  if (account.bucket === undefined) return true;
  return appIdOf(account.bucket) === appIdOf(bucket);
}

/** @internal Checks an account's shape. */
export function checkAccount(account: FakeAccount): FakeAccount {
  const a = account as unknown as Record<string, unknown>;
  if (typeof a !== "object" || a === null) throw new FakeCiError("InvalidOption", "an account must be an object");
  if (typeof a.secretId !== "string" || a.secretId === "" || typeof a.secretKey !== "string" || a.secretKey === "") {
    throw new FakeCiError("InvalidOption", "an account needs a non-empty secretId and secretKey");
  }
  if (a.bucket !== undefined && (typeof a.bucket !== "string" || appIdOf(a.bucket) === undefined)) {
    throw new FakeCiError("InvalidOption", `account bucket ${JSON.stringify(a.bucket)} is not <BucketName>-<APPID>`);
  }
  if (a.token !== undefined && typeof a.token !== "string")
    throw new FakeCiError("InvalidOption", "token must be a string");
  if (a.sessionToken !== undefined && typeof a.sessionToken !== "string")
    throw new FakeCiError("InvalidOption", "sessionToken must be a string");
  if (a.expiresAt !== undefined && !(a.expiresAt instanceof Date && Number.isFinite(a.expiresAt.getTime()))) {
    throw new FakeCiError("InvalidOption", "expiresAt must be a valid Date");
  }
  const token = account.sessionToken ?? account.token;
  return { ...account, ...(token !== undefined && { token, sessionToken: token }) };
}

/** @internal Builds the registry. */
export function createAccountRegistry(initial: readonly FakeAccount[], onChange: () => void): AccountRegistry {
  const accounts = new Map<string, FakeAccount>();
  for (const a of initial) accounts.set(a.secretId, checkAccount(a));
  return {
    add(account) {
      const checked = checkAccount(account);
      accounts.set(checked.secretId, checked);
      onChange();
    },
    remove(secretId) {
      const had = accounts.delete(secretId);
      onChange();
      return had;
    },
    list: () =>
      [...accounts.values()].map((a) => ({
        secretId: a.secretId,
        bucket: a.bucket,
        temporary: a.token !== undefined,
        expiresAt: a.expiresAt?.getTime(),
      })),
    get: (secretId) => accounts.get(secretId),
    all: () => [...accounts.values()],
    clear() {
      accounts.clear();
    },
  };
}

/**
 * Parses the `--account` flag form `bucket-appid:secretId:secretKey[:token]`.
 *
 * @example
 * ```ts
 * import { parseAccountFlag } from "@cibatch/testing-fakes";
 * parseAccountFlag("examplebucket-1250000000:AKIDx:secret").bucket; // "examplebucket-1250000000"
 * ```
 */
export function parseAccountFlag(text: string): FakeAccount {
  const [bucket, secretId, secretKey, ...token] = text.split(":");
  if (!bucket || !secretId || !secretKey) {
    throw new FakeCiError(
      "UsageError",
      `--account wants bucket-appid:secretId:secretKey[:token], got "${text.split(":")[0]}:…"`,
    );
  }
  return checkAccount({ bucket, secretId, secretKey, ...(token.length > 0 ? { token: token.join(":") } : {}) });
}
