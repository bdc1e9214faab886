import { decode, type ModelDecodeOptions } from "../decode.js";
import { encode, type ModelEncodeOptions } from "../encode.js";
import {
  type Infer,
  type ObjectSchema,
  type OptionalSchema,
  object,
  optional,
  type RepeatedSchema,
  repeated,
  type TextSchema,
  text,
} from "../schema.js";
import type { XmlNode } from "../xml-node.js";
import { JobsDetailSchema, type JobsDetailSchemaType } from "./jobs-detail.js";

/** Default size cap of a list page: 4 MiB (100 jobs with full parameters fit many times over). */
const LIST_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Schema type of {@link CreateJobResponseSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { CreateJobResponseSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type CreateJobResponseSchemaType = ObjectSchema<{
  /** The request id (also in the `x-ci-request-id` header). */
  RequestId: OptionalSchema<TextSchema>;
  /** The created job. */
  JobsDetail: JobsDetailSchemaType;
}>;

/**
 * The `<Response>` of a create: the new job. `RequestId` is optional (the workflow page's sample omits it).
 *
 * @public
 * @example
 * ```ts
 * import { CreateJobResponseSchema } from "@cibatch/xml-model";
 *
 * console.log([...CreateJobResponseSchema.byName.keys()]); // ["RequestId", "JobsDetail"]
 * ```
 */
export const CreateJobResponseSchema: CreateJobResponseSchemaType = object({
  RequestId: optional(text()),
  JobsDetail: JobsDetailSchema,
});

/**
 * The response of `POST /inventorytriggerjob`.
 *
 * @public
 * @example
 * ```ts
 * import type { CreateJobResponse } from "@cibatch/xml-model";
 *
 * function jobId(response: CreateJobResponse): string {
 *   return response.JobsDetail.JobId;
 * }
 * ```
 */
export type CreateJobResponse = Infer<CreateJobResponseSchemaType>;

/**
 * Schema type of {@link DescribeJobsResponseSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { DescribeJobsResponseSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type DescribeJobsResponseSchemaType = ObjectSchema<{
  /** The request id (also in the `x-ci-request-id` header). */
  RequestId: TextSchema;
  /** The jobs found, in the order asked (always an array). */
  JobsDetail: RepeatedSchema<JobsDetailSchemaType>;
  /** The asked ids that do not exist, one element per id (always an array). */
  NonExistJobIds: RepeatedSchema<TextSchema>;
}>;

/**
 * The `<Response>` of a describe: 0..n `JobsDetail` and 0..n `NonExistJobIds` (one element per missing id
 * when several ids are asked), both always arrays.
 *
 * @public
 * @example
 * ```ts
 * import { DescribeJobsResponseSchema } from "@cibatch/xml-model";
 *
 * console.log(DescribeJobsResponseSchema.byName.get("NonExistJobIds")?.kind); // "repeated"
 * ```
 */
export const DescribeJobsResponseSchema: DescribeJobsResponseSchemaType = object({
  RequestId: text(),
  JobsDetail: repeated(JobsDetailSchema),
  NonExistJobIds: repeated(text()),
});

/**
 * The response of `GET /inventorytriggerjob/<id>[,<id>...]`.
 *
 * @public
 * @example
 * ```ts
 * import type { DescribeJobsResponse } from "@cibatch/xml-model";
 *
 * function found(response: DescribeJobsResponse): boolean {
 *   return response.NonExistJobIds.length === 0;
 * }
 * ```
 */
export type DescribeJobsResponse = Infer<DescribeJobsResponseSchemaType>;

/**
 * Schema type of {@link ListJobsResponseSchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { ListJobsResponseSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type ListJobsResponseSchemaType = ObjectSchema<{
  /** The request id (also in the `x-ci-request-id` header). */
  RequestId: TextSchema;
  /** The jobs of this page (always an array). */
  JobsDetail: RepeatedSchema<JobsDetailSchemaType>;
  /** Cursor of the next page (pass it as `nextToken`); absent on the last page. */
  NextToken: OptionalSchema<TextSchema>;
}>;

/**
 * The `<Response>` of a list: 0..n `JobsDetail` (always an array) and the `NextToken` cursor, absent when
 * missing or empty (the end of the list).
 *
 * @public
 * @example
 * ```ts
 * import { ListJobsResponseSchema } from "@cibatch/xml-model";
 *
 * console.log(ListJobsResponseSchema.byName.has("NextToken")); // true
 * ```
 */
export const ListJobsResponseSchema: ListJobsResponseSchemaType = object({
  RequestId: text(),
  JobsDetail: repeated(JobsDetailSchema),
  NextToken: optional(text()),
});

/**
 * The response of `GET /inventorytriggerjob?<query>`.
 *
 * @public
 * @example
 * ```ts
 * import type { ListJobsResponse } from "@cibatch/xml-model";
 *
 * function more(page: ListJobsResponse): boolean {
 *   return page.NextToken !== undefined;
 * }
 * ```
 */
export type ListJobsResponse = Infer<ListJobsResponseSchemaType>;

/**
 * Decodes the `<Response>` of a create.
 *
 * @throws {@link XmlModelError} for any malformed, hostile or non-conforming body
 * @public
 * @example
 * ```ts
 * import { decodeCreateJobResponse } from "@cibatch/xml-model";
 *
 * const response = decodeCreateJobResponse(
 *   "<Response><JobsDetail><Name>demo</Name><JobId>b1</JobId><State>Submitted</State>" +
 *     "<CreationTime>2022-06-27T15:23:10+0800</CreationTime><Input><Prefix>in</Prefix></Input>" +
 *     "<Operation><WorkflowIds>w1</WorkflowIds></Operation></JobsDetail></Response>",
 * );
 * response.JobsDetail.JobId; // "b1"
 * ```
 */
