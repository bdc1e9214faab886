/**
 * The typed client for the Tencent Cloud CI batch data processing jobs API. Today this package
 * provides the credentials layer (providers, the default chain, redaction) and the error base;
 * the client itself arrives with a later release.
 *
 * @packageDocumentation
 */
export { createCredentials } from "./credentials/create-credentials.js";
export { createProvider } from "./credentials/create-provider.js";
export {
  type CredentialChain,
  type DefaultCredentialChainOptions,
  defaultCredentialChain,
} from "./credentials/default-chain.js";
export { type FromEnvOptions, fromEnv } from "./credentials/from-env.js";
export { type FromProfileFileOptions, fromProfileFile } from "./credentials/from-profile-file.js";
export { type MaskedCredentials, maskCredentials, maskSecretId, REDACTED } from "./credentials/mask.js";
export {
  type RefreshingCredentialProvider,
  type RefreshingProviderOptions,
  refreshingProvider,
} from "./credentials/refreshing-provider.js";
export { staticCredentials } from "./credentials/static-credentials.js";
export type {
  Clock,
  CredentialProvider,
  Credentials,
  CredentialsFileSystem,
  CredentialsInput,
  CredentialsLogger,
  Environment,
  ResolvedCredentials,
} from "./credentials/types.js";
export { CiError, type CiErrorOptions, isCiError } from "./errors/ci-error.js";
export {
  CredentialsError,
  type CredentialsErrorCode,
  type CredentialsErrorOptions,
  isCredentialsError,
} from "./errors/credentials-error.js";
