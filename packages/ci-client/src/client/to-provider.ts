import { defaultCredentials } from "#default-credentials";
import { refreshingProvider } from "../credentials/refreshing-provider.js";
import { staticCredentials } from "../credentials/static-credentials.js";
import type { CredentialProvider, CredentialsInput } from "../credentials/types.js";
import type { CiClientOptions } from "./options.js";

/**
 * Turns the `credentials` option into a provider: the default chain when absent, a provider as
 * is, a bare async function wrapped in a refreshing provider, an object checked as static
 * credentials.
 *
 * @param options - The client options (credentials, clock, random, logger).
 * @returns The provider the transport signs with.
 *
 * @example
 * ```ts
 * import { toProvider } from "./to-provider.js";
 *
 * const provider = toProvider({ bucket: "examplebucket-1250000000", region: "ap-beijing", credentials: { secretId: "AKID", secretKey: "k" } });
 * console.log(provider.source); // "static"
 * ```
 * @internal
 */
export function toProvider(options: CiClientOptions): CredentialProvider & { invalidate?: () => void } {
  const credentials = options.credentials;
  const logger = options.logger?.warn ? { warn: (message: string) => options.logger?.warn?.(message) } : undefined;
  if (credentials === undefined) return defaultCredentials(logger);
  if (typeof credentials === "function") {
    if (typeof (credentials as Partial<CredentialProvider>).source === "string")
      return credentials as CredentialProvider;
    return refreshingProvider(credentials as () => Promise<CredentialsInput>, {
      ...(options.clock && { clock: options.clock }),
      ...(options.random && { random: options.random }),
      ...(logger && { logger }),
      source: "credentials option",
    });
  }
  return staticCredentials(credentials);
}
