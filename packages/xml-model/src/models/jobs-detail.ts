import {
  type Infer,
  type LiteralSchema,
  literal,
  type ObjectSchema,
  type OpenEnumSchema,
  type OptionalSchema,
  object,
  openEnum,
  optional,
  type SchemaNode,
  type TextSchema,
  type TimeSchema,
  text,
  time,
  type UnionSchema,
  union,
} from "../schema.js";
import {
  InputSchema,
  type InputSchemaType,
  JOB_STATES,
  type JobState,
  jobTag,
  type KnownJobTag,
  type NodeOperationFieldsBase,
  nodeOperationFieldsBase,
  OutputSchema,
  type OutputSchemaType,
} from "./common.js";
import { WorkflowOperationSchema, type WorkflowOperationSchemaType } from "./create-job-request.js";
import { JobParamSchema, type JobParamSchemaType } from "./job-param.js";

/**
 * Schema type of {@link NodeJobDetailOperationSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { NodeJobDetailOperationSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type NodeJobDetailOperationSchemaType = ObjectSchema<
  NodeOperationFieldsBase & {
    /** The job kind; absent in some server echoes (the list page's sample has none). */
    Tag: OptionalSchema<OpenEnumSchema<KnownJobTag>>;
    /** Job parameters (opaque, with a typed `TemplateId`). */
    JobParam: OptionalSchema<JobParamSchemaType>;
    /** Where results go; required unless the Tag is `VideoTag`, `ExtractDigitalWatermark`, `MediaInfo` or `QualityEstimate`. */
    Output: OptionalSchema<OutputSchemaType>;
  }
>;

/**
 * `Operation` of an independent-node job as the server echoes it: like the create request's, but `Tag` and
 * `JobParam` are optional (the list page's sample has no `Tag`).
 *
 * @public
 * @example
 * ```ts
 * import { NodeJobDetailOperationSchema } from "@cibatch/xml-model";
 *
 * console.log(NodeJobDetailOperationSchema.byName.get("Tag")?.kind); // "optional"
 * ```
 */
export const NodeJobDetailOperationSchema: NodeJobDetailOperationSchemaType = object({
  ...nodeOperationFieldsBase(),
  Tag: optional(jobTag()),
  JobParam: optional(JobParamSchema),
  Output: optional(OutputSchema),
});

/**
 * `Operation` of an independent-node job detail.
 *
 * @public
 * @example
 * ```ts
 * import type { NodeJobDetailOperation } from "@cibatch/xml-model";
 *
 * const operation: NodeJobDetailOperation = { QueueId: "p893bcda225bf4945a378da6662e81a89", JobLevel: 0 };
 * ```
 */
export type NodeJobDetailOperation = Infer<NodeJobDetailOperationSchemaType>;

/**
 * The schema types of the fields both variants of a job detail share, in the order of the describe/list samples;
 * `TypeSchema` and `Operation` differ per variant.
 *
 * @public
 * @example
 * ```ts
 * import type { JobsDetailFields, LiteralSchema, WorkflowOperationSchemaType } from "@cibatch/xml-model";
 *
 * type JobIdSchema = JobsDetailFields<LiteralSchema<"Workflow">, WorkflowOperationSchemaType>["JobId"];
 * ```
 */
export type JobsDetailFields<TypeSchema extends SchemaNode, Operation extends SchemaNode> = {
  /** Error code of a failed job; `Success` otherwise. */
  Code: OptionalSchema<TextSchema>;
  /** `Workflow` or `Job`; absent for a legacy workflow job. */
  Type: TypeSchema;
  /** Error text of a failed job; absent (`<Message/>`) otherwise. */
  Message: OptionalSchema<TextSchema>;
  /** The job name. */
  Name: TextSchema;
  /** The job id, `b` + 32 hex. */
  JobId: TextSchema;
  /** The job kind, echoed at the top of the detail (Go SDK). */
  Tag: OptionalSchema<TextSchema>;
  /** How far the job is, as the service writes it (Go SDK; e.g. `50`), kept as text. */
  Progress: OptionalSchema<TextSchema>;
  /** The job state: one of {@link "@cibatch/xml-model"!JOB_STATES} (open set). */
  State: OpenEnumSchema<JobState>;
  /** When the job was created. */
  CreationTime: TimeSchema;
  /** When the job started running; absent while the server sends `-` or an empty element. */
  StartTime: OptionalSchema<TimeSchema>;
  /** When the job finished; absent while the server sends `-` or an empty element. */
  EndTime: OptionalSchema<TimeSchema>;
  /** The queue the job runs in, echoed at the top of the detail (Go SDK). */
  QueueId: OptionalSchema<TextSchema>;
  /** Which objects the job processes. */
  Input: InputSchemaType;
  /** The job's operation, echoed from its create request. */
  Operation: Operation;
};

