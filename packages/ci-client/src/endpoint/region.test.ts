import { describe, expect, it } from "vitest";
import { regionProblems } from "./region.js";

describe("regionProblems", () => {
  // api.md §1 region list, plus a form that is not on it (the list is open).
  const valid = [
    "ap-beijing",
    "ap-nanjing",
    "ap-shanghai",
    "ap-guangzhou",
    "ap-chengdu",
    "ap-chongqing",
    "ap-hongkong",
    "ap-singapore",
    "ap-mumbai",
    "ap-seoul",
    "ap-bangkok",
    "ap-tokyo",
    "na-siliconvalley",
    "na-ashburn",
    "na-toronto",
    "eu-frankfurt",
    "eu-moscow",
    "ap-shanghai-fsi",
    "sa-saopaulo",
  ];
  it.each(valid)("accepts %s", (region) => {
    expect(regionProblems(region)).toEqual([]);
  });

  const invalid: ReadonlyArray<readonly [unknown, RegExp]> = [
    ["", /is required/],
    [undefined, /is required/],
    ["AP-Beijing", /lowercase/],
    ["ap-beijing.myqcloud.com", /not a host name/],
    ["beijing", /'-'-separated parts/],
    ["ap--beijing", /'-'-separated parts/],
    ["ap-beijing-", /'-'-separated parts/],
    ["ap beijing", /'-'-separated parts/],
    [`ap-${"x".repeat(40)}`, /'-'-separated parts/],
  ];
  it.each(invalid)("rejects %j", (region, message) => {
    const problems = regionProblems(region, "region");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(message);
  });
});
