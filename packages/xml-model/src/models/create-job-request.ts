import { decode, type ModelDecodeOptions } from "../decode.js";
import { encode, type ModelEncodeOptions } from "../encode.js";
import {
  type Infer,
  type LiteralSchema,
  literal,
  type ObjectSchema,
  type OpenEnumSchema,
  type OptionalSchema,
  object,
  optional,
  type TextSchema,
  text,
  type UnionSchema,
  union,
} from "../schema.js";
import {
  InputSchema,
  type InputSchemaType,
  jobTag,
  type KnownJobTag,
  type NodeOperationFieldsBase,
  nodeOperationFieldsBase,
  OutputSchema,
  type OutputSchemaType,
  TimeIntervalSchema,
  type TimeIntervalSchemaType,
} from "./common.js";
import { JobParamSchema, type JobParamSchemaType } from "./job-param.js";

/**
 * Schema type of {@link WorkflowOperationSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { WorkflowOperationSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type WorkflowOperationSchemaType = ObjectSchema<{
  /** Filter on the objects' upload time (takes effect with `Input.Prefix`); an empty element means no filter. */
  TimeInterval: OptionalSchema<TimeIntervalSchemaType>;
  /** The workflow id(s) to trigger (`w` + 32 hex); several may be joined with `,`. */
  WorkflowIds: TextSchema;
}>;

/**
 * `Operation` of a workflow job: the workflow id(s) (several may be joined with `,`) and an optional
 * upload-time filter.
 *
 * @public
 * @example
 * ```ts
 * import { WorkflowOperationSchema } from "@cibatch/xml-model";
 *
 * console.log([...WorkflowOperationSchema.byName.keys()]); // ["TimeInterval", "WorkflowIds"]
 * ```
 */
export const WorkflowOperationSchema: WorkflowOperationSchemaType = object({
  TimeInterval: optional(TimeIntervalSchema),
  WorkflowIds: text(),
});

/**
 * `Operation` of a workflow job.
 *
 * @public
 * @example
 * ```ts
 * import type { WorkflowOperation } from "@cibatch/xml-model";
 *
 * const operation: WorkflowOperation = { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" };
 * ```
 */
export type WorkflowOperation = Infer<WorkflowOperationSchemaType>;

/**
 * Schema type of {@link NodeJobOperationSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { NodeJobOperationSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type NodeJobOperationSchemaType = ObjectSchema<
  NodeOperationFieldsBase & {
    /** The job kind (see {@link @cibatch/xml-model!JOB_TAGS}; any other string is accepted too). */
    Tag: OpenEnumSchema<KnownJobTag>;
    /** Job parameters (opaque, with a typed `TemplateId`). */
    JobParam: JobParamSchemaType;
    /** Where results go; required unless the Tag is `VideoTag`, `ExtractDigitalWatermark`, `MediaInfo` or `QualityEstimate`. */
    Output: OptionalSchema<OutputSchemaType>;
  }
>;

/**
 * `Operation` of an independent-node (`Type` `Job`) create request: `Tag` and `JobParam` are required;
 * fields are written in the Go SDK's order, so the Go SDK's byte-exact test body is reproduced.
 *
 * @public
 * @example
 * ```ts
 * import { NodeJobOperationSchema } from "@cibatch/xml-model";
 *
 * console.log(NodeJobOperationSchema.byName.has("JobParam")); // true
 * ```
 */
export const NodeJobOperationSchema: NodeJobOperationSchemaType = object({
  ...nodeOperationFieldsBase(),
  Tag: jobTag(),
  JobParam: JobParamSchema,
  Output: optional(OutputSchema),
});

/**
 * `Operation` of an independent-node create request.
 *
 * @public
 * @example
 * ```ts
 * import type { NodeJobOperation } from "@cibatch/xml-model";
 *
 * const operation: NodeJobOperation = {
 *   Tag: "Transcode",
 *   JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
 *   Output: { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out.mp4" },
 * };
 * ```
 */
export type NodeJobOperation = Infer<NodeJobOperationSchemaType>;

/**
 * Schema type of {@link CreateJobRequestSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { CreateJobRequestSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type CreateJobRequestSchemaType = UnionSchema<
  "Type",
  {
    /** A workflow create request (`Type` `Workflow` or absent). */
    Workflow: ObjectSchema<{
      /** The job name: at most 128 characters (letters, digits, `-`, `_`; Chinese in the zh docs). */
      Name: TextSchema;
      /** The job type: `Job`, or `Workflow` (which may be left out). */
      Type: OptionalSchema<LiteralSchema<"Workflow">>;
      /** Which objects to process. */
      Input: InputSchemaType;
      /** What to do with each object. */
      Operation: WorkflowOperationSchemaType;
    }>;
    /** An independent-node create request (`Type` `Job`). */
    Job: ObjectSchema<{
      /** The job name: at most 128 characters (letters, digits, `-`, `_`; Chinese in the zh docs). */
      Name: TextSchema;
      /** The job type: `Job`, or `Workflow` (which may be left out). */
      Type: LiteralSchema<"Job">;
      /** Which objects to process. */
      Input: InputSchemaType;
      /** What to do with each object. */
      Operation: NodeJobOperationSchemaType;
    }>;
  }
