import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { jobDetail, jobsTable } from "./job-views.js";
import { cutToWidth, fitColumns, renderTable } from "./table.js";
import { formatDuration, formatTime, jobDuration, relativeTime } from "./times.js";
import { wrapText } from "./wrap.js";

const plain = pc.createColors(false);
const NOW = Date.UTC(2024, 0, 10, 12, 0, 0);

describe("times", () => {
  it("relative times, short enough for a table", () => {
    const ago = (ms: number): string => relativeTime(new Date(NOW - ms), NOW);
    expect(ago(2000)).toBe("just now");
    expect(ago(45_000)).toBe("45 s ago");
    expect(ago(3 * 60_000)).toBe("3 min ago");
    expect(ago(2 * 3_600_000)).toBe("2 h ago");
    expect(ago(86_400_000)).toBe("1 day ago");
    expect(ago(5 * 86_400_000)).toBe("5 days ago");
    expect(ago(90 * 86_400_000)).toBe("3 months ago");
    expect(ago(800 * 86_400_000)).toBe("2 years ago");
    expect(ago(-3 * 60_000)).toBe("in 3 min");
  });

  it("durations and the formats", () => {
    expect(formatDuration(185_000)).toBe("3m05s");
    expect(formatDuration(3_720_000)).toBe("1h02m");
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe("2d03h");
    expect(jobDuration(undefined, undefined, NOW)).toBe("");
    expect(jobDuration(new Date(NOW - 65_000), undefined, NOW)).toBe("1m05s");
    const date = new Date(Date.UTC(2022, 5, 27, 7, 23, 10));
    expect(formatTime(date, { format: "iso-utc", now: NOW })).toBe("2022-06-27T07:23:10Z");
    expect(formatTime(date, { format: "local", now: NOW, timeZone: "Asia/Shanghai" })).toBe("2022-06-27 15:23:10");
    expect(formatTime(date, { format: "service", now: NOW })).toBe("2022-06-27T15:23:10+0800");
    expect(formatTime(new Date(Number.NaN), { format: "iso-utc", now: NOW })).toBe("");
  });
});

describe("table fitting", () => {
  it("cuts by display width: a CJK character is two columns", () => {
    expect(cutToWidth("夜间转码任务", 7)).toBe("夜间转…");
    expect(cutToWidth("abc", 3)).toBe("abc");
    expect(cutToWidth("abc", 0)).toBe("");
  });

  it("cuts the shrinkable column when that is enough, else drops columns in their order; ids stay whole", () => {
    const table = {
      columns: ["JobId", "Name", "Type", "State"],
      rows: [["b3deffea2f84911ec9cb15254008618d9", "a-rather-long-job-name", "Workflow", "Running"]],
      fit: [{}, { shrink: 10, drop: 4 }, { drop: 1 }, { drop: 6 }],
    };
    expect(fitColumns(table, 200)).toEqual([33, 22, 8, 7]);
    expect(fitColumns(table, 70)).toEqual([33, 16, 8, 7]);
    expect(fitColumns(table, 55)).toEqual([33, 11, 0, 7]);
    expect(fitColumns(table, 40)).toEqual([33, 0, 0, 0]);
    const text = renderTable(table, plain, 55);
    expect(text).toBe(
      `JobId${" ".repeat(30)}Name${" ".repeat(9)}State
b3deffea2f84911ec9cb15254008618d9  a-rather-l…  Running
`,
    );
  });

  it("a table without a declared fit never cuts through a job id", () => {
    const table = {
      columns: ["Name", "Value"],
      rows: [
        ["JobId", "b3deffea2f84911ec9cb15254008618d9"],
        ["Input", "x".repeat(100)],
      ],
    };
    const widths = fitColumns(table, 50);
    expect(widths[1]).toBeGreaterThanOrEqual(33);
    expect(widths.reduce((a, b) => a + b, 2)).toBeLessThanOrEqual(50);
  });
});

describe("wrapText", () => {
  it("wraps at spaces with a hanging indent, keeps leading spaces, a long word whole", () => {
    expect(wrapText("one two three", 8, "  ")).toBe("one two\n  three");
    expect(wrapText("  key  value value", 12, "       ")).toBe("  key  value\n       value");
    expect(wrapText("supercalifragilistic word", 10)).toBe("supercalifragilistic\nword");
    expect(wrapText("first\nsecond", 80, "  ")).toBe("first\n  second");
    expect(wrapText("no width", undefined)).toBe("no width");
  });
});

describe("the detail view", () => {
  it("shows nested values, arrays and unknown elements under Other fields", () => {
    const job = {
      JobId: "b3deffea2f84911ec9cb15254008618d9",
      Name: "demo",
      Type: "Job",
      State: "Failed",
      Code: "InternalError",
      Message: "a message long enough to wrap at a narrow width",
      CreationTime: new Date(NOW - 120_000),
      StartTime: new Date(NOW - 60_000),
      Input: { Prefix: "in/" },
      Operation: { Tag: "Transcode", JobParam: { TemplateId: "t1", $unknown: [{ name: "Extra", children: ["x"] }] } },
      Progress: ["a", "b"],
      $unknown: [{ name: "NewField", children: [{ name: "Inner", children: ["v"] }] }],
    } as unknown as import("@cibatch/ci-client").JobsDetail;
    const text = jobDetail(job, { format: "relative", now: NOW, timeZone: "UTC" }, plain, 40);
    // The id is wider than the rest of the line: it stays whole beside its label.
    expect(text.startsWith("JobId     b3deffea2f84911ec9cb15254008618d9\n")).toBe(true);
    expect(text).toContain("\nMessage   a message long enough to wrap\n          at a narrow width\n");
    expect(text).toContain("\nCreated   2024-01-10 11:58:00 (2 min\n          ago)\n");
    expect(text).toContain("\nEnded\nDuration  1m00s\n");
    expect(text).toContain("\nOperation\n  Tag  Transcode\n  JobParam\n    TemplateId  t1\n\nOther fields\n");
    expect(text).toContain(
      "\nOther fields\n  Progress                  a, b\n  Operation.JobParam.Extra  x\n  NewField\n    Inner  v\n",
    );
    expect(jobsTable([job], { format: "local", now: NOW }).columns).toContain("Started");
  });
});
