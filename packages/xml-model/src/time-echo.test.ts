import { describe, expect, it } from "vitest";
import { apiTimeSourceText, formatApiTime, parseApiTime } from "./api-time.js";
import { decodeCreateJobRequest, encodeCreateJobRequest } from "./models/create-job-request.js";
import { listQueryFromParams, listQueryToParams } from "./models/list-query.js";

/** A workflow create request whose TimeInterval times use the spellings other SDKs send. */
function request(start: string, end: string): string {
  return (
    "<Request><Name>demo</Name><Type>Workflow</Type><Input><Prefix>input</Prefix></Input><Operation>" +
    `<TimeInterval><Start>${start}</Start><End>${end}</End></TimeInterval>` +
    "<WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation></Request>"
  );
}

describe("times echo exactly as received", () => {
  // Go's unit test sends a lower-case `z`; `0` is the documented default of Start; `+08:00` is ISO 8601.
  it.each([
    ["2022-02-25T12:00:00z", "2022-05-01T12:00:00Z"],
    ["0", "2022-05-01T12:00:00+08:00"],
    ["2022-02-01T12:00:00.250+0800", "2022-05-01T04:00:00-0000"],
  ])("Start %s, End %s", (start, end) => {
    const decoded = decodeCreateJobRequest(request(start, end));
    const interval = decoded.Operation.TimeInterval;
    expect(interval?.Start).toBeInstanceOf(Date);
    expect(interval?.Start?.getTime()).toBe(parseApiTime(start)?.getTime());
    // Whatever offset the encoder is told to use, a decoded time is written back as its source text.
    expect(encodeCreateJobRequest(decoded)).toBe(request(start, end));
    expect(encodeCreateJobRequest(decoded, { utcOffsetMinutes: -300 })).toBe(request(start, end));
  });

  it("formats a time that was changed after decoding, or built in code, with the offset", () => {
    const decoded = decodeCreateJobRequest(request("2022-02-25T12:00:00Z", "2022-05-01T12:00:00Z"));
    const start = decoded.Operation.TimeInterval?.Start as Date;
    start.setTime(start.getTime() + 1000);
    expect(apiTimeSourceText(start)).toBeUndefined();
    const encoded = encodeCreateJobRequest(decoded);
    expect(encoded).toContain("<Start>2022-02-25T20:00:01+0800</Start>");
    expect(encoded).toContain("<End>2022-05-01T12:00:00Z</End>");

    const built = new Date("2022-02-25T12:00:00Z");
    expect(apiTimeSourceText(built)).toBeUndefined();
    expect(formatApiTime(built)).toBe("2022-02-25T20:00:00+0800");
  });

  it("keeps the source text of list-query times too", () => {
    const query = listQueryFromParams([["startCreationTime", "2022-06-01T00:00:00Z"]]);
    expect(apiTimeSourceText(query.startCreationTime as Date)).toBe("2022-06-01T00:00:00Z");
    expect(listQueryToParams(query)).toContainEqual(["startCreationTime", "2022-06-01T00:00:00Z"]);
  });

  it("returns undefined for text that is not a time, and remembers nothing for it", () => {
    expect(parseApiTime("2022-02-30T00:00:00Z")).toBeUndefined();
    expect(apiTimeSourceText(new Date(Number.NaN))).toBeUndefined();
  });
});
