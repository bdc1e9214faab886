import { describe, expect, it } from "vitest";
import { CiError } from "./ci-error.js";
import { CiTimeoutError, isCiTimeoutError } from "./ci-timeout-error.js";

describe("CiTimeoutError", () => {
  const rows = [
    ["connect", "CONNECT_TIMEOUT", false, /connectTimeoutMs/],
    ["attempt", "ATTEMPT_TIMEOUT", true, /attemptTimeoutMs/],
    ["total", "TOTAL_TIMEOUT", true, /deadlineMs/],
  ] as const;
  it.each(rows)("%s timeout: code %s, sent by default %s, names the option", (timeout, code, sent, option) => {
    const error = new CiTimeoutError({ timeout, ms: 5000, retryable: true, attempts: 2 });
    expect(error).toBeInstanceOf(CiError);
    expect(error.name).toBe("CiTimeoutError");
    expect(error.code).toBe(code);
    expect(error.timeout).toBe(timeout);
    expect(error.ms).toBe(5000);
    expect(error.sent).toBe(sent);
    expect(error.attempts).toBe(2);
    expect(error.message).toMatch(option);
    expect(error.message).toContain(`The ${timeout} timeout of 5000 ms expired after 2 attempts`);
  });

  it("takes an explicit sent flag, a request and the cause", () => {
    const cause = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const error = new CiTimeoutError({
      timeout: "total",
      ms: 120_000,
      sent: false,
      retryable: false,
      attempts: 1,
      request: {
        method: "POST",
        url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob",
      },
      cause,
    });
    expect(error.sent).toBe(false);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("on POST /inventorytriggerjob after 1 attempt;");
    expect(error.message).toContain("the request was not sent");
  });

  it("is recognised by its guard only", () => {
    expect(isCiTimeoutError(new CiTimeoutError({ timeout: "attempt", ms: 1, retryable: true, attempts: 1 }))).toBe(
      true,
    );
    expect(isCiTimeoutError(new CiError("x", { code: "ATTEMPT_TIMEOUT" }))).toBe(false);
  });
});