>;

/**
 * The body of `POST /inventorytriggerjob` (root `<Request>`): a union on `Type`. `Workflow` (also when
 * `Type` is absent, as in the oldest create page) needs `WorkflowIds`; `Job` needs `Tag` and `JobParam`.
 *
 * @public
 * @example
 * ```ts
 * import { CreateJobRequestSchema } from "@cibatch/xml-model";
 *
 * console.log(Object.keys(CreateJobRequestSchema.variants)); // ["Workflow", "Job"]
 * ```
 */
export const CreateJobRequestSchema: CreateJobRequestSchemaType = union(
  "Type",
  {
    /** A workflow create request (`Type` `Workflow` or absent). */
    Workflow: object({
      Name: text(),
      Type: optional(literal("Workflow")),
      Input: InputSchema,
      Operation: WorkflowOperationSchema,
    }),
    /** An independent-node create request (`Type` `Job`). */
    Job: object({
      Name: text(),
      Type: literal("Job"),
      Input: InputSchema,
      Operation: NodeJobOperationSchema,
    }),
  },
  { absent: "Workflow" },
);

/**
 * A create request: narrow on `Type` (`"Job"`, or `"Workflow"`/absent).
 *
 * @public
 * @example
 * ```ts
 * import type { CreateJobRequest } from "@cibatch/xml-model";
 *
 * function kind(request: CreateJobRequest): string {
 *   return request.Type === "Job" ? request.Operation.Tag : request.Operation.WorkflowIds;
 * }
 * ```
 */
export type CreateJobRequest = Infer<CreateJobRequestSchemaType>;

/**
 * A workflow create request (`Type` `Workflow` or absent).
 *
 * @public
 * @example
 * ```ts
 * import type { CreateWorkflowJobRequest } from "@cibatch/xml-model";
 *
 * const request: CreateWorkflowJobRequest = {
 *   Name: "demo",
 *   Type: "Workflow",
 *   Input: { Prefix: "input" },
 *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * };
 * ```
 */
export type CreateWorkflowJobRequest = Extract<
  CreateJobRequest,
  {
    /** A workflow operation. */
    Operation: WorkflowOperation;
  }
>;

/**
 * An independent-node create request (`Type` `Job`).
 *
 * @public
 * @example
 * ```ts
 * import type { CreateNodeJobRequest } from "@cibatch/xml-model";
 *
 * const request: CreateNodeJobRequest = {
 *   Name: "demo",
 *   Type: "Job",
 *   Input: { Prefix: "input" },
 *   Operation: { Tag: "Transcode", JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" } },
 * };
 * ```
 */
export type CreateNodeJobRequest = Extract<
  CreateJobRequest,
  {
    /** Always `Job`. */
    Type: "Job";
  }
>;

/**
 * Encodes a create request as the `<Request>` body (no XML declaration, as the Go SDK).
 *
 * Does not validate the API's rules beyond the schema; call {@link validateCreateJobRequest} first.
 *
 * @throws {@link XmlModelError} `InvalidValue` for a value that does not fit the schema
 * @public
 * @example
 * ```ts
 * import { encodeCreateJobRequest } from "@cibatch/xml-model";
 *
 * const body = encodeCreateJobRequest({
 *   Name: "demo",
 *   Type: "Workflow",
 *   Input: { Prefix: "input" },
 *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * });
 * ```
 */
export function encodeCreateJobRequest(value: CreateJobRequest, options?: ModelEncodeOptions): string {
  return encode(CreateJobRequestSchema, value, { ...options, root: "Request" });
}

/**
 * Decodes a `<Request>` create body (what the fake server receives).
 *
 * @throws {@link XmlModelError} for a malformed body, a missing `Name`/`Input`/`Operation`/`WorkflowIds`/
 *   `Tag`/`JobParam`, or a `Type` other than `Workflow`/`Job`
 * @public
 * @example
 * ```ts
 * import { decodeCreateJobRequest } from "@cibatch/xml-model";
 *
 * const request = decodeCreateJobRequest(
 *   "<Request><Name>demo</Name><Input><Prefix>input</Prefix></Input><Operation><WorkflowIds>w1</WorkflowIds></Operation></Request>",
 * );
 * request.Type; // undefined: a workflow job
 * ```
 */
export function decodeCreateJobRequest(xml: string | Uint8Array, options?: ModelDecodeOptions): CreateJobRequest {
  return decode(CreateJobRequestSchema, xml, { ...options, root: "Request" });
}
