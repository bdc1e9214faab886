import { describe, expect, it } from "vitest";
import {
  DESCRIBE_SAMPLE,
  ERROR_SAMPLE,
  GO_JOB_REQUEST_BODY,
  LIST_OUTLINE,
  LIST_SAMPLE,
  WORKFLOW_REQUEST_SAMPLE,
} from "./docs-samples.fixture.js";
import { XmlModelError } from "./errors.js";
import { decodeCreateJobRequest, encodeCreateJobRequest } from "./models/create-job-request.js";
import { decodeErrorBody, encodeErrorBody } from "./models/error-body.js";
import {
  decodeCreateJobResponse,
  decodeDescribeJobsResponse,
  decodeListJobsResponse,
  encodeDescribeJobsResponse,
  encodeListJobsResponse,
} from "./models/responses.js";

// Times of the samples, written independently of our parser: 2022-06-27T15:23:10+0800 is 07:23:10 UTC.
const CREATED = new Date("2022-06-27T07:23:10Z");
// biome-ignore lint/suspicious/noTemplateCurlyInString: ${InventoryTriggerJobId} is the API's own placeholder, sent as is.
const OUTPUT_OBJECT = "output/${InventoryTriggerJobId}/out.mp4";
const INTERVAL = { Start: new Date("2022-02-01T04:00:00Z"), End: new Date("2022-05-01T04:00:00Z") };

