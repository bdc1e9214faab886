import { describe, expect, it } from "vitest";
import { isValidationError, type ValidationError } from "../errors/validation-error.js";
import { ciHost, type EndpointOptions, resolveEndpoint } from "./endpoint.js";

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
  it("builds <bucket>.ci.<region>.myqcloud.com (api.md §1)", () => {
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
