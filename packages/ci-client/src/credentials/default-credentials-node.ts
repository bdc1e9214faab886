import type { CredentialProvider } from "./types.js";

/**
 * The credentials of a client given none, under the `node` condition: the default chain
 * (environment, then the profile file), loaded on first use so that a client with explicit
 * credentials never loads the file-reading code (cold import time).
 * @internal
 */
export function defaultCredentials(logger: { warn(message: string): void } | undefined): CredentialProvider {
  let chain: Promise<CredentialProvider> | undefined;
  const provider = async () => {
    chain ??= import("./default-chain.js").then((m) => m.defaultCredentialChain(logger ? { logger } : {}));
    return (await chain)();
  };
  return Object.assign(provider, { source: "default-chain" });
}
