import { describe, expect, it } from "vitest";
import { DEFAULT_SWITCHES, mergeSwitches } from "./switches.js";

describe("switches", () => {
  it("default to the README's OQ table", () => {
    expect(DEFAULT_SWITCHES).toEqual({
      describe: { multiId: "accept" },
      unknownJob: "nonexist-node",
      list: { defaultType: "all", endSignal: "omit" },
      cancel: { requireQuery: true, mode: "immediate", onFinished: "reject" },
      create: { inputRule: "exactly-one", strictTags: false, requireQueueId: false },
    });
  });

  it("merge partially and keep the rest", () => {
    const merged = mergeSwitches(DEFAULT_SWITCHES, {
      cancel: { mode: { afterDescribes: 1 } },
      unknownJob: { status: 404, code: "NoSuchJob" },
    });
    expect(merged.cancel).toEqual({ requireQuery: true, mode: { afterDescribes: 1 }, onFinished: "reject" });
    expect(merged.unknownJob).toEqual({ status: 404, code: "NoSuchJob" });
    expect(mergeSwitches(DEFAULT_SWITCHES, undefined)).toBe(DEFAULT_SWITCHES);
  });

  it.each([
    [{ describe: { multiId: "maybe" } }, /describe.multiId/],
    [{ list: { endSignal: "null" } }, /list.endSignal/],
    [{ cancel: { requireQuery: "yes" } }, /cancel.requireQuery/],
    [{ cancel: { mode: { afterDescribes: -1 } } }, /cancel.mode/],
    [{ unknownJob: { status: "404" } }, /unknownJob/],
    [{ create: { inputRule: "none" } }, /create.inputRule/],
  ])("refuses %j", (patch, message) => {
    expect(() => mergeSwitches(DEFAULT_SWITCHES, patch as never)).toThrow(message);
  });
});
