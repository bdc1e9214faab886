import { describe, expect, it } from "vitest";
import {
  AmbiguousCreateError,
  CiServiceError,
  isAmbiguousCreateError,
  isCiServiceError,
  isValidationError,
  resolveEndpoint,
} from "./index.js";

describe("README", () => {
  it("README example (Endpoint): an override changes where we connect, not the signed Host", () => {
    const real = resolveEndpoint({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
    expect(real.url).toBe("https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com");
    expect(real.signedHost).toBe("examplebucket-1250000000.ci.ap-beijing.myqcloud.com");
    const fake = resolveEndpoint({
      bucket: "examplebucket-1250000000",
      region: "ap-beijing",
      endpoint: "http://127.0.0.1:9000",
    });
    expect(fake.url).toBe("http://127.0.0.1:9000");
    expect(fake.signedHost).toBe("examplebucket-1250000000.ci.ap-beijing.myqcloud.com");
  });

  it("README example (Errors): mapping errors with the guards", () => {
    function exitCodeFor(error: unknown): number {
      if (isValidationError(error)) return 2;
      if (isAmbiguousCreateError(error)) return 10;
      if (isCiServiceError(error) && error.status === 403) return 4;
      return 1;
    }
    let validation: unknown;
    try {
      resolveEndpoint({ bucket: "Example_Bucket", region: "ap-beijing" });
    } catch (error) {
      validation = error;
    }
    expect(exitCodeFor(validation)).toBe(2);
    expect(
      exitCodeFor(
        new AmbiguousCreateError({
          jobName: "nightly",
          sentAt: new Date(),
          reason: "NO_MATCH",
          attempts: 1,
          candidates: [],
        }),
      ),
    ).toBe(10);
    expect(exitCodeFor(new CiServiceError({ code: "AccessDenied", status: 403, retryable: false, attempts: 1 }))).toBe(
      4,
    );
    expect(exitCodeFor(new Error("other"))).toBe(1);
  });
});
