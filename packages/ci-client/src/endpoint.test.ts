import { describe, expect, it } from "vitest";
import {
  bucketProblems,
  ciHost,
  type EndpointOptions,
  jobIdProblems,
  regionProblems,
  resolveEndpoint,
} from "./endpoint.js";
import { isValidationError, type ValidationError } from "./errors/validation-error.js";

const BASE = { bucket: "examplebucket-1250000000", region: "ap-beijing" } as const;
const CI_HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";

function problemsOf(options: EndpointOptions): ValidationError["problems"] {
  try {
    resolveEndpoint(options);
  } catch (error) {
    if (isValidationError(error)) return error.problems;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("ciHost", () => {
  it("builds <bucket>.ci.<region>.myqcloud.com", () => {
    expect(ciHost("examplebucket-1250000000", "ap-beijing")).toBe(CI_HOST);
  });
});

describe("resolveEndpoint", () => {
  it("defaults to https on the CI host and signs that host", () => {
    expect(resolveEndpoint(BASE)).toEqual({
      bucket: "examplebucket-1250000000",
      region: "ap-beijing",
      url: `https://${CI_HOST}`,
      signedHost: CI_HOST,
      ciHost: CI_HOST,
      overridden: false,
    });
    expect(Object.isFrozen(resolveEndpoint(BASE))).toBe(true);
  });

  it("connects to an override URL while the signed Host stays the real CI host", () => {
    for (const endpoint of [
      "http://127.0.0.1:9000",
      "http://127.0.0.1:9000/",
      new URL("http://127.0.0.1:9000"),
      { url: "http://127.0.0.1:9000" },
    ]) {
      expect(resolveEndpoint({ ...BASE, endpoint })).toMatchObject({
        url: "http://127.0.0.1:9000",
        signedHost: CI_HOST,
        ciHost: CI_HOST,
        overridden: true,
      });
    }
  });

  it("signs a custom domain's own name when signedHost says so (lower-cased)", () => {
    expect(
      resolveEndpoint({ ...BASE, endpoint: { url: "https://ci.example.com", signedHost: "CI.example.com" } }),
    ).toMatchObject({
      url: "https://ci.example.com",
      signedHost: "ci.example.com",
    });
    expect(
      resolveEndpoint({ ...BASE, endpoint: { url: "http://[::1]:8080", signedHost: "[::1]:8080" } }),
    ).toMatchObject({
      url: "http://[::1]:8080",
      signedHost: "[::1]:8080",
    });
  });

  const badOverrides: ReadonlyArray<readonly [string, EndpointOptions["endpoint"], string, RegExp]> = [
    ["a relative URL", "127.0.0.1:9000/x", "endpoint.url", /https: or http:|not an absolute URL/],
    ["not a URL", "not a url", "endpoint.url", /not an absolute URL/],
    ["ftp", "ftp://127.0.0.1", "endpoint.url", /https: or http:/],
    ["credentials", "https://user:pass@ci.example.com", "endpoint.url", /user name or password/],
    ["a path", "https://ci.example.com/prefix", "endpoint.url", /origin only/],
    ["a query", "https://ci.example.com/?a=1", "endpoint.url", /origin only/],
    [
      "a bad signedHost",
      { url: "http://127.0.0.1:9000", signedHost: "bad host/" },
      "endpoint.signedHost",
      /not a host name/,
    ],
  ];
  it.each(badOverrides)("rejects an override with %s", (_name, endpoint, path, message) => {
    const problems = problemsOf({ ...BASE, endpoint });
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)?.message).toMatch(message);
  });

  it("reports every problem at once: bucket, region and endpoint", () => {
    const problems = problemsOf({ bucket: "Bad", region: "Bad Region", endpoint: "ftp://x" });
    expect(problems.map((p) => p.path)).toEqual(["region", "bucket", "endpoint.url"]);
  });

  it("checks the COS length rule against a valid region", () => {
    const problems = problemsOf({ bucket: "1234567890123456789012-1250000000", region: "ap-beijing" });
    expect(problems[0]?.message).toMatch(/at most 60/);
  });

  it("says nothing was sent", () => {
    try {
      resolveEndpoint({ ...BASE, bucket: "nope" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("ValidationError: Invalid input; nothing was sent.");
    }
  });
});

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

describe("regionProblems", () => {
  // The documented region ids, plus a form that is not on the list (the list is open).
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

describe("jobIdProblems", () => {
  // Sample ids from the API documentation.
  const valid = ["b3deffea2f84911ec9cb15254008618d9", "be8f65004eb8511eaaed4f377124a303c", "b-xxx-xxx-xxx-xxxx", "B_1"];
  it.each(valid)("accepts %s", (id) => {
    expect(jobIdProblems(id)).toEqual([]);
  });

  const invalid: ReadonlyArray<readonly [string, unknown, RegExp]> = [
    ["empty", "", /must not be empty/],
    ["not a string", 123, /must be a string/],
    ["a ../ traversal", "../inventorytriggerjob", /must not contain '\/'/],
    ["a slash", "b3de/ffea", /must not contain '\/'/],
    ["a backslash", "b3de\\ffea", /must not contain '\/' or '\\'/],
    ["an encoded slash", "b3de%2Fffea", /percent-encoded/],
    ["an encoded traversal", "%2E%2E", /percent-encoded/],
    ["a space", "b3de ffea", /whitespace or control/],
    ["a trailing newline", "b3deffea\n", /whitespace or control/],
    ["a tab", "\tb3de", /whitespace or control/],
    ["a NUL", "b3de\u0000", /whitespace or control/],
    ["DEL", "b3de\u007f", /whitespace or control/],
    ["a comma", "b1,b2", /must not contain ','/],
    ["a dot segment", "..", /may only contain letters/],
    ["a query", "b3de?cancel", /may only contain letters/],
    ["a fragment", "b3de#x", /may only contain letters/],
    ["non-ASCII", "b3dé", /may only contain letters/],
    ["too long", "b".repeat(129), /at most 128/],
  ];
  it.each(invalid)("rejects %s", (_name, id, message) => {
    const problems = jobIdProblems(id, "jobIds[0]");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("jobIds[0]");
    expect(problems[0]?.message).toMatch(message);
  });

  it("shows control characters escaped in the message", () => {
    expect(jobIdProblems("b3de\n")[0]?.message).toContain('"b3de\\n"');
  });
});
