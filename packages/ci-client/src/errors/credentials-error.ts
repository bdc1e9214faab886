import { CiError, isCiError } from "./ci-error.js";

/**
 * Why credentials could not be obtained.
 *
 * - `NOT_CONFIGURED`: this source has nothing to offer (variables unset, no default file); the
 *   default chain moves on to the next source.
 * - `ENV_INCOMPLETE`: only one of `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` is set.
 * - `FILE_NOT_FOUND`: a credentials file named by an option or `TENCENTCLOUD_CREDENTIALS_FILE` does not exist.
 * - `FILE_UNREADABLE`: the file exists but could not be read (permissions, a directory, I/O error).
 * - `FILE_INSECURE`: the file is readable or writable by other users; fix it with `chmod 600`.
 * - `PROFILE_NOT_FOUND`: the file has no section for the selected profile.
 * - `PROFILE_INCOMPLETE`: the section lacks `secret_id` or `secret_key`.
 * - `INVALID_CREDENTIALS`: a value is empty, not a string, or contains whitespace or control characters.
 * - `EXPIRED`: a provider returned credentials whose `expiresAt` has already passed.
 * - `PROVIDER_FAILED`: a provider function threw or rejected; the original error is the `cause`.
 * - `NO_CREDENTIALS`: the default chain tried every source and found none (see `tried`).
 *
 * @example
 * ```ts
 * import type { CredentialsErrorCode } from "@cibatch/ci-client";
 *
 * const retryLater: CredentialsErrorCode[] = ["PROVIDER_FAILED"];
 * ```
 * @public
 */
export type CredentialsErrorCode =
  | "NOT_CONFIGURED"
  | "ENV_INCOMPLETE"
  | "FILE_NOT_FOUND"
  | "FILE_UNREADABLE"
  | "FILE_INSECURE"
  | "PROFILE_NOT_FOUND"
  | "PROFILE_INCOMPLETE"
  | "INVALID_CREDENTIALS"
  | "EXPIRED"
  | "PROVIDER_FAILED"
  | "NO_CREDENTIALS";

/**
 * Options of the {@link CredentialsError} constructor: the code plus the context fields that apply.
 *
 * @example
 * ```ts
 * import { CredentialsError, type CredentialsErrorOptions } from "@cibatch/ci-client";
 *
 * const options: CredentialsErrorOptions = { code: "FILE_INSECURE", file: "/home/me/.tencentcloud/credentials" };
 * throw new CredentialsError("Refusing to read the credentials file; run chmod 600 on it.", options);
 * ```
 * @public
 */
export interface CredentialsErrorOptions {
  /** Why credentials could not be obtained. */
  readonly code: CredentialsErrorCode;
  /** The underlying error (an `fs` error, or whatever a provider function threw). */
  readonly cause?: unknown;
  /** The credential source involved (`"env"`, `"profile"`, `"explicit"`, …). */
  readonly source?: string;
  /** The credentials file involved. */
  readonly file?: string;
  /** The profile (INI section) involved. */
  readonly profile?: string;
  /** The environment variable involved (for example the missing one). */
  readonly variable?: string;
  /** For `NO_CREDENTIALS`: one line per source the chain tried, in order. */
  readonly tried?: readonly string[];
}

/**
 * Credentials are missing, incomplete, unsafe to use or could not be fetched. The fields name the
 * source, file, profile or variable involved; no field or message ever holds a SecretKey or token.
 *
 * @example
 * ```ts
 * import { defaultCredentialChain, isCredentialsError } from "@cibatch/ci-client";
 *
 * try {
 *   await defaultCredentialChain({ env: {} }).resolve();
 * } catch (error) {
 *   if (isCredentialsError(error) && error.code === "NO_CREDENTIALS") console.error(error.tried);
 * }
 * ```
 * @public
 */
export class CredentialsError extends CiError {
  override readonly name = "CredentialsError" as const;
  /** Why credentials could not be obtained. */
  override readonly code: CredentialsErrorCode;
  /** The credential source involved. */
  declare readonly source?: string;
  /** The credentials file involved. */
  declare readonly file?: string;
  /** The profile (INI section) involved. */
  declare readonly profile?: string;
  /** The environment variable involved. */
  declare readonly variable?: string;
  /** For `NO_CREDENTIALS`: one line per source the chain tried, in order. */
  declare readonly tried?: readonly string[];

  /**
   * @param message - What went wrong and how to fix it; must not contain secrets.
   * @param options - The code and context fields.
   */
  constructor(message: string, options: CredentialsErrorOptions) {
    super(message, { ...options, category: "auth" });
    this.code = options.code;
    if (options.source !== undefined) this.source = options.source;
    if (options.file !== undefined) this.file = options.file;
    if (options.profile !== undefined) this.profile = options.profile;
    if (options.variable !== undefined) this.variable = options.variable;
    if (options.tried !== undefined) this.tried = Object.freeze([...options.tried]);
  }
}

/**
 * Whether `value` is a {@link CredentialsError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"CredentialsError"`.
 *
 * @example
 * ```ts
 * import { fromEnv, isCredentialsError } from "@cibatch/ci-client";
 *
 * const error = await fromEnv({ env: { TENCENTCLOUD_SECRET_ID: "AKIDEXAMPLE" } })().catch((e: unknown) => e);
 * isCredentialsError(error); // true: TENCENTCLOUD_SECRET_KEY is missing
 * ```
 * @public
 */
export function isCredentialsError(value: unknown): value is CredentialsError {
  return isCiError(value) && value.name === "CredentialsError";
}
