import type { Credentials } from "./types.js";

/**
 * The text shown in place of a SecretKey or session token.
 *
 * @example
 * ```ts
 * import { REDACTED } from "@cibatch/ci-client";
 *
 * console.log(`token=${REDACTED}`); // token=[REDACTED]
 * ```
 * @public
 */
export const REDACTED = "[REDACTED]" as const;

/**
 * How {@link Credentials} look when printed or serialised.
 *
 * @example
 * ```ts
 * import { maskCredentials, type MaskedCredentials } from "@cibatch/ci-client";
 *
 * const masked: MaskedCredentials = maskCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "example-key" });
 * // { secretId: "****1234", secretKey: "[REDACTED]" }
 * ```
 * @public
 */
export interface MaskedCredentials {
  /** The SecretId's last four characters after `****` (only `****` when the id is shorter than 8). */
  readonly secretId: string;
  /** Always `[REDACTED]`. */
  readonly secretKey: typeof REDACTED;
  /** `[REDACTED]` when a token is present. */
  readonly sessionToken?: typeof REDACTED;
  /** The expiry as an ISO 8601 string, when present. */
  readonly expiresAt?: string;
}

/**
 * Masks a SecretId as `aws configure list` does: `****` and the last four characters. Ids shorter
 * than eight characters are masked completely, so that a short id is never printed whole.
 *
 * @param secretId - The SecretId to mask.
 * @returns `****` followed by the last four characters, or `****` alone.
 *
 * @example
 * ```ts
 * import { maskSecretId } from "@cibatch/ci-client";
 *
 * maskSecretId("AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q"); // "****9U5q"
 * ```
 * @public
 */
export function maskSecretId(secretId: string): string {
  return secretId.length >= 8 ? `****${secretId.slice(-4)}` : "****";
}

/**
 * Returns the printable form of credentials: SecretId masked, key and token `[REDACTED]`.
 *
 * @param credentials - Any credentials object.
 * @returns A new plain object that is safe to log.
 *
 * @example
 * ```ts
 * import { maskCredentials } from "@cibatch/ci-client";
 *
 * console.log(maskCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "example-key", sessionToken: "tok" }));
 * // { secretId: "****1234", secretKey: "[REDACTED]", sessionToken: "[REDACTED]" }
 * ```
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
