/**
 * The typed client for the Tencent Cloud CI batch data processing jobs API (`/inventorytriggerjob`):
 * `CiClient` with `describeJob`, `describeJobs`, `listJobs`, `paginateJobs`, `createJob`,
 * `cancelJob` and `waitForJob`; the same operations as standalone, tree-shakable functions on a
 * `CiCore` from `createCiCore`; the credentials layer; the typed errors, their categories and
 * guards; endpoint resolution; the timeout and retry options.
 *
 * @packageDocumentation
 */
export { maskSecretId, REDACTED, redactHeaders, redactText } from "@cibatch/signer";
export type {
  CreateJobRequest,
  CreateNodeJobRequest,
  CreateWorkflowJobRequest,
  JobState,
  JobsDetail,
  ListJobsQuery,
} from "@cibatch/xml-model";
export { CiClient } from "./client.js";
export {
  type CallOptions,
  type CiClientOptions,
  type CiClock,
  type CiCore,
  type CiLogger,
  createCiCore,
  DEFAULT_TIMEOUTS,
  type ResponseMetadata,
  type RetryOptions,
  type TimeoutOptions,
  type WithMetadata,
} from "./core.js";
export {
  createCredentials,
  createProvider,
  type MaskedCredentials,
  maskCredentials,
} from "./credentials/create-credentials.js";
export {
  type CredentialChain,
  type DefaultCredentialChainOptions,
  defaultCredentialChain,
} from "./credentials/default-chain.js";
export { type FromEnvOptions, fromEnv } from "./credentials/from-env.js";
export { type FromProfileFileOptions, fromProfileFile } from "./credentials/from-profile-file.js";
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
} from "./endpoint.js";
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
export type { CiErrorCategory } from "./errors/code-table.js";
export {
  CredentialsError,
  type CredentialsErrorCode,
  type CredentialsErrorOptions,
  isCredentialsError,
} from "./errors/credentials-error.js";
export { type FailedRequest, type RequestSummary, redactUrl } from "./errors/redact.js";
export {
  type InputProblem,
  isValidationError,
  ValidationError,
  type ValidationErrorOptions,
} from "./errors/validation-error.js";
export type { DecodeWarning, FetchLike } from "./http/response.js";
export { DEFAULT_MAX_ATTEMPTS } from "./http/retry-policy.js";
export { type CancelJobResult, cancelJob } from "./operations/cancel-job.js";
export { type CreateJobOptions, createJob } from "./operations/create-job.js";
export { describeJob } from "./operations/describe-job.js";
export { type DescribeJobsResult, describeJobs } from "./operations/describe-jobs.js";
export { type ListJobsResult, listJobs, paginateJobPages, paginateJobs } from "./operations/list-jobs.js";
export { type WaitForJobOptions, waitForJob } from "./operations/wait-for-job.js";
