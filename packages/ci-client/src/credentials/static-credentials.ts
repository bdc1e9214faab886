import { createCredentials, createProvider } from "./create-credentials.js";
import type { CredentialProvider, CredentialsInput } from "./types.js";

/**
 * A provider that always returns the same credentials. They are validated when the provider is
 * created, so a typo fails at start-up rather than on the first request.
 *
 * @param credentials - The SecretId, SecretKey and optional token and expiry.
 * @returns A provider whose `source` is `"static"`.
 * @throws {@link CredentialsError} `INVALID_CREDENTIALS` for an empty or malformed value.
 * @public
 */
export function staticCredentials(credentials: CredentialsInput): CredentialProvider {
  const frozen = createCredentials(credentials, "static credentials");
  return createProvider("static", () => Promise.resolve(frozen));
}
