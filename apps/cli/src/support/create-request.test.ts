import { type CreateJobRequest, type CreateNodeJobRequest, encodeCreateJobRequest } from "@cibatch/xml-model";
import { describe, expect, it } from "vitest";
import { harness, stdinOf } from "../cli.fixture.js";
import { buildCreateRequest } from "./create-request.js";

const NOW = Date.UTC(2024, 0, 1);

/**
 * A create request as a user (or `jobs describe -o json`) writes it, reaching deep into `JobParam` and carrying
 * elements no model names (`FutureParam`, `Operation.NewSwitch`), repeated unknowns and numbers where the model
 * types text.
 */
const DEEP_REQUEST = {
  Name: "round-trip",
  Type: "Job",
  Input: { Prefix: "input/" },
  Operation: {
    Tag: "Segment",
    QueueId: "p893bcda225bf4945a378da6662e81a89",
    JobLevel: "1",
    TimeInterval: { Start: "2022-02-01T12:00:00+0800", End: "2022-05-01T12:00:00+0800" },
    CallBackKafkaConfig: { Region: "ap-chongqing", InstanceId: "ckafka-1", Topic: "jobs" },
    JobParam: {
      TemplateId: "t1460606b9752148c4ab182f55163ba7cd",
      WatermarkTemplateId: ["t2", "t3"],
      Segment: {
        Format: "hls",
        Duration: 10,
        HlsEncrypt: { IsHlsEncrypt: "true", UriKey: "https://key" },
        AIGCMetadata: { Label: "AIGC", ContentProducer: "me" },
      },
      Transcode: { Video: { Codec: "H.264", Width: "1280" }, TimeInterval: { Start: "0", Duration: "60" } },
      FutureParam: { Mode: "fast", Level: ["1", "2"], Empty: "" },
    },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${Number} is the CI service's own placeholder syntax
    Output: { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out/${Number}.ts" },
    NewSwitch: "on",
  },
};

describe("jobs describe -o json → jobs create --cli-input-json --dry-run", () => {
  it("sends the same XML the job was created with, unknown elements included", async () => {
    const h = harness();
    const created = await h.run(["jobs", "create", "--cli-input-json", "-", "-o", "json"], {
      stdin: stdinOf(JSON.stringify(DEEP_REQUEST)),
    });
    expect(created.code, created.stderr).toBe(0);
    const sent = h.fake.journal.last()?.body as string;
    expect(sent).toContain("<FutureParam><Mode>fast</Mode><Level>1</Level><Level>2</Level><Empty/></FutureParam>");
    expect(sent).toContain("<NewSwitch>on</NewSwitch>");
    const jobId = JSON.parse(created.stdout).JobId as string;

    const described = await h.run(["jobs", "describe", jobId, "-o", "json"]);
    expect(described.code, described.stderr).toBe(0);
    const printed = JSON.parse(described.stdout);
    expect(printed.Jobs[0].Operation.JobParam.FutureParam).toEqual({ Mode: "fast", Level: ["1", "2"], Empty: "" });

    // The whole describe answer (one job) and the job alone are both accepted.
    for (const document of [printed, printed.Jobs[0]]) {
      const again = await h.run(["jobs", "create", "--cli-input-json", "-", "--dry-run", "-o", "json"], {
        stdin: stdinOf(JSON.stringify(document)),
      });
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout).Body).toBe(sent);
    }
  });

  it("refuses a describe answer with several jobs, saying how to pick one", () => {
    expect(() => buildCreateRequest({}, { Jobs: [{}, {}] }, undefined, NOW)).toThrow(/lists 2 jobs.*Jobs\[0\]/);
  });
});

describe("buildCreateRequest", () => {
  it("reads typed fields into the model's types and every other key into $unknown", () => {
    const request = buildCreateRequest({}, DEEP_REQUEST, undefined, NOW) as unknown as CreateNodeJobRequest;
    expect(request.Operation.JobLevel).toBe(1);
    expect(request.Operation.JobParam.Segment?.Duration).toBe("10");
    expect(request.Operation.TimeInterval?.Start).toBeInstanceOf(Date);
    expect(request.Operation.$unknown).toEqual([{ name: "NewSwitch", children: ["on"] }]);
    expect(request.Operation.JobParam.$unknown).toEqual([
      {
        name: "FutureParam",
        children: [
          { name: "Mode", children: ["fast"] },
          { name: "Level", children: ["1"] },
          { name: "Level", children: ["2"] },
          { name: "Empty", children: [] },
        ],
      },
    ]);
  });

  it("drops the fields only a job detail has", () => {
    const detail = {
      ...DEEP_REQUEST,
      Code: "Success",
      Message: null,
      JobId: "b1",
      State: "Success",
      CreationTime: "2022-06-27T15:23:10+0800",
      StartTime: null,
      EndTime: null,
      Progress: "100",
      Tag: "Segment",
      QueueId: "p1",
    };
    const request = buildCreateRequest({}, detail, undefined, NOW);
    expect(Object.keys(request).sort()).toEqual(["Input", "Name", "Operation", "Type"]);
  });

  it("sends a time in another spelling in the documented form, and one in the documented form as written", () => {
    const request = buildCreateRequest(
      {},
      { ...DEEP_REQUEST, Operation: { ...DEEP_REQUEST.Operation, TimeInterval: { Start: "2022-02-01T04:00:00Z" } } },
      undefined,
      NOW,
    );
    expect(encodeCreateJobRequest(request as unknown as CreateJobRequest)).toContain(
      "<TimeInterval><Start>2022-02-01T12:00:00+0800</Start></TimeInterval>",
    );
  });
});
