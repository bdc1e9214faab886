import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { defaultCredentialChain } from "./index.js";

describe("README", () => {
  it("README example: the chain reports its source and prints masked credentials", async () => {
    // The README example reads process.env; here the environment is injected instead.
    const chain = defaultCredentialChain({
      env: {
        TENCENTCLOUD_SECRET_ID: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q",
        TENCENTCLOUD_SECRET_KEY: "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz",
      },
    });
    const { credentials, source } = await chain.resolve();
    expect(source).toBe("env");
    expect(inspect(credentials)).toBe("{ secretId: '****9U5q', secretKey: '[REDACTED]' }");
    expect(await chain()).toBe(credentials);
  });
});
