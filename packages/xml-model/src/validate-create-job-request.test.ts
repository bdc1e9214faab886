import { describe, expect, it } from "vitest";
import type { CreateJobRequest } from "./models/create-job-request.js";
import { validateCreateJobRequest } from "./models/validate-create-job-request.js";

const paths = (request: unknown, options?: Parameters<typeof validateCreateJobRequest>[1]): string[] =>
  validateCreateJobRequest(request as CreateJobRequest, options).map((p) => p.path);

const workflow = {
  Name: "demo",
  Type: "Workflow",
  Input: { Prefix: "input" },
  Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
} as const;

const job = {
  Name: "demo",
  Type: "Job",
  Input: { Prefix: "input" },
  Operation: {
    Tag: "Transcode",
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

  it("checks the variant's own inputs", () => {
    expect(paths({ ...workflow, Operation: {} })).toEqual(["Request.Operation.WorkflowIds"]);
    expect(paths({ ...workflow, Type: "Batch" })).toEqual(["Request.Type"]);
    expect(paths({ ...job, Operation: { Output: job.Operation.Output } })).toEqual([
      "Request.Operation.Tag",
      "Request.Operation.JobParam",
    ]);
    expect(paths({ Name: "n" })).toEqual(["Request.Input", "Request.Operation"]);
    expect(paths(null)).toEqual(["Request"]);
  });

  it("requires Output unless the Tag writes none, and Output.Object unless the Tag uses another key", () => {
    for (const Tag of ["VideoTag", "ExtractDigitalWatermark", "MediaInfo", "QualityEstimate"]) {
      expect(paths({ ...job, Operation: { Tag, JobParam: {} } }), Tag).toEqual([]);
    }
    expect(paths({ ...job, Operation: { Tag: "Snapshot", JobParam: {} } })).toEqual(["Request.Operation.Output"]);
    for (const Tag of ["Snapshot", "VoiceSeparate"]) {
      expect(paths({ ...job, Operation: { Tag, JobParam: {}, Output: { Region: "r", Bucket: "b" } } }), Tag).toEqual(
        [],
      );
    }
    expect(
      paths({ ...job, Operation: { Tag: "Transcode", JobParam: {}, Output: { Region: "", Bucket: "b" } } }),
    ).toEqual(["Request.Operation.Output.Region", "Request.Operation.Output.Object"]);
    expect(
      paths({ ...job, Operation: { Tag: "StreamExtract", JobParam: {}, Output: { Region: "r", Bucket: "b" } } }),
    ).toEqual(["Request.Operation.Output.StreamExtract"]);
    expect(paths({ ...job, Operation: { Tag: "Transcode", JobParam: {}, Output: "x" } })).toEqual([
      "Request.Operation.Output",
    ]);
    expect(paths({ ...job, Operation: { ...job.Operation, Tag: "SomethingNew" } })).toEqual([]);
  });

  it("checks JobLevel, the TDMQ callback, the time interval and the input rule", () => {
    for (const JobLevel of [0, 1, 2]) expect(paths({ ...job, Operation: { ...job.Operation, JobLevel } })).toEqual([]);
    expect(paths({ ...job, Operation: { ...job.Operation, JobLevel: -1 } })).toEqual(["Request.Operation.JobLevel"]);
    expect(paths({ ...job, Operation: { ...job.Operation, CallBackType: "TDMQ" } })).toEqual([
      "Request.Operation.CallBackMqConfig",
    ]);
    const later = new Date("2022-05-01T00:00:00Z");
    const earlier = new Date("2022-02-01T00:00:00Z");
    expect(
      paths({ ...workflow, Operation: { ...workflow.Operation, TimeInterval: { Start: later, End: earlier } } }),
    ).toEqual(["Request.Operation.TimeInterval"]);
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
    expect(paths(twoSources)).toEqual([]);
    expect(paths(twoSources, { inputRule: "exactly-one" })).toEqual(["Request.Input"]);
  });
});