/**
 * Schema type of {@link JobsDetailSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { JobsDetailSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type JobsDetailSchemaType = UnionSchema<
  "Type",
  {
    /** A workflow job (`Type` `Workflow` or absent). */
    Workflow: ObjectSchema<JobsDetailFields<OptionalSchema<LiteralSchema<"Workflow">>, WorkflowOperationSchemaType>>;
    /** An independent-node job (`Type` `Job`). */
    Job: ObjectSchema<JobsDetailFields<LiteralSchema<"Job">, NodeJobDetailOperationSchemaType>>;
  }
>;

function detailFields<T extends SchemaNode, O extends SchemaNode>(type: T, operation: O): JobsDetailFields<T, O> {
  return {
    Code: optional(text()),
    Type: type,
    // Written <Message/> when absent, as the server does.
    Message: optional(text(), { absentAs: "" }),
    Name: text(),
    JobId: text(),
    Tag: optional(text()),
    Progress: optional(text()),
    State: openEnum(JOB_STATES),
    CreationTime: time(),
    // Written "-" until set, as the describe/list samples show.
    StartTime: optional(time(), { absentAs: "-" }),
    EndTime: optional(time(), { absentAs: "-" }),
    QueueId: optional(text()),
    Input: InputSchema,
    Operation: operation,
  };
}

/**
 * `JobsDetail`: one job in a create, describe or list response, a union on `Type`
 * (`Type` absent means a legacy workflow job). `StartTime`/`EndTime` are absent while `-` or empty;
 * `State` is an open enum of the six states.
 *
 * @public
 * @example
 * ```ts
 * import { JobsDetailSchema } from "@cibatch/xml-model";
 *
 * console.log(JobsDetailSchema.absent); // "Workflow"
 * ```
 */
export const JobsDetailSchema: JobsDetailSchemaType = union(
  "Type",
  {
    Workflow: object(detailFields(optional(literal("Workflow")), WorkflowOperationSchema)),
    Job: object(detailFields(literal("Job"), NodeJobDetailOperationSchema)),
  },
  { absent: "Workflow" },
);

/**
 * One job as the server reports it: narrow on `Type`.
 *
 * @public
 * @example
 * ```ts
 * import type { JobsDetail } from "@cibatch/xml-model";
 *
 * function what(job: JobsDetail): string | undefined {
 *   return job.Type === "Job" ? job.Operation.JobParam?.TemplateId : job.Operation.WorkflowIds;
 * }
 * ```
 */
export type JobsDetail = Infer<JobsDetailSchemaType>;

/**
 * A workflow job's detail (`Type` `Workflow` or absent).
 *
 * @public
 * @example
 * ```ts
 * import type { WorkflowJobsDetail } from "@cibatch/xml-model";
 *
 * const job: WorkflowJobsDetail = {
 *   Type: "Workflow",
 *   Name: "demo",
 *   JobId: "b3deffea2f84911ec9cb15254008618d9",
 *   State: "Running",
 *   CreationTime: new Date("2022-06-27T07:23:10Z"),
 *   Input: { Prefix: "input" },
 *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * };
 * ```
 */
export type WorkflowJobsDetail = Extract<
  JobsDetail,
  {
    /** A workflow operation. */
    Operation: {
      /** The workflow id(s). */
      WorkflowIds: string;
    };
  }
>;

/**
 * An independent-node job's detail (`Type` `Job`).
 *
 * @public
 * @example
 * ```ts
 * import type { NodeJobsDetail } from "@cibatch/xml-model";
 *
 * function template(job: NodeJobsDetail): string | undefined {
 *   return job.Operation.JobParam?.TemplateId;
 * }
 * ```
 */
export type NodeJobsDetail = Extract<
  JobsDetail,
  {
    /** Always `Job`. */
    Type: "Job";
  }
>;
