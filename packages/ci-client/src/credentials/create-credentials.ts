import { maskSecretId, REDACTED } from "@cibatch/signer";
import { CredentialsError } from "../errors/credentials-error.js";
import type { CredentialProvider, Credentials, CredentialsInput } from "./types.js";

const INSPECT_CUSTOM: unique symbol = Symbol.for("nodejs.util.inspect.custom");

/** Printable ASCII without spaces: what may go into `q-ak`, a signing key or a header value. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

/**
 * Validates credentials and returns a frozen, self-redacting copy: `JSON.stringify`, `String`,
 * `util.inspect` and `console.log` show only the masked form (see {@link maskCredentials}).
 * An empty `sessionToken` is dropped; `expiresAt` is copied.
 *
 * @param input - The SecretId, SecretKey and optional token and expiry.
 * @param source - Named in error messages (for example `"env"`).
 * @returns A frozen {@link Credentials} object.
 * @throws {@link CredentialsError} `INVALID_CREDENTIALS` when the id or key is empty or not a string, a value
 *   contains whitespace or control characters, or `expiresAt` is not a valid `Date`.
 * @public
 */
export function createCredentials(input: CredentialsInput, source = "credentials"): Credentials {
  if (typeof input !== "object" || input === null) {
    throw invalid(source, "expected an object with secretId and secretKey", "credentials");
  }
  const secretId = checkValue(input.secretId, "secretId", source);
  const secretKey = checkValue(input.secretKey, "secretKey", source);
  const sessionToken =
    input.sessionToken === undefined || input.sessionToken === ""
      ? undefined
      : checkValue(input.sessionToken, "sessionToken", source);
  let expiresAt: Date | undefined;
  if (input.expiresAt !== undefined) {
    if (!(input.expiresAt instanceof Date) || Number.isNaN(input.expiresAt.getTime())) {
      throw invalid(source, "expiresAt is not a valid Date", "expiresAt");
    }
    expiresAt = new Date(input.expiresAt.getTime());
  }
  const credentials: { secretId: string; secretKey: string; sessionToken?: string; expiresAt?: Date } = {
    secretId,
    secretKey,
  };
  if (sessionToken !== undefined) credentials.sessionToken = sessionToken;
  if (expiresAt !== undefined) credentials.expiresAt = expiresAt;
  Object.defineProperties(credentials, {
    toJSON: { value: () => maskCredentials(credentials) },
    toString: { value: () => `Credentials ${JSON.stringify(maskCredentials(credentials))}` },
    [INSPECT_CUSTOM]: { value: () => maskCredentials(credentials) },
  });
  return Object.freeze(credentials);
}

function checkValue(value: unknown, field: string, source: string): string {
  if (typeof value !== "string" || value === "") {
    throw invalid(source, `${field} must be a non-empty string`, field);
  }
  if (!TOKEN_CHARACTERS.test(value)) {
    throw invalid(
      source,
      `${field} contains whitespace or non-printable characters (often a trailing newline or a pasted quote)`,
      field,
    );
  }
  return value;
}

function invalid(source: string, problem: string, field: string): CredentialsError {
  return new CredentialsError(
    `Invalid credentials from ${source}: ${problem}. Copy the ${field} again from the Tencent Cloud console (CAM > API keys).`,
    { code: "INVALID_CREDENTIALS", source },
  );
}

/**
 * How {@link Credentials} look when printed or serialised.
 * @public
 */
export interface MaskedCredentials {
  /** The SecretId's last four characters after `****` (only `****` when the id is shorter than 8). */
  readonly secretId: string;
  /** Always `[REDACTED]`. */
  readonly secretKey: "[REDACTED]";
  /** `[REDACTED]` when a token is present. */
  readonly sessionToken?: "[REDACTED]";
  /** The expiry as an ISO 8601 string, when present. */
  readonly expiresAt?: string;
}

/**
 * Returns the printable form of credentials: SecretId masked, key and token `[REDACTED]`.
 *
 * @param credentials - Any credentials object.
 * @returns A new plain object that is safe to log.
 * @public
 */
export function maskCredentials(credentials: Credentials): MaskedCredentials {
  return {
    secretId: maskSecretId(credentials.secretId),
    secretKey: REDACTED,
    ...(credentials.sessionToken !== undefined && { sessionToken: REDACTED }),
    ...(credentials.expiresAt !== undefined && { expiresAt: isoOrInvalid(credentials.expiresAt) }),
  };
}

function isoOrInvalid(date: Date): string {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}

/**
 * Tags an async function with a source name, making it a {@link CredentialProvider}.
 *
 * @param source - The name reported as `provider.source`.
 * @param fetch - Returns the credentials; called on every provider call.
 * @returns The provider.
 * @public
 */
export function createProvider(source: string, fetch: () => Promise<Credentials>): CredentialProvider {
  const provider = (): Promise<Credentials> => fetch();
  Object.defineProperty(provider, "source", { value: source, enumerable: true });
  return provider as CredentialProvider;
}
