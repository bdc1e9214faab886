import { describe, expect, it } from "vitest";
import { harness } from "../client/client.fixture.js";
import { runCall } from "./run-call.js";

describe("runCall", () => {
  it("turns a synchronous throw into a rejection", async () => {
    const h = harness();
    let result: Promise<unknown> | undefined;
    expect(() => {
      result = runCall(h.makeCore(), {}, () => {
        throw new Error("sync");
      });
    }).not.toThrow();
    await expect(result).rejects.toThrow("sync");
  });

  it("resolves with the call's value", async () => {
    const h = harness();
    await expect(runCall(h.makeCore(), undefined, async (inner) => inner.endpoint.bucket)).resolves.toBe(
      h.makeCore().bucket,
    );
  });
});
