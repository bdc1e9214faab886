import { describe, expect, it } from "vitest";
import { engine as nodeEngine } from "./engine-node.js";
import { createWebEngine } from "./engine-web.js";

describe("Web Crypto engine", () => {
  it("says clearly when Web Crypto is missing", async () => {
    const engine = createWebEngine(() => undefined);
    await expect(engine.compute("key", "1;2", "1;2", "get\n/\n\n\n")).rejects.toMatchObject({
      name: "SignerError",
      code: "CryptoUnavailable",
      message: expect.stringMatching(/globalThis\.crypto\.subtle/),
    });
  });

  it("computes what the node:crypto engine computes, from a fresh cache", async () => {
    const engine = createWebEngine();
    const args = [
      "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz",
      "1497530202;1497610202",
      "1497530202;1497610202",
      "get\n/\n\n\n",
    ] as const;
    expect(await engine.compute(...args)).toEqual(nodeEngine.compute(...args));
    expect(await engine.compute(...args)).toEqual(nodeEngine.compute(...args));
  });

  it("compares strings by content only", () => {
    for (const engine of [createWebEngine(), nodeEngine]) {
      expect(engine.equal("abc", "abc")).toBe(true);
      expect(engine.equal("abc", "abd")).toBe(false);
      expect(engine.equal("abc", "abcd")).toBe(false);
    }
  });
});
