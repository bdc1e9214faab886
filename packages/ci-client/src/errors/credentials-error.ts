import { CiError, isCiError } from "./ci-error.js";

/**
 * Why credentials could not be obtained:
 *
 * - `NOT_CONFIGURED`: this source has nothing to offer; the default chain moves on.
 * - `ENV_INCOMPLETE`: only one of `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` is set.
 * - `FILE_NOT_FOUND` / `FILE_UNREADABLE`: the named credentials file is missing or cannot be read.
 * - `FILE_INSECURE`: the file is readable or writable by other users; fix it with `chmod 600`.
 * - `PROFILE_NOT_FOUND` / `PROFILE_INCOMPLETE`: no such section, or it lacks `secret_id`/`secret_key`.
 * - `INVALID_CREDENTIALS`: a value is empty, not a string, or has whitespace or control characters.
 * - `EXPIRED`: a provider returned credentials whose `expiresAt` has passed.
 * - `PROVIDER_FAILED`: a provider threw or rejected; its error (redacted) is the `cause`.
 * - `NO_CREDENTIALS`: the default chain tried every source and found none (see `tried`).
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
 * Options of the {@link CredentialsError} constructor; each field is documented on the class.
 * @public
 */
export interface CredentialsErrorOptions {
  readonly code: CredentialsErrorCode;
  readonly cause?: unknown;
  readonly source?: string;
  readonly file?: string;
  readonly profile?: string;
  readonly variable?: string;
  readonly tried?: readonly string[];
}

/**
 * Credentials are missing, incomplete, unsafe to use or could not be fetched. The fields name the
 * source, file, profile or variable involved; no field or message ever holds a SecretKey or token.
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
 * @public
 */
export function isCredentialsError(value: unknown): value is CredentialsError {
  return isCiError(value) && value.name === "CredentialsError";
}
