import type { CredentialProvider, Credentials } from "./types.js";

/**
 * Tags an async function with a source name, making it a {@link CredentialProvider}.
 *
 * @param source - The name reported as `provider.source`.
 * @param fetch - Returns the credentials; called on every provider call.
 * @returns The provider.
 *
 * @example
 * ```ts
 * import { createCredentials, createProvider } from "@cibatch/ci-client";
 *
 * const vault = createProvider("vault", async () =>
 *   createCredentials({ secretId: "AKIDEXAMPLE1234", secretKey: "example-key" }, "vault"),
 * );
 * ```
 * @public
 */
export function createProvider(source: string, fetch: () => Promise<Credentials>): CredentialProvider {
  const provider = (): Promise<Credentials> => fetch();
  Object.defineProperty(provider, "source", { value: source, enumerable: true });
  return provider as CredentialProvider;
}
