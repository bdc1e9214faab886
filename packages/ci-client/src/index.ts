/**
 * The typed client for the Tencent Cloud CI batch data processing jobs API (`/inventorytriggerjob`):
 * `CiClient` with `describeJob`, `describeJobs`, `listJobs`, `paginateJobs`, `createJob`,
 * `cancelJob` and `waitForJob`; the same operations as standalone, tree-shakable functions on a
 * `CiCore` from `createCiCore` (import only what you call); the credentials layer (providers, the default chain, redaction);
 * the typed errors and their guards; endpoint resolution; the timeout and retry options.
 *
 * @packageDocumentation
 */
export type {
  CreateJobRequest,
  CreateNodeJobRequest,
  CreateWorkflowJobRequest,
  JobState,
  JobsDetail,
  ListJobsQuery,
} from "@cibatch/xml-model";
export { CiClient } from "./client/ci-client.js";
export type { CiCore } from "./client/client-core.js";
export { createCiCore } from "./client/create-ci-core.js";
export type { CiLogger } from "./client/logger.js";
export type { ResponseMetadata, WithMetadata } from "./client/metadata.js";
export type { CallOptions, CiClientOptions, CiClock } from "./client/options.js";
export { cancelJob } from "./commands/cancel-job.js";
export { createJob } from "./commands/create-job.js";
export { describeJob } from "./commands/describe-job.js";
export { describeJobs } from "./commands/describe-jobs.js";
export { listJobs } from "./commands/list-jobs.js";
export { paginateJobPages, paginateJobs } from "./commands/paginate-jobs.js";
export { waitForJob } from "./commands/wait-for-job.js";
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
export {
  ciHost,
  type EndpointOptions,
  type EndpointOverride,
  type ResolvedEndpoint,
  resolveEndpoint,
} from "./endpoint/endpoint.js";
export {
  AmbiguousCreateError,
  type AmbiguousCreateErrorOptions,
  type AmbiguousCreateReason,
  isAmbiguousCreateError,
} from "./errors/ambiguous-create-error.js";
export { CiAbortError, isCiAbortError } from "./errors/ci-abort-error.js";
export { CiError, type CiErrorOptions, isCiError } from "./errors/ci-error.js";
export { CiNetworkError, type CiNetworkErrorOptions, isCiNetworkError } from "./errors/ci-network-error.js";
export {
  CiResponseError,
  type CiResponseErrorCode,
  type CiResponseErrorOptions,
  isCiResponseError,
} from "./errors/ci-response-error.js";
export { CiServiceError, type CiServiceErrorOptions, isCiServiceError } from "./errors/ci-service-error.js";
export {
  CiTimeoutError,
  type CiTimeoutErrorCode,
  type CiTimeoutErrorOptions,
  isCiTimeoutError,
  type TimeoutKind,
} from "./errors/ci-timeout-error.js";
export {
  CredentialsError,
  type CredentialsErrorCode,
  type CredentialsErrorOptions,
  isCredentialsError,
} from "./errors/credentials-error.js";
export { redactHeaders, redactText, redactUrl } from "./errors/redact.js";
export type { FailedRequest, RequestSummary } from "./errors/request-summary.js";
export {
  type InputProblem,
  isValidationError,
  ValidationError,
  type ValidationErrorOptions,
} from "./errors/validation-error.js";
export type { CancelJobResult } from "./operations/cancel-job.js";
export type { CreateJobOptions } from "./operations/create-job.js";
export type { DescribeJobsResult } from "./operations/describe-jobs.js";
export type { ListJobsPage } from "./operations/list-jobs.js";
export type { WaitForJobOptions } from "./operations/wait-for-job.js";
export { DEFAULT_MAX_ATTEMPTS } from "./retry/constants.js";
export type { FetchLike } from "./transport/transport.js";
export type { RetryOptions } from "./validation/retry-options.js";
export { DEFAULT_TIMEOUTS, type TimeoutOptions } from "./validation/timeouts.js";
