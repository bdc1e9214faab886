import { describe, expect, it } from "vitest";
import { createCredentials, createProvider } from "./create-credentials.js";

describe("createProvider", () => {
  it("tags the function with a read-only source and calls it each time", async () => {
    let calls = 0;
    const provider = createProvider("vault", async () => {
      calls += 1;
      return createCredentials({ secretId: `AKIDEXAMPLE000${calls}`, secretKey: "k" });
    });
    expect(provider.source).toBe("vault");
    expect(() => {
      (provider as { source: string }).source = "other";
    }).toThrow(TypeError);
    expect((await provider()).secretId).toBe("AKIDEXAMPLE0001");
    expect((await provider()).secretId).toBe("AKIDEXAMPLE0002");
  });
});
