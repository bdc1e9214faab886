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
  // No AbortController unless someone reads `signal`, and one unref'd timer per call: cheaper than
  // AbortSignal.timeout + AbortSignal.any (the describe fast path never reads `signal`).
  let aborted = false;
  let reason: unknown;
  let controller: AbortController | undefined;
  let listeners: ((reason: unknown) => void)[] | undefined;
  const deadlineState = { aborted: false, reason: undefined as unknown };
  const abort = (why: unknown): void => {
    if (aborted) return;
    aborted = true;
    reason = why;
    controller?.abort(why);
    const pending = listeners;
    listeners = undefined;
    if (pending !== undefined) for (const listener of pending) listener(why);
  };
  const onCallerAbort = (): void => abort(callerSignal?.reason);
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (callerSignal?.aborted) abort(callerSignal.reason);
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  if (totalMs !== null && !aborted) {
    timer = setTimeout(() => {
      const why = new DOMException(`The total deadline of ${totalMs} ms expired.`, "TimeoutError");
      deadlineState.aborted = true;
      deadlineState.reason = why;
      abort(why);
    }, totalMs);
    timer.unref?.();
  }
  return {
    get signal(): AbortSignal {
      if (controller === undefined) {
        controller = new AbortController();
        if (aborted) controller.abort(reason);
      }
      return controller.signal;
    },
    get aborted(): boolean {
      return aborted;
    },
    get reason(): unknown {
      return reason;
    },
    onAbort(listener: (reason: unknown) => void): () => void {
      if (aborted) {
        listener(reason);
        return () => {};
      }
      listeners ??= [];
      listeners.push(listener);
      return () => {
        const index = listeners?.indexOf(listener) ?? -1;
        if (index !== -1) listeners?.splice(index, 1);
      };
    },
    callerSignal,
    deadlineSignal: totalMs === null ? undefined : deadlineState,
    deadline: totalMs === null ? undefined : clock.now() + totalMs,
    totalMs,
    close: () => {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
