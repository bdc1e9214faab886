/**
 * `@cibatch/xml-model`: a small schema DSL for XML elements (types, decoding and encoding from one
 * declaration, built on fast-xml-parser with safe settings in one place) and the models of the Tencent
 * Cloud CI batch-job API (`/inventorytriggerjob`): create request, job detail, create/describe/list
 * responses, `<Error>` body and list query.
 *
 * @packageDocumentation
 */

export { apiTimeSourceText, DEFAULT_UTC_OFFSET_MINUTES, formatApiTime, parseApiTime } from "./api-time.js";
export { type DecodeOptions, type DecodeWarning, decode, type ModelDecodeOptions } from "./decode.js";
export { type EncodeOptions, encode, type ModelEncodeOptions } from "./encode.js";
export {
  isXmlModelError,
  MAX_EXCERPT_LENGTH,
  XmlModelError,
  type XmlModelErrorCode,
  type XmlModelErrorDetails,
} from "./errors.js";
export {
  addXmlNodesToJson,
  type FromJsonOptions,
  fromJsonValue,
  type JsonProblem,
  type JsonValue,
  plainJson,
  toJsonValue,
  xmlNodesToJson,
} from "./json-value.js";
export {
  CallBackKafkaConfigSchema,
  type CallBackKafkaConfigSchemaType,
  CallBackMqConfigSchema,
  type CallBackMqConfigSchemaType,
  DOCUMENTED_JOB_TAGS,
  InputSchema,
  type InputSchemaType,
  JOB_STATES,
  JOB_TAGS,
  type JobInput,
  type JobOutput,
  type JobState,
  type KnownJobTag,
  type NodeOperationFieldsBase,
  OutputSchema,
  type OutputSchemaType,
  StreamExtractSchema,
  type StreamExtractSchemaType,
  type TimeInterval,
  TimeIntervalSchema,
  type TimeIntervalSchemaType,
} from "./models/common.js";
export {
  type CreateJobRequest,
  CreateJobRequestSchema,
  type CreateJobRequestSchemaType,
  type CreateNodeJobRequest,
  type CreateWorkflowJobRequest,
  decodeCreateJobRequest,
  encodeCreateJobRequest,
  type NodeJobOperation,
  NodeJobOperationSchema,
  type NodeJobOperationSchemaType,
  type WorkflowOperation,
  WorkflowOperationSchema,
  type WorkflowOperationSchemaType,
} from "./models/create-job-request.js";
export {
  decodeErrorBody,
  type ErrorBody,
  ErrorBodySchema,
  type ErrorBodySchemaType,
  encodeErrorBody,
} from "./models/error-body.js";
export * from "./models/job-param.js";
export {
  type JobsDetail,
  type JobsDetailFields,
  JobsDetailSchema,
  type JobsDetailSchemaType,
  type NodeJobDetailOperation,
  NodeJobDetailOperationSchema,
  type NodeJobDetailOperationSchemaType,
  type NodeJobsDetail,
  type WorkflowJobsDetail,
} from "./models/jobs-detail.js";
export {
  LIST_QUERY_PARAMS,
  type ListJobsQuery,
  type ListQueryOptions,
  listQueryFromParams,
  listQueryToParams,
  listQueryToSearch,
} from "./models/list-query.js";
export {
  type CreateJobResponse,
  CreateJobResponseSchema,
  type CreateJobResponseSchemaType,
  type DescribeJobsResponse,
  DescribeJobsResponseSchema,
  type DescribeJobsResponseSchemaType,
  decodeCreateJobResponse,
  decodeDescribeJobsResponse,
  decodeListJobsResponse,
  encodeCreateJobResponse,
  encodeDescribeJobsResponse,
  encodeListJobsResponse,
  type ListJobsResponse,
  ListJobsResponseSchema,
  type ListJobsResponseSchemaType,
} from "./models/responses.js";
export {
  MAX_JOB_NAME_LENGTH,
  type ValidateCreateJobRequestOptions,
  type ValidationProblem,
  validateCreateJobRequest,
} from "./models/validate-create-job-request.js";
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from "./parse-document.js";
export {
  type BooleanSchema,
  boolean,
  type FieldMap,
  type Infer,
  type IntegerSchema,
  integer,
  type LiteralSchema,
  literal,
  type ObjectSchema,
  type ObjectSchemaNode,
  type ObjectValue,
  type OpaqueSchema,
  type OpenEnum,
  type OpenEnumSchema,
  type OptionalOptions,
  type OptionalSchema,
  type OptionalSchemaNode,
  object,
  opaque,
  openEnum,
  optional,
  type RepeatedSchema,
  repeated,
  type Schema,
  type SchemaKind,
  type SchemaNode,
  type TextSchema,
  type TimeSchema,
  text,
  time,
  type UnionOptions,
  type UnionSchema,
  union,
  type VariantMap,
} from "./schema.js";
export { UNKNOWN_KEY, type XmlElement, type XmlNode } from "./xml-node.js";
