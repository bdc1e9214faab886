import type { JobsDetail } from "@cibatch/ci-client";
import { describe, expect, it } from "vitest";
import { isoTime, jobToJson, toJson } from "./job-json.js";

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

  it("turns Dates into ISO times and bigints into strings, at any depth", () => {
    expect(toJson(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02T00:00:00Z");
    expect(toJson(12345678901234567890n)).toBe("12345678901234567890");
    expect(toJson({ a: [new Date(0), { b: 1n, c: [null, undefined] }] })).toEqual({
      a: ["1970-01-01T00:00:00Z", { b: "1", c: [null, null] }],
    });
  });

  it("drops undefined fields and the decoder's $ fields", () => {
    const value = toJson({ keep: "", gone: undefined, $unknown: [{ x: 1 }], $metadata: { requestId: "r" } });
    expect(value).toEqual({ keep: "" });
    expect(Object.keys(value as object)).toEqual(["keep"]);
  });
});

describe("jobToJson", () => {
  it("fills the documented fields in their order: Type defaults to Workflow, unset values are null or {}", () => {
    const job = {
      JobId: "b1",
      Name: "legacy",
      State: "Running",
      CreationTime: new Date(Date.UTC(2022, 5, 27, 7, 23, 10)),
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
      CreationTime: "2022-06-27T07:23:10Z",
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

  it("keeps what the job has, dates as ISO UTC, and nothing else", () => {
    const job = {
      Code: "InternalError",
      Message: "boom",
      Type: "Job",
      Name: "n",
      JobId: "b2",
      State: "Failed",
      CreationTime: new Date(Date.UTC(2022, 0, 1)),
      StartTime: new Date(Date.UTC(2022, 0, 1, 0, 0, 1)),
      EndTime: new Date(Date.UTC(2022, 0, 1, 0, 1, 0)),
      Input: { Prefix: "in/" },
      Operation: { Tag: "Transcode", JobLevel: 1, Output: undefined },
      Extra: "not a documented field",
    } as unknown as JobsDetail;
    expect(jobToJson(job)).toEqual({
      Code: "InternalError",
      Type: "Job",
      Message: "boom",
      Name: "n",
      JobId: "b2",
      State: "Failed",
      CreationTime: "2022-01-01T00:00:00Z",
      StartTime: "2022-01-01T00:00:01Z",
      EndTime: "2022-01-01T00:01:00Z",
      Input: { Prefix: "in/" },
      Operation: { Tag: "Transcode", JobLevel: 1 },
    });
  });
});
