import { describe, expectTypeOf, it } from "vitest";
import type { CreateJobRequest } from "./models/create-job-request.js";
import type { JobsDetail, NodeJobDetailOperation } from "./models/jobs-detail.js";
import type { DescribeJobsResponse, ListJobsResponse } from "./models/responses.js";
import { type Infer, object, openEnum, optional, repeated, text } from "./schema.js";
import type { XmlNode } from "./xml-node.js";

describe("Infer of the job models", () => {
  it("narrows the create request on Type", () => {
    const request = {} as CreateJobRequest;
    if (request.Type === "Job") {
      expectTypeOf(request.Operation.Tag).toExtend<string>();
      expectTypeOf(request.Operation.JobParam.TemplateId).toEqualTypeOf<string | undefined>();
      expectTypeOf(request.Operation).not.toHaveProperty("WorkflowIds");
    } else {
      expectTypeOf(request.Type).toEqualTypeOf<"Workflow" | undefined>();
      expectTypeOf(request.Operation.WorkflowIds).toEqualTypeOf<string>();
      expectTypeOf(request.Operation).not.toHaveProperty("JobParam");
    }
  });

  it("narrows a job detail on Type", () => {
    const job = {} as JobsDetail;
    if (job.Type === "Job") {
      expectTypeOf(job.Operation).toEqualTypeOf<NodeJobDetailOperation>();
      expectTypeOf(job.Operation.JobLevel).toEqualTypeOf<number | undefined>();
    } else {
      expectTypeOf(job.Operation.WorkflowIds).toEqualTypeOf<string>();
    }
    expectTypeOf(job.CreationTime).toEqualTypeOf<Date>();
    expectTypeOf(job.StartTime).toEqualTypeOf<Date | undefined>();
    expectTypeOf(job.JobId).toEqualTypeOf<string>();
  });

  it("makes repeated elements arrays and optional ones optional keys", () => {
    expectTypeOf<ListJobsResponse["JobsDetail"]>().toEqualTypeOf<JobsDetail[]>();
    expectTypeOf<DescribeJobsResponse["NonExistJobIds"]>().toEqualTypeOf<string[]>();
    expectTypeOf<ListJobsResponse>().toHaveProperty("NextToken");
    // An optional key may be left out, a required one may not.
    expectTypeOf<{ RequestId: string; JobsDetail: JobsDetail[] }>().toExtend<ListJobsResponse>();
    expectTypeOf<{ JobsDetail: JobsDetail[] }>().not.toExtend<ListJobsResponse>();
    // exactOptionalPropertyTypes: an optional key does not accept an explicit undefined.
    expectTypeOf<{
      RequestId: string;
      JobsDetail: JobsDetail[];
      NextToken: undefined;
    }>().not.toExtend<ListJobsResponse>();
  });

  it("infers the DSL's types", () => {
    const Doc = object({ Id: text(), Note: optional(text()), Tags: repeated(text()), State: openEnum(["A", "B"]) });
    type Doc = Infer<typeof Doc>;
    expectTypeOf<Doc>().toEqualTypeOf<{
      Id: string;
      Tags: string[];
      State: "A" | "B" | (string & {});
      Note?: string;
      $unknown?: XmlNode[];
    }>();
  });
});
