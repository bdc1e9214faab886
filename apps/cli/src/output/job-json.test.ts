import type { JobsDetail } from "@cibatch/ci-client";
import { decodeDescribeJobsResponse, parseApiTime } from "@cibatch/xml-model";
import { describe, expect, it } from "vitest";
import { isoTime, jobToJson, otherFields, toJson } from "./job-json.js";

describe("isoTime", () => {
  it("prints UTC without milliseconds", () => {
    expect(isoTime(new Date(Date.UTC(2022, 5, 27, 7, 23, 10, 456)))).toBe("2022-06-27T07:23:10Z");
    expect(isoTime(new Date(0))).toBe("1970-01-01T00:00:00Z");
  });
});

describe("toJson", () => {
  it("maps null and undefined to null and keeps scalars", () => {
    expect(toJson(null)).toBeNull();
    expect(toJson(undefined)).toBeNull();
    expect(toJson("x")).toBe("x");
    expect(toJson(0)).toBe(0);
    expect(toJson(false)).toBe(false);
  });

  it("prints a decoded time as the service sent it, a time of the CLI's own as ISO UTC, bigints as strings", () => {
    expect(toJson(parseApiTime("2022-06-27T15:23:10+0800"))).toBe("2022-06-27T15:23:10+0800");
    expect(toJson(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02T00:00:00Z");
    expect(toJson(12345678901234567890n)).toBe("12345678901234567890");
    expect(toJson({ a: [new Date(0), { b: 1n, c: [null, undefined] }] })).toEqual({
      a: ["1970-01-01T00:00:00Z", { b: "1", c: [null, null] }],
    });
  });

  it("drops undefined fields and $metadata, and prints $unknown nodes as ordinary nested JSON", () => {
    const value = toJson({
      keep: "",
      gone: undefined,
      $metadata: { requestId: "r" },
      $unknown: [
        { name: "Progress", children: ["50"] },
        { name: "Kafka", children: [{ name: "Region", children: ["ap-chongqing"] }] },
        { name: "Tags", children: ["a"] },
        { name: "Tags", children: ["b"] },
        { name: "Empty", children: [] },
      ],
    });
    expect(value).toEqual({
      keep: "",
      Progress: "50",
      Kafka: { Region: "ap-chongqing" },
      Tags: ["a", "b"],
      Empty: "",
    });
  });
});

describe("jobToJson", () => {
  it("fills the documented fields in their order: Type defaults to Workflow, unset values are null or {}", () => {
    const job = {
      JobId: "b1",
      Name: "legacy",
      State: "Running",
      CreationTime: parseApiTime("2022-06-27T15:23:10+0800"),
      $metadata: { requestId: "req-1" },
    } as unknown as JobsDetail;
    const json = jobToJson(job);
    expect(json).toEqual({
      Code: null,
      Type: "Workflow",
      Message: null,
      Name: "legacy",
      JobId: "b1",
      State: "Running",
      CreationTime: "2022-06-27T15:23:10+0800",
      StartTime: null,
      EndTime: null,
      Input: {},
      Operation: {},
    });
    expect(Object.keys(json)).toEqual([
      "Code",
      "Type",
      "Message",
      "Name",
      "JobId",
      "State",
      "CreationTime",
      "StartTime",
      "EndTime",
      "Input",
      "Operation",
    ]);
  });

  it("prints every field the service sent: typed ones, unknown ones as nested JSON, times with their offset", () => {
    const xml = `<Response><RequestId>r</RequestId><JobsDetail>
      <Code>Success</Code><Message/><JobId>b2</JobId><Tag>Transcode</Tag><Progress>50</Progress><State>Running</State>
      <CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>2022-06-27T15:23:11+08:00</StartTime><EndTime>-</EndTime>
      <QueueId>p1</QueueId><Name>n</Name><Type>Job</Type><Input><Url>https://x/a.mp4</Url></Input>
      <Operation><Tag>Transcode</Tag><CallBackKafkaConfig><Region>ap-chongqing</Region><Topic>t</Topic></CallBackKafkaConfig>
        <TimeInterval><Start>0</Start><End>60</End></TimeInterval>
        <JobParam><TemplateId>t1</TemplateId><Transcode><Video><Codec>H.264</Codec></Video></Transcode>
          <NewParam><A>1</A><A>2</A></NewParam></JobParam>
        <Output><Region>r</Region><Bucket>b</Bucket><Object>o</Object><BassObject>bass</BassObject></Output>
      </Operation><Later>x</Later></JobsDetail></Response>`;
    const [job] = decodeDescribeJobsResponse(xml).JobsDetail;
    expect(jobToJson(job as JobsDetail)).toEqual({
      Code: "Success",
      Type: "Job",
      Message: null,
      Name: "n",
      JobId: "b2",
      State: "Running",
      CreationTime: "2022-06-27T15:23:10+0800",
      StartTime: "2022-06-27T15:23:11+08:00",
      EndTime: null,
      Input: { Url: "https://x/a.mp4" },
      Operation: {
        TimeInterval: { Start: "0", End: "60" },
        CallBackKafkaConfig: { Region: "ap-chongqing", Topic: "t" },
        Tag: "Transcode",
        JobParam: { Transcode: { Video: { Codec: "H.264" } }, TemplateId: "t1", NewParam: { A: ["1", "2"] } },
        Output: { Region: "r", Bucket: "b", Object: "o", BassObject: "bass" },
      },
      Tag: "Transcode",
      Progress: "50",
      QueueId: "p1",
      Later: "x",
    });
  });
});

describe("otherFields", () => {
  it("lists every element no model names, with its path, for the views' 'other fields'", () => {
    const xml = `<Response><RequestId>r</RequestId><JobsDetail><Name>n</Name><JobId>b1</JobId><State>Running</State>
      <CreationTime>2022-06-27T15:23:10+0800</CreationTime><Input><Prefix>p</Prefix><Extra>e</Extra></Input>
      <Operation><WorkflowIds>w</WorkflowIds><TimeInterval><End>60</End></TimeInterval></Operation>
      <Later><A>1</A><A>2</A></Later></JobsDetail></Response>`;
    const [job] = decodeDescribeJobsResponse(xml).JobsDetail;
    expect(otherFields(job as JobsDetail)).toEqual([
      ["Input.Extra", "e"],
      ["Operation.TimeInterval.End", "60"],
      ["Later", { A: ["1", "2"] }],
    ]);
    const typed = decodeDescribeJobsResponse(xml.replace(/<Extra>e<\/Extra>|<End>60<\/End>|<Later>.*<\/Later>/g, ""));
    expect(otherFields(typed.JobsDetail[0] as JobsDetail)).toEqual([]);
  });
});
