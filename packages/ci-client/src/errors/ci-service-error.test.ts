import { describe, expect, it } from "vitest";
import { CiError, isCiError } from "./ci-error.js";
import { CiServiceError, isCiServiceError } from "./ci-service-error.js";
import { CANARY_AUTHORIZATION, CANARY_PRESIGNED_URL, CANARY_TOKEN, RAW_SECRETS } from "./secrets.fixture.js";

const BASE = { retryable: false, attempts: 1 } as const;

describe("CiServiceError", () => {
  it("is a CiError with a literal name, machine fields and the cause", () => {
    const cause = new Error("HTTPError");
    const error = new CiServiceError({
      ...BASE,
      code: "AccessDenied",
      status: 403,
      serverMessage: "Access Denied.",
      requestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
      traceId:
        "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0NTk3NWFiNjAyMzdhM2U3ZjEzNTA2NjA5ODBmNjE2ZTA=",
      resource: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob",
      cause,
    });
    expect(error).toBeInstanceOf(CiError);
    expect(isCiError(error)).toBe(true);
    expect(error.name).toBe("CiServiceError");
    expect(error.code).toBe("AccessDenied");
    expect(error.status).toBe(403);
    expect(error.retryable).toBe(false);
    expect(error.attempts).toBe(1);
    expect(error.serverMessage).toBe("Access Denied.");
    expect(error.requestId).toBe("NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==");
    expect(error.traceId).toMatch(/^OGVm/);
    expect(error.resource).toBe("examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob");
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("AccessDenied (HTTP 403): Access Denied.");
    expect(error.message).toContain("request id NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==");
    expect(error.message).toContain("CAM policy");
  });

  it("defines no property for context it was not given", () => {
    const error = new CiServiceError({ ...BASE, code: "HTTP_502", status: 502 });
    for (const key of ["serverMessage", "requestId", "traceId", "resource", "request", "body", "cause"]) {
      expect(Object.hasOwn(error, key), key).toBe(false);
    }
    expect(error.message).toBe(
      "HTTP_502 (HTTP 502). The service had a problem: retry later, and quote the request id if it persists.",
    );
  });

  const hints: ReadonlyArray<readonly [string, number, string | undefined, RegExp]> = [
    ["SignatureDoesNotMatch", 403, undefined, /cibatch sign/],
    ["InvalidAuthorization", 401, undefined, /cibatch sign/],
    ["InvalidAccessKeyId", 403, undefined, /SecretId is unknown/],
    ["SecretidNotExist", 401, undefined, /SecretId is unknown/],
    ["MissingAuthorization", 401, undefined, /not signed/],
    ["RequestTimeTooSkewed", 403, undefined, /clock/],
    ["SignatureExpired", 401, undefined, /clock/],
    ["ExpiredToken", 400, undefined, /temporary credentials have expired/],
    ["AccessDenied", 403, "Request has expired", /time window/],
    ["InvalidArgument", 400, "bad Name", /check the parameters/],
    ["NoSuchBucket", 404, undefined, /bucket/],
    ["SlowDown", 503, undefined, /throttling/],
    ["HTTP_429", 429, undefined, /throttling/],
    ["InternalError", 500, undefined, /retry later/],
    ["InvalidUrl", 404, undefined, /service documentation/],
  ];
  it.each(hints)("says what to do for %s (%i)", (code, status, serverMessage, hint) => {
    expect(new CiServiceError({ ...BASE, code, status, serverMessage }).message).toMatch(hint);
  });

  it("redacts the server message, the request and the kept body; caps the body at 1 KiB", () => {
    const error = new CiServiceError({
      ...BASE,
      code: "SignatureDoesNotMatch",
      status: 403,
      serverMessage: `The signature you provided does not match. Authorization: ${CANARY_AUTHORIZATION}`,
      request: {
        method: "get",
        url: CANARY_PRESIGNED_URL,
        headers: { authorization: CANARY_AUTHORIZATION, "x-ci-security-token": CANARY_TOKEN },
      },
      body: `<Error><Code>SignatureDoesNotMatch</Code><SignatureProvided>${"a".repeat(40)}</SignatureProvided></Error>${" ".repeat(10)}${"b".repeat(3000)}`,
    });
    const printed = [error.message, JSON.stringify(error), String(error.stack)].join("\n");
    for (const secret of RAW_SECRETS) expect(printed).not.toContain(secret);
    expect(error.request?.method).toBe("GET");
    expect(error.request?.url).toContain("q-signature=[REDACTED]");
    expect(error.request?.headers?.["x-ci-security-token"]).toBe("[REDACTED]");
    expect(error.message).toContain(" on GET /inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9?");
    expect(error.body).toContain("<SignatureProvided>[REDACTED]</SignatureProvided>");
    expect(error.body?.length).toBe(1024);
    expect(Object.isFrozen(error.request)).toBe(true);
  });
});

describe("isCiServiceError", () => {
  it("accepts only service errors", () => {
    expect(isCiServiceError(new CiServiceError({ ...BASE, code: "X", status: 400 }))).toBe(true);
    expect(isCiServiceError(new CiError("x", { code: "X" }))).toBe(false);
    expect(isCiServiceError(Object.assign(new Error("x"), { name: "CiServiceError" }))).toBe(false);
    expect(isCiServiceError(undefined)).toBe(false);
  });
});