const DESCRIBED_WORKFLOW_JOB = {
  Code: "Success",
  Type: "Workflow" as const,
  Name: "demo",
  JobId: "b3deffea2f84911ec9cb15254008618d9",
  State: "Running",
  CreationTime: CREATED,
  Input: { Prefix: "input" },
  Operation: { TimeInterval: INTERVAL, WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
};

describe("the batch-job pages' samples", () => {
  it("decodes the describe page's response", () => {
    expect(decodeDescribeJobsResponse(DESCRIBE_SAMPLE)).toEqual({
      RequestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
      JobsDetail: [DESCRIBED_WORKFLOW_JOB],
      NonExistJobIds: [],
    });
  });

  it("decodes the list page's response with both variants", () => {
    const page = decodeListJobsResponse(LIST_SAMPLE);
    expect(page).toEqual({
      RequestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
      NextToken: "25",
      JobsDetail: [
        DESCRIBED_WORKFLOW_JOB,
        {
          Code: "Success",
          Type: "Job",
          Name: "demo",
          JobId: "be8f65004eb8511eaaed4f377124a303c",
          State: "Running",
          CreationTime: CREATED,
          StartTime: new Date("2022-06-27T07:23:11Z"),
          EndTime: new Date("2022-06-27T07:25:10Z"),
          Input: { Prefix: "input" },
          Operation: {
            TimeInterval: INTERVAL,
            QueueId: "p893bcda225bf4945a378da6662e81a89",
            UserData: "this is my inventorytriggerjob",
            CallBack: "https://www.callback.com",
            JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
            Output: {
              Region: "ap-chongqing",
              Bucket: "test-1234567890",
              Object: OUTPUT_OBJECT,
            },
            JobLevel: 0,
          },
        },
      ],
    });
    const job = page.JobsDetail[1];
    // The union narrows: only the Job variant has JobParam.
    expect(job?.Type === "Job" ? job.Operation.JobParam?.TemplateId : undefined).toBe(
      "t1460606b9752148c4ab182f55163ba7cd",
    );
  });

  it("decodes the workflow create page's request", () => {
    expect(decodeCreateJobRequest(WORKFLOW_REQUEST_SAMPLE)).toEqual({
      Name: "demo",
      Type: "Workflow",
      Input: { Prefix: "input" },
      Operation: { TimeInterval: INTERVAL, WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    });
  });

  it("encodes the Go SDK's byte-exact Job-variant create body, and decodes it back", () => {
    const value = {
      Name: "demo",
      Type: "Job",
      Input: { Prefix: "input" },
      Operation: {
        TimeInterval: INTERVAL,
        QueueId: "p893bcda225bf4945a378da6662e81a89",
        UserData: "this is my inventorytriggerjob",
        JobLevel: 1,
        CallBack: "https://www.callback.com",
        Tag: "Transcode",
        JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
        Output: {
          Region: "ap-chongqing",
          Bucket: "test-1234567890",
          Object: OUTPUT_OBJECT,
        },
      },
    } as const;
    expect(encodeCreateJobRequest(value)).toBe(GO_JOB_REQUEST_BODY);
    expect(decodeCreateJobRequest(GO_JOB_REQUEST_BODY)).toEqual(value);
  });

  it("refuses the list page's outline (a placeholder, not a job) when strict, and warns otherwise", () => {
    expect(() => decodeListJobsResponse(LIST_OUTLINE, { strict: true })).toThrow(XmlModelError);
    expect(() => decodeListJobsResponse(LIST_OUTLINE, { strict: true })).toThrow(
      /Response\.JobsDetail\[0\]\.(Name|JobId|State|CreationTime|Input|Operation)/,
    );
    const warnings: string[] = [];
    const page = decodeListJobsResponse(LIST_OUTLINE, { onWarning: (w) => warnings.push(w.path) });
    expect(page.JobsDetail[0]?.$unknown).toEqual(["..."]);
    expect(warnings).toContain("Response.JobsDetail[0].JobId");
  });

  it("decodes an <Error> body (with its XML declaration)", () => {
    expect(decodeErrorBody(ERROR_SAMPLE)).toMatchObject({
      Code: "InvalidArgument",
      Message: "invalid Name",
      RequestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
    });
  });
});

describe("response shapes", () => {
  it("makes JobsDetail and NonExistJobIds arrays whatever the count", () => {
    const none = decodeDescribeJobsResponse(
      "<Response><RequestId>r</RequestId><NonExistJobIds>b1</NonExistJobIds></Response>",
    );
    expect(none.JobsDetail).toEqual([]);
    expect(none.NonExistJobIds).toEqual(["b1"]);
    const two = decodeDescribeJobsResponse(
      "<Response><RequestId>r</RequestId><NonExistJobIds>b1</NonExistJobIds><NonExistJobIds>b2</NonExistJobIds></Response>",
    );
    expect(two.NonExistJobIds).toEqual(["b1", "b2"]);
  });

  it("treats a missing or empty NextToken as the end of the list", () => {
    expect(decodeListJobsResponse("<Response><RequestId>r</RequestId></Response>")).toEqual({
      RequestId: "r",
      JobsDetail: [],
    });
    expect(
      decodeListJobsResponse("<Response><RequestId>r</RequestId><NextToken/></Response>").NextToken,
    ).toBeUndefined();
  });

  it("writes job details as the fake server must: <Message/> and '-' times when absent, documented order", () => {
    const xml = encodeDescribeJobsResponse({
      RequestId: "r",
      JobsDetail: [{ ...DESCRIBED_WORKFLOW_JOB, Operation: { WorkflowIds: "w1" } }],
      NonExistJobIds: [],
    });
    expect(xml).toBe(
      "<Response><RequestId>r</RequestId><JobsDetail><Code>Success</Code><Type>Workflow</Type><Message/>" +
        "<Name>demo</Name><JobId>b3deffea2f84911ec9cb15254008618d9</JobId><State>Running</State>" +
        "<CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>-</StartTime><EndTime>-</EndTime>" +
        "<Input><Prefix>input</Prefix></Input><Operation><WorkflowIds>w1</WorkflowIds></Operation></JobsDetail></Response>",
    );
  });

  it("omits NextToken when absent and writes the error body fields in order", () => {
    expect(encodeListJobsResponse({ RequestId: "r", JobsDetail: [] })).toBe(
      "<Response><RequestId>r</RequestId></Response>",
    );
    expect(encodeErrorBody({ Code: "InvalidArgument", Message: "a<b", RequestId: "r", TraceId: "t" })).toBe(
      "<Error><Code>InvalidArgument</Code><Message>a&lt;b</Message><RequestId>r</RequestId><TraceId>t</TraceId></Error>",
    );
  });

  it("reads a legacy job without Type as a workflow job, and refuses an unknown Type", () => {
    const legacy =
      "<Response><JobsDetail><Message>Success</Message><Name>n</Name><JobId>b1</JobId><State>Submitted</State>" +
      "<CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>2022-06-27T15:23:10+0800</StartTime><EndTime/>" +
      "<Input><Prefix>p</Prefix></Input><Operation><TimeInterval/><WorkflowIds>w1</WorkflowIds></Operation></JobsDetail></Response>";
    const created = decodeCreateJobResponse(legacy);
    expect(created.JobsDetail.Type).toBeUndefined();
    expect(created.JobsDetail.Operation).toEqual({ TimeInterval: {}, WorkflowIds: "w1" });
    expect(created.JobsDetail.EndTime).toBeUndefined();
    expect(() => decodeCreateJobResponse(legacy.replace("<Name>", "<Type>Batch</Type><Name>"))).toThrow(
      /Response\.JobsDetail\.Type: expected <Type> one of Workflow, Job, found "Batch"/,
    );
  });

  it("types JobParam's children, keeps the ones no source names losslessly, and writes them back", () => {
    const body =
      "<Request><Name>n</Name><Type>Job</Type><Input><Object>a.mp4</Object></Input><Operation><Tag>Segment</Tag>" +
      "<JobParam><TemplateId>t1</TemplateId><WatermarkTemplateId>t2</WatermarkTemplateId>" +
      "<WatermarkTemplateId>t3</WatermarkTemplateId><Segment><Format>mp4</Format><Duration>5</Duration></Segment>" +
      "<Unlisted><A>1</A></Unlisted></JobParam>" +
      "<Output><Region>r</Region><Bucket>b-1</Bucket><Object>o</Object></Output></Operation></Request>";
    const request = decodeCreateJobRequest(body);
    expect(request.Type === "Job" ? request.Operation.JobParam : undefined).toEqual({
      TemplateId: "t1",
      WatermarkTemplateId: ["t2", "t3"],
      Segment: { Format: "mp4", Duration: "5" },
      $unknown: [{ name: "Unlisted", children: [{ name: "A", children: ["1"] }] }],
    });
    expect(encodeCreateJobRequest(request)).toBe(body);
  });

  it("reads the Go SDK's NonExistJobId as NonExistJobIds, and an empty <NonExistJobIds/> as no id", () => {
    const response = decodeDescribeJobsResponse(
      "<Response><RequestId>r</RequestId><NonExistJobIds></NonExistJobIds><NonExistJobIds>b1</NonExistJobIds>" +
        "<NonExistJobId>b2</NonExistJobId><NonExistJobId/><NonExistJobId><X/></NonExistJobId><Other>o</Other></Response>",
    );
    expect(response.NonExistJobIds).toEqual(["b1", "b2"]);
    expect(response.$unknown).toEqual([
      { name: "NonExistJobId", children: [{ name: "X", children: [] }] },
      { name: "Other", children: ["o"] },
    ]);
    const only = decodeDescribeJobsResponse(
      "<Response><RequestId>r</RequestId><NonExistJobId>b3</NonExistJobId></Response>",
    );
    expect(only).toEqual({ RequestId: "r", JobsDetail: [], NonExistJobIds: ["b3"] });
  });

  it("reports a missing WorkflowIds or Tag with its path", () => {
    expect(() =>
      decodeCreateJobRequest("<Request><Name>n</Name><Input><Prefix>p</Prefix></Input><Operation/></Request>", {
        strict: true,
      }),
    ).toThrow(expect.objectContaining({ code: "MissingElement", path: "Request.Operation.WorkflowIds" }));
    expect(() =>
      decodeCreateJobRequest(
        "<Request><Name>n</Name><Type>Job</Type><Input><Prefix>p</Prefix></Input><Operation><JobParam/></Operation></Request>",
        { strict: true },
      ),
    ).toThrow(expect.objectContaining({ code: "MissingElement", path: "Request.Operation.Tag" }));
  });

  it("caps error bodies at 64 KiB and list pages at 4 MiB by default", () => {
    const bigError = `<Error><Code>X</Code><Message>${"a".repeat(70 * 1024)}</Message></Error>`;
    expect(() => decodeErrorBody(bigError)).toThrow(expect.objectContaining({ code: "TooLarge" }));
    expect(decodeErrorBody(bigError, { maxBytes: 128 * 1024 }).Code).toBe("X");
    const bigPage = `<Response><RequestId>r</RequestId><NextToken>${"1".repeat(2 * 1024 * 1024)}</NextToken></Response>`;
    expect(decodeListJobsResponse(bigPage).NextToken).toHaveLength(2 * 1024 * 1024);
    expect(() => decodeDescribeJobsResponse(bigPage)).toThrow(expect.objectContaining({ code: "TooLarge" }));
  });
});
