import { CredentialsError } from "../errors/credentials-error.js";
import type { CredentialProvider } from "./types.js";

/**
 * The credentials of a client given none, outside Node (browsers, workers): there is no
 * environment or profile file to read, so every call fails with a `CredentialsError`
 * (`NOT_CONFIGURED`) that says to pass `credentials` (typically temporary STS credentials from
 * your backend, through `refreshingProvider`).
 * @internal
 */
export function defaultCredentials(_logger: { warn(message: string): void } | undefined): CredentialProvider {
  const provider = () =>
    Promise.reject(
      new CredentialsError(
        "No credentials: outside Node there is no environment or profile file to read. Pass the `credentials` option " +
          "(for a browser, temporary credentials from your backend through refreshingProvider).",
        { code: "NOT_CONFIGURED", source: "default" },
      ),
    );
  return Object.assign(provider, { source: "default" });
}
