import { defaultCredentialChain } from "./default-chain.js";
import type { CredentialProvider } from "./types.js";

/**
 * The credentials of a client given none, under the `node` condition: the default chain
 * (environment, then the profile file), made on first use. The chain is imported statically: the
 * package's entry exports it anyway, and a dynamic import here made the bundler keep the whole
 * chain (and the profile parser) as a namespace object in every browser bundle. The profile
 * parser itself still loads only when a profile file is read.
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
