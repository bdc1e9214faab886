/**
 * A SecretId/SecretKey pair, with a session token and an expiry for temporary credentials. The
 * field names match `@cibatch/signer`, so these objects can be passed to it as they are.
 *
 * Credentials handed out by this package are frozen and redact themselves: `JSON.stringify`,
 * `util.inspect` and `console.log` show the SecretId's last four characters and `[REDACTED]` for
 * the key and token (spreading them into a new object copies the raw values).
 *
 * @example
 * ```ts
 * import type { Credentials } from "@cibatch/ci-client";
 *
 * function describe(credentials: Credentials): string {
 *   return credentials.expiresAt ? `temporary until ${credentials.expiresAt.toISOString()}` : "permanent";
 * }
 * ```
 * @public
 */
export interface Credentials {
  /** The SecretId (`AKID…`); sent as `q-ak`. */
  readonly secretId: string;
  /** The SecretKey; signs requests and is never printed. */
  readonly secretKey: string;
  /** The session token of temporary credentials; sent as `x-ci-security-token`. */
  readonly sessionToken?: string;
  /** When temporary credentials stop working. Absent for permanent keys. */
  readonly expiresAt?: Date;
}

/**
 * What you may pass where credentials are accepted: like {@link Credentials}, but optional fields
 * may be `undefined` (handy with `process.env`), and an empty `sessionToken` counts as none.
 *
 * @example
 * ```ts
 * import type { CredentialsInput } from "@cibatch/ci-client";
 *
 * const input: CredentialsInput = {
 *   secretId: "AKIDEXAMPLE",
 *   secretKey: "example-secret-key",
 *   sessionToken: process.env["MY_TOKEN"],
 * };
 * ```
 * @public
 */
export interface CredentialsInput {
  /** The SecretId. */
  readonly secretId: string;
  /** The SecretKey. */
  readonly secretKey: string;
  /** The session token of temporary credentials. */
  readonly sessionToken?: string | undefined;
  /** When temporary credentials expire. */
  readonly expiresAt?: Date | undefined;
}

/**
 * An async function that returns credentials, tagged with the name of its source. Call it before
 * each request: providers cache and refresh as needed.
 *
 * @example
 * ```ts
 * import { fromEnv, type CredentialProvider } from "@cibatch/ci-client";
 *
 * const provider: CredentialProvider = fromEnv();
 * console.log(provider.source); // "env"
 * const { secretId } = await provider();
 * ```
 * @public
 */
export interface CredentialProvider {
  /** Resolves to usable credentials, or rejects with a `CredentialsError`. */
  (): Promise<Credentials>;
  /** Where the credentials come from: `"static"`, `"env"`, `"profile"`, `"refreshing"`, `"default-chain"`, … */
  readonly source: string;
}

/**
 * Credentials together with a human-readable description of where they were found, as shown by
 * `cibatch configure list`.
 *
 * @example
 * ```ts
 * import { defaultCredentialChain, type ResolvedCredentials } from "@cibatch/ci-client";
 *
 * const resolved: ResolvedCredentials = await defaultCredentialChain().resolve();
 * console.log(resolved.source); // "env", or "profile:default (/home/me/.tencentcloud/credentials)"
 * ```
 * @public
 */
export interface ResolvedCredentials {
  /** The credentials (self-redacting). */
  readonly credentials: Credentials;
  /** `"explicit"`, `"env"` or `"profile:<name> (<file>)"`. */
  readonly source: string;
}

/**
 * A source of the current time, injected so tests control it.
 *
 * @example
 * ```ts
 * import type { Clock } from "@cibatch/ci-client";
 *
 * const frozen: Clock = { now: () => Date.parse("2026-01-01T00:00:00Z") };
 * ```
 * @public
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/**
 * Receives the warnings of the credential providers (a group-readable credentials file, a failed
 * background refresh). Messages never contain secrets. The default emits a Node process warning.
 *
 * @example
 * ```ts
 * import { fromProfileFile, type CredentialsLogger } from "@cibatch/ci-client";
 *
 * const logger: CredentialsLogger = { warn: (message) => console.error(`warning: ${message}`) };
 * const provider = fromProfileFile({ logger });
 * ```
 * @public
 */
export interface CredentialsLogger {
  /** Reports a problem that did not stop credentials from being returned. */
  warn(message: string): void;
}

/**
 * The file-system calls the profile-file provider makes, injected so tests can fake them. The
 * default uses `node:fs/promises`.
 *
 * @example
 * ```ts
 * import { readFile, stat } from "node:fs/promises";
 * import type { CredentialsFileSystem } from "@cibatch/ci-client";
 *
 * const fs: CredentialsFileSystem = { readFile: (path) => readFile(path, "utf8"), stat: (path) => stat(path) };
 * ```
 * @public
 */
export interface CredentialsFileSystem {
  /** Reads a whole file as UTF-8 text. */
  readFile(path: string, encoding: "utf8"): Promise<string>;
  /** Returns the file's mode bits and type, following symbolic links. */
  stat(path: string): Promise<{ readonly mode: number; isFile(): boolean }>;
}

/**
 * An environment-variable map, such as `process.env`.
 *
 * @example
 * ```ts
 * import { fromEnv, type Environment } from "@cibatch/ci-client";
 *
 * const env: Environment = { TENCENTCLOUD_SECRET_ID: "AKIDEXAMPLE", TENCENTCLOUD_SECRET_KEY: "example-secret-key" };
 * const provider = fromEnv({ env });
 * ```
 * @public
 */
export type Environment = Readonly<Record<string, string | undefined>>;