export function decodeCreateJobResponse(xml: string | Uint8Array, options?: ModelDecodeOptions): CreateJobResponse {
  return decode(CreateJobResponseSchema, xml, { ...options, root: "Response" });
}

/**
 * Encodes the `<Response>` of a create (what the fake server answers).
 *
 * @throws {@link XmlModelError} `InvalidValue` for a value that does not fit the schema
 * @public
 * @example
 * ```ts
 * import { encodeCreateJobResponse } from "@cibatch/xml-model";
 *
 * encodeCreateJobResponse({
 *   RequestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
 *   JobsDetail: {
 *     Code: "Success",
 *     Type: "Workflow",
 *     Name: "demo",
 *     JobId: "b3deffea2f84911ec9cb15254008618d9",
 *     State: "Submitted",
 *     CreationTime: new Date("2022-06-27T07:23:10Z"),
 *     Input: { Prefix: "input" },
 *     Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 *   },
 * });
 * ```
 */
export function encodeCreateJobResponse(value: CreateJobResponse, options?: ModelEncodeOptions): string {
  return encode(CreateJobResponseSchema, value, { ...options, root: "Response" });
}

/**
 * Decodes the `<Response>` of a describe.
 *
 * @throws {@link XmlModelError} for any malformed, hostile or non-conforming body
 * @public
 * @example
 * ```ts
 * import { decodeDescribeJobsResponse } from "@cibatch/xml-model";
 *
 * const response = decodeDescribeJobsResponse(
 *   "<Response><RequestId>r</RequestId><NonExistJobIds>b0</NonExistJobIds></Response>",
 * );
 * response.JobsDetail; // []
 * response.NonExistJobIds; // ["b0"]
 * ```
 */
export function decodeDescribeJobsResponse(
  xml: string | Uint8Array,
  options?: ModelDecodeOptions,
): DescribeJobsResponse {
  const response = decode(DescribeJobsResponseSchema, xml, { ...options, root: "Response" });
  return mergeNonExistJobId(response);
}

/**
 * The describe page names the missing ids `NonExistJobIds`; the Go SDK reads `NonExistJobId`. Both are accepted:
 * a text-only `NonExistJobId` joins `NonExistJobIds`, and an empty element (the page's sample sends
 * `<NonExistJobIds></NonExistJobIds>` when every job exists) adds no id.
 */
function mergeNonExistJobId(response: DescribeJobsResponse): DescribeJobsResponse {
  let ids = response.NonExistJobIds;
  if (ids.includes("")) ids = ids.filter((id) => id !== "");
  const unknown = response.$unknown;
  if (unknown !== undefined) {
    const rest: XmlNode[] = [];
    for (const node of unknown) {
      const text = typeof node === "string" || node.name !== "NonExistJobId" ? undefined : textOnly(node.children);
      if (text === undefined) rest.push(node);
      else if (text !== "") ids = [...ids, text];
    }
    if (rest.length !== unknown.length) {
      if (rest.length > 0) response.$unknown = rest;
      else delete response.$unknown;
    }
  }
  response.NonExistJobIds = ids;
  return response;
}

function textOnly(children: readonly XmlNode[]): string | undefined {
  let text = "";
  for (const child of children) {
    if (typeof child !== "string") return undefined;
    text += child;
  }
  return text;
}

/**
 * Encodes the `<Response>` of a describe.
 *
 * @throws {@link XmlModelError} `InvalidValue` for a value that does not fit the schema
 * @public
 * @example
 * ```ts
 * import { encodeDescribeJobsResponse } from "@cibatch/xml-model";
 *
 * encodeDescribeJobsResponse({ RequestId: "r", JobsDetail: [], NonExistJobIds: ["b0"] });
 * // "<Response><RequestId>r</RequestId><NonExistJobIds>b0</NonExistJobIds></Response>"
 * ```
 */
export function encodeDescribeJobsResponse(value: DescribeJobsResponse, options?: ModelEncodeOptions): string {
  return encode(DescribeJobsResponseSchema, value, { ...options, root: "Response" });
}

/**
 * Decodes the `<Response>` of a list page. The size cap defaults to 4 MiB.
 *
 * @throws {@link XmlModelError} for any malformed, hostile or non-conforming body
 * @public
 * @example
 * ```ts
 * import { decodeListJobsResponse } from "@cibatch/xml-model";
 *
 * const page = decodeListJobsResponse("<Response><RequestId>r</RequestId><NextToken>25</NextToken></Response>");
 * page.JobsDetail; // []
 * page.NextToken; // "25"
 * ```
 */
export function decodeListJobsResponse(xml: string | Uint8Array, options?: ModelDecodeOptions): ListJobsResponse {
  return decode(ListJobsResponseSchema, xml, { maxBytes: LIST_MAX_BYTES, ...options, root: "Response" });
}

/**
 * Encodes the `<Response>` of a list page.
 *
 * @throws {@link XmlModelError} `InvalidValue` for a value that does not fit the schema
 * @public
 * @example
 * ```ts
 * import { encodeListJobsResponse } from "@cibatch/xml-model";
 *
 * encodeListJobsResponse({ RequestId: "r", JobsDetail: [], NextToken: "25" });
 * // "<Response><RequestId>r</RequestId><NextToken>25</NextToken></Response>"
 * ```
 */
export function encodeListJobsResponse(value: ListJobsResponse, options?: ModelEncodeOptions): string {
  return encode(ListJobsResponseSchema, value, { ...options, root: "Response" });
}
