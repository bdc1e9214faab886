import { describe, expect, it } from "vitest";
import { openCallScope } from "./call-scope.js";

const clock = { now: () => 1_000 };

describe("openCallScope", () => {
  it("follows the caller's signal: aborted, reason, listeners, and a signal made on demand", () => {
    const caller = new AbortController();
    const scope = openCallScope(caller.signal, null, clock);
    const heard: unknown[] = [];
    scope.onAbort((reason) => heard.push(reason));
    const removed = scope.onAbort(() => heard.push("removed"));
    removed();
    expect(scope.aborted).toBe(false);
    expect(scope.deadline).toBeUndefined();
    expect(scope.deadlineSignal).toBeUndefined();
    caller.abort("stop");
    expect(scope.aborted).toBe(true);
    expect(scope.reason).toBe("stop");
    expect(heard).toEqual(["stop"]);
    expect(scope.signal.aborted).toBe(true);
    expect(scope.signal.reason).toBe("stop");
    // A listener added afterwards runs at once.
    scope.onAbort((reason) => heard.push(`late ${String(reason)}`));
    expect(heard).toEqual(["stop", "late stop"]);
    scope.close?.();
  });

  it("is aborted from the start by an already aborted signal, without a deadline timer", () => {
    const scope = openCallScope(AbortSignal.abort("early"), 120_000, clock);
    expect(scope.aborted).toBe(true);
    expect(scope.reason).toBe("early");
    expect(scope.deadlineSignal?.aborted).toBe(false);
    scope.close?.();
  });

  it("expires at the total deadline with a TimeoutError, and a signal read before then follows", async () => {
    const scope = openCallScope(undefined, 5, clock);
    expect(scope.deadline).toBe(1_005);
    const signal = scope.signal;
    expect(signal.aborted).toBe(false);
    const reason = await new Promise((resolve) => scope.onAbort(resolve));
    expect(reason).toBeInstanceOf(DOMException);
    expect((reason as DOMException).name).toBe("TimeoutError");
    expect(scope.deadlineSignal).toEqual({ aborted: true, reason });
    expect(signal.reason).toBe(reason);
    scope.close?.();
  });

  it("stops listening once closed: neither the caller's abort nor the deadline reach it", async () => {
    const caller = new AbortController();
    const scope = openCallScope(caller.signal, 5, clock);
    scope.close?.();
    caller.abort("too late");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(scope.aborted).toBe(false);
    expect(scope.deadlineSignal?.aborted).toBe(false);
  });
});
