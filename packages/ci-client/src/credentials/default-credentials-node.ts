import { defaultCredentialChain } from "./default-chain.js";
import type { CredentialProvider } from "./types.js";

/**
 * The credentials of a client given none, under the `node` condition: the default chain
 * (environment, then the profile file), made on first use. Imported statically: the entry exports
 * it anyway, and a dynamic import kept it, and the profile parser, in every browser bundle.
 * @internal
 */
export function defaultCredentials(logger: { warn(message: string): void } | undefined): CredentialProvider {
  let chain: CredentialProvider | undefined;
  const provider = async () => {
    chain ??= defaultCredentialChain(logger ? { logger } : {});
    return chain();
  };
  return Object.assign(provider, { source: "default-chain" });
}
