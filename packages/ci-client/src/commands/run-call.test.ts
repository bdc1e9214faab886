import { describe, expect, it } from "vitest";
import { harness } from "../client/client.fixture.js";
import type { CiCore } from "../client/client-core.js";
import type { CallScope } from "../transport/transport.js";
import { runCall } from "./run-call.js";

/** A core whose scopes record when they are closed. */
function recordingCore(events: string[]): CiCore {
  const scope: CallScope = {
    signal: new AbortController().signal,
    aborted: false,
    reason: undefined,
    onAbort: () => () => {},
    deadline: undefined,
    totalMs: null,
    close: () => events.push("closed"),
  };
  return { scope: () => scope, transport: { send: () => Promise.reject(new Error("unused")) } } as unknown as CiCore;
}

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

  it("closes the scope when the call settles, before the caller's own reactions run", async () => {
    const events: string[] = [];
    const core = recordingCore(events);
    await runCall(core, {}, async () => "value").then((value) => events.push(`resolved ${value}`));
    await runCall(core, {}, async () => {
      throw new Error("boom");
    }).catch((error: Error) => events.push(`rejected ${error.message}`));
    expect(events).toEqual(["closed", "resolved value", "closed", "rejected boom"]);
  });

  it("closes the scope of a call that throws synchronously", async () => {
    const events: string[] = [];
    await expect(
      runCall(recordingCore(events), {}, () => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    expect(events).toEqual(["closed"]);
  });
});
