import type { Clock } from "../credentials/types.js";
import type { CallScope } from "../transport/transport.js";

/**
 * Opens the scope of one logical call: the caller's `signal` combined with the total deadline
 * (reliability §3), and the deadline as a time on the injected clock. Call `close()` when the call
 * ends, to clear the deadline's timer.
 *
 * @param callerSignal - The caller's signal, if any.
 * @param totalMs - The total deadline in ms, or `null` for none.
 * @param clock - The injected clock.
 * @returns The scope every attempt, sleep and reconciliation of the call runs under.
 *
 * @example
 * ```ts
 * import { openCallScope } from "./call-scope.js";
 *
 * const scope = openCallScope(undefined, 120_000, { now: () => Date.now() });
 * scope.signal.aborted; // false
 * ```
 * @internal
 */
export function openCallScope(callerSignal: AbortSignal | undefined, totalMs: number | null, clock: Clock): CallScope {
  // One controller and one unref'd timer per call: cheaper than AbortSignal.timeout + AbortSignal.any.
  const deadline = totalMs === null ? undefined : new AbortController();
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  if (deadline !== undefined && totalMs !== null) {
    timer = setTimeout(() => {
      const reason = new DOMException(`The total deadline of ${totalMs} ms expired.`, "TimeoutError");
      deadline.abort(reason);
      controller.abort(reason);
    }, totalMs);
    timer.unref?.();
  }
  return {
    signal: controller.signal,
    callerSignal,
    deadlineSignal: deadline?.signal,
    deadline: totalMs === null ? undefined : clock.now() + totalMs,
    totalMs,
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
