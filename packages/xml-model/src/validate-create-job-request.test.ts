import { describe, expect, it } from "vitest";
import type { CreateJobRequest } from "./models/create-job-request.js";
import { type ValidationProblem, validateCreateJobRequest } from "./models/validate-create-job-request.js";

const paths = (request: unknown, options?: Parameters<typeof validateCreateJobRequest>[1]): string[] =>
  validateCreateJobRequest(request as CreateJobRequest, options).map((p) => p.path);

const workflow = {
  Name: "demo",
  Type: "Workflow",
  Input: { Prefix: "input" },
  Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
} as const;

const QueueId = "p893bcda225bf4945a378da6662e81a89";

const job = {
  Name: "demo",
  Type: "Job",
  Input: { Prefix: "input" },
  Operation: {
    Tag: "Transcode",
    QueueId,
    JobParam: { TemplateId: "t1" },
    Output: { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out.mp4" },
  },
} as const;

describe("validateCreateJobRequest", () => {
  it("accepts the documented samples", () => {
    expect(validateCreateJobRequest(workflow)).toEqual([]);
    expect(validateCreateJobRequest({ ...workflow, Type: undefined } as never)).toEqual([]);
    expect(validateCreateJobRequest(job)).toEqual([]);
    expect(paths({ ...workflow, Name: "数据万象_job—1-a" })).toEqual([]);
  });

  it("accepts what the Python SDK's own test creates: ImageInspect with no Output (an SDK-only tag), silently", () => {
    const warnings: ValidationProblem[] = [];
    const request = {
      Name: "image-inspect-auto-move-batch-process",
      Type: "Job",
      Input: { Object: "test.png" },
      Operation: { Tag: "ImageInspect", JobParam: { ImageInspect: { AutoProcess: "false" } } },
    };
    expect(paths(request, { onWarning: (w) => warnings.push(w) })).toEqual([]);
    // Only the QueueId the page marks required (and the SDK leaves out) is worth a word.
    expect(warnings.map((w) => w.path)).toEqual(["Request.Operation.QueueId"]);
    expect(
      paths({ ...request, Operation: { ...request.Operation, QueueId } }, { onWarning: (w) => warnings.push(w) }),
    ).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it("lets an unknown Tag pass, with a warning and without the Output rules", () => {
    const warnings: ValidationProblem[] = [];
    const request = { ...job, Operation: { Tag: "SomethingNew", QueueId, JobParam: {} } };
    expect(paths(request, { onWarning: (w) => warnings.push(w) })).toEqual([]);
    expect(warnings).toEqual([
      { path: "Request.Operation.Tag", message: expect.stringContaining('"SomethingNew" is not one') },
    ]);
  });

  it("reports every problem at once, each with its path", () => {
    const problems = validateCreateJobRequest({
      Name: "bad name!",
      Type: "Job",
      Input: {},
      Operation: { Tag: "Transcode", JobParam: {}, JobLevel: 3 },
    } as never);
    expect(problems.map((p) => p.path)).toEqual([
      "Request.Name",
      "Request.Input",
      "Request.Operation.JobLevel",
      "Request.Operation.Output",
    ]);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
  });

  it("checks the Name's presence, length and charset", () => {
    expect(paths({ ...workflow, Name: "" })).toEqual(["Request.Name"]);
    expect(paths({ ...workflow, Name: "a".repeat(128) })).toEqual([]);
    expect(paths({ ...workflow, Name: "数".repeat(128) })).toEqual([]);
    expect(paths({ ...workflow, Name: "a".repeat(129) })).toEqual(["Request.Name"]);
    expect(paths({ ...workflow, Name: "a b" })).toEqual(["Request.Name"]);
  });

  it("checks the variant's required elements", () => {
    expect(paths({ ...workflow, Operation: {} })).toEqual(["Request.Operation.WorkflowIds"]);
    expect(paths({ ...workflow, Operation: { WorkflowIds: " " } })).toEqual(["Request.Operation.WorkflowIds"]);
    expect(paths({ ...workflow, Type: "Batch" })).toEqual(["Request.Type"]);
    expect(paths({ ...job, Operation: { QueueId, Output: job.Operation.Output } })).toEqual([
      "Request.Operation.Tag",
      "Request.Operation.JobParam",
    ]);
    expect(paths({ ...job, Operation: { ...job.Operation, Tag: "" } })).toEqual(["Request.Operation.Tag"]);
    expect(paths({ Name: "n" })).toEqual(["Request.Input", "Request.Operation"]);
    expect(paths(null)).toEqual(["Request"]);
  });

  it("checks types at any depth, and refuses fields the model does not have", () => {
    expect(
      paths({
        ...job,
        Operation: {
          ...job.Operation,
          JobLevel: "1",
          JobParam: { Segment: { Duration: 5, HlsEncrypt: { IsHlsEncrypt: "yes" } }, WatermarkTemplateId: "t2" },
          Extra: "x",
        },
      }),
    ).toEqual([
      "Request.Operation.JobParam.Segment.Duration",
      "Request.Operation.JobParam.Segment.HlsEncrypt.IsHlsEncrypt",
      "Request.Operation.JobParam.WatermarkTemplateId",
      "Request.Operation.JobLevel",
      "Request.Operation.Extra",
    ]);
    expect(paths({ ...job, Operation: { ...job.Operation, $unknown: [{ name: "Extra", children: [] }] } })).toEqual([]);
    expect(paths({ ...job, Type: "Job", Operation: { ...job.Operation, Output: "x" } })).toEqual([
      "Request.Operation.Output",
    ]);
    expect(paths({ ...workflow, Input: [] })).toEqual(["Request.Input"]);
  });

  it("requires Output unless the Tag writes none, and Output.Object unless the Tag uses another key", () => {
    for (const Tag of ["VideoTag", "ExtractDigitalWatermark", "MediaInfo", "QualityEstimate"]) {
      expect(paths({ ...job, Operation: { Tag, QueueId, JobParam: {} } }), Tag).toEqual([]);
    }
    expect(paths({ ...job, Operation: { Tag: "Snapshot", QueueId, JobParam: {} } })).toEqual([
      "Request.Operation.Output",
    ]);
    for (const Tag of ["Snapshot", "VoiceSeparate", "VoiceSpearte"]) {
      const Output = { Region: "r", Bucket: "b" };
      expect(paths({ ...job, Operation: { Tag, QueueId, JobParam: {}, Output } }), Tag).toEqual([]);
    }
    expect(
      paths({ ...job, Operation: { Tag: "Transcode", QueueId, JobParam: {}, Output: { Region: "", Bucket: "b" } } }),
    ).toEqual(["Request.Operation.Output.Region", "Request.Operation.Output.Object"]);
    expect(
      paths({
        ...job,
        Operation: { Tag: "StreamExtract", QueueId, JobParam: {}, Output: { Region: "r", Bucket: "b" } },
      }),
    ).toEqual(["Request.Operation.Output.StreamExtract"]);
    expect(
      paths({ ...job, Operation: { Tag: "Transcode", QueueId, JobParam: {}, Output: { Bucket: "b", Object: "o" } } }),
    ).toEqual(["Request.Operation.Output.Region"]);
  });

  it("checks JobLevel, the TDMQ callback, DigitalWatermark, the time interval and the input rule", () => {
    for (const JobLevel of [0, 1, 2]) expect(paths({ ...job, Operation: { ...job.Operation, JobLevel } })).toEqual([]);
    expect(paths({ ...job, Operation: { ...job.Operation, JobLevel: -1 } })).toEqual(["Request.Operation.JobLevel"]);
    expect(paths({ ...job, Operation: { ...job.Operation, CallBackType: "TDMQ" } })).toEqual([
      "Request.Operation.CallBackMqConfig",
    ]);
    expect(
      paths({
        ...job,
        Operation: { ...job.Operation, JobParam: { DigitalWatermark: { Type: "Text", Message: "m" } } },
      }),
    ).toEqual(["Request.Operation.JobParam.DigitalWatermark.Version"]);
    // Start after End is the service's to judge: the pages say nothing about it.
    const later = new Date("2022-05-01T00:00:00Z");
    const earlier = new Date("2022-02-01T00:00:00Z");
    expect(
      paths({ ...workflow, Operation: { ...workflow.Operation, TimeInterval: { Start: later, End: earlier } } }),
    ).toEqual([]);
    expect(
      paths({
        ...workflow,
        Operation: { ...workflow.Operation, TimeInterval: { Start: new Date(Number.NaN), End: 5 } },
      }),
    ).toEqual(["Request.Operation.TimeInterval.Start", "Request.Operation.TimeInterval.End"]);
    expect(paths({ ...workflow, Operation: { ...workflow.Operation, TimeInterval: "x" } })).toEqual([
      "Request.Operation.TimeInterval",
    ]);
    const twoSources = { ...workflow, Input: { Prefix: "a", Object: "b" } };
    expect(paths(twoSources)).toEqual(["Request.Input"]);
    expect(paths(twoSources, { inputRule: "at-least-one" })).toEqual([]);
    expect(paths({ ...workflow, Input: { Url: "https://x" } })).toEqual(["Request.Input"]);
  });
});
