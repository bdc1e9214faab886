import { describe, expect, it } from "vitest";
import { isValidationError } from "../errors/validation-error.js";
import { resolveEndpoint } from "./endpoint.js";
import { cancelJobTarget, createJobTarget, describeJobsTarget, listJobsTarget, targetUrl } from "./request-target.js";

const ID = "b3deffea2f84911ec9cb15254008618d9";
const ID2 = "be8f65004eb8511eaaed4f377124a303c";

function problemPaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isValidationError(error)) return error.problems.map((p) => p.path);
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("request targets (api.md §2)", () => {
  it("create: POST /inventorytriggerjob, create rules", () => {
    expect(createJobTarget()).toEqual({
      operation: "create",
      method: "POST",
      path: "/inventorytriggerjob",
      search: "",
      retry: "create",
    });
  });

  it("describe: GET /inventorytriggerjob/<id>, read rules", () => {
    expect(describeJobsTarget(ID)).toEqual({
      operation: "describe",
      method: "GET",
      path: `/inventorytriggerjob/${ID}`,
      search: "",
      retry: "read",
    });
    expect(describeJobsTarget([ID]).path).toBe(`/inventorytriggerjob/${ID}`);
  });

  it("describe several: ids joined with commas", () => {
    expect(describeJobsTarget([ID, ID2]).path).toBe(`/inventorytriggerjob/${ID},${ID2}`);
  });

  it("list: GET /inventorytriggerjob with the query string", () => {
    expect(listJobsTarget()).toEqual({
      operation: "list",
      method: "GET",
      path: "/inventorytriggerjob",
      search: "",
      retry: "read",
    });
    expect(listJobsTarget("size=10&states=Running%2CFailed").search).toBe("?size=10&states=Running%2CFailed");
    expect(listJobsTarget("?size=10").search).toBe("?size=10");
    expect(listJobsTarget("?").search).toBe("");
  });

  it("cancel: PUT /inventorytriggerjob/<id>?cancel, cancel rules", () => {
    expect(cancelJobTarget(ID)).toEqual({
      operation: "cancel",
      method: "PUT",
      path: `/inventorytriggerjob/${ID}`,
      search: "?cancel",
      retry: "cancel",
    });
  });

  it("validates ids before building anything: nothing is sent", () => {
    expect(problemPaths(() => describeJobsTarget("../x"))).toEqual(["jobId"]);
    expect(problemPaths(() => describeJobsTarget([ID, "a/b", "", "%2F"]))).toEqual([
      "jobIds[1]",
      "jobIds[2]",
      "jobIds[3]",
    ]);
    expect(problemPaths(() => describeJobsTarget([]))).toEqual(["jobIds"]);
    expect(problemPaths(() => cancelJobTarget(" "))).toEqual(["jobId"]);
    expect(problemPaths(() => cancelJobTarget(`${ID}?x`))).toEqual(["jobId"]);
  });

  it("targetUrl joins the endpoint with the path and query", () => {
    const real = resolveEndpoint({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
    expect(targetUrl(real, cancelJobTarget(ID))).toBe(
      `https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/${ID}?cancel`,
    );
    const fake = resolveEndpoint({
      bucket: "examplebucket-1250000000",
      region: "ap-beijing",
      endpoint: "http://127.0.0.1:9000",
    });
    expect(targetUrl(fake, listJobsTarget("size=1"))).toBe("http://127.0.0.1:9000/inventorytriggerjob?size=1");
  });
});
