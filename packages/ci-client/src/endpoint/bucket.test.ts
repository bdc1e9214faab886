import { describe, expect, it } from "vitest";
import { bucketProblems } from "./bucket.js";

describe("bucketProblems", () => {
  const valid = ["examplebucket-1250000000", "test-1234567890", "a1-1", "my-bucket-01-1250000000", "00-1"];
  it.each(valid)("accepts %s", (bucket) => {
    expect(bucketProblems(bucket)).toEqual([]);
  });

  const invalid: ReadonlyArray<readonly [unknown, RegExp]> = [
    ["", /is required/],
    [undefined, /is required/],
    [42, /is required/],
    ["examplebucket", /must end with -<APPID>/],
    ["Examplebucket-1250000000", /lowercase/],
    ["-examplebucket-1250000000", /must not start or end with '-'/],
    ["examplebucket--1250000000", /must not start or end with '-'/],
    ["example_bucket-1250000000", /may only contain a-z, 0-9 and '-'/],
    ["examplebucket-125000000a", /must end with -<APPID>/],
    ["examplebucket-1250000000.cos.ap-beijing.myqcloud.com", /must end with -<APPID>/],
    ["a-1250000000 ", /must end with -<APPID>/],
    ["a-1250000000", /at least 2 characters/],
  ];
  it.each(invalid)("rejects %j", (bucket, message) => {
    const problems = bucketProblems(bucket);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("bucket");
    expect(problems[0]?.message).toMatch(message);
  });

  it("applies the COS rule: <bucket>.cos.<region>.myqcloud.com is at most 60 characters", () => {
    // The COS bucket-naming page's own example: 123456789012345678901-1250000000.cos.ap-beijing.myqcloud.com, 60 characters.
    expect(bucketProblems("123456789012345678901-1250000000", "ap-beijing")).toEqual([]);
    const problems = bucketProblems("1234567890123456789012-1250000000", "ap-beijing");
    expect(problems[0]?.message).toMatch(/has 61 characters, at most 60/);
    // Without a region the length cannot be judged.
    expect(bucketProblems("1234567890123456789012-1250000000")).toEqual([]);
  });

  it("uses the path it is given", () => {
    expect(bucketProblems("x", undefined, "output.bucket")[0]?.path).toBe("output.bucket");
  });
});
