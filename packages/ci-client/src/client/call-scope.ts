import type { Clock } from "../credentials/types.js";
import { AbortNotifier } from "../transport/abort-notifier.js";
import type { CallScope } from "../transport/transport.js";

/** The total deadline's state, as `CallScope.deadlineSignal` exposes it. */
interface DeadlineState {
  aborted: boolean;
  reason: unknown;
}

/** The deadline timer's callback: shared by every scope (the scope is the timer's argument). */
function onDeadline(scope: Scope): void {
  scope.expire();
}

/**
 * One call's scope. A class rather than an object literal with getters and closures: a call opens
 * one, so what it allocates is paid on every request. No `AbortController` unless someone reads
 * `signal`; one unref'd timer for the total deadline; the caller's signal is listened to with the
 * scope itself as the listener object (`handleEvent`).
 */
class Scope extends AbortNotifier implements CallScope {
  readonly callerSignal: AbortSignal | undefined;
  readonly deadlineSignal: DeadlineState | undefined;
  readonly deadline: number | undefined;
  readonly totalMs: number | null;
  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(callerSignal: AbortSignal | undefined, totalMs: number | null, clock: Clock) {
    super();
    this.callerSignal = callerSignal;
    this.totalMs = totalMs;
    this.deadlineSignal = totalMs === null ? undefined : { aborted: false, reason: undefined };
    this.deadline = totalMs === null ? undefined : clock.now() + totalMs;
    if (callerSignal !== undefined) {
      if (callerSignal.aborted) this.#abort(callerSignal.reason);
      else callerSignal.addEventListener("abort", this, { once: true });
    }
    if (totalMs !== null && !this.aborted) {
      this.#timer = setTimeout(onDeadline, totalMs, this);
      this.#timer.unref?.();
    }
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
    }
    return this.#controller.signal;
  }

  onAbort(listener: (reason: unknown) => void): () => void {
    return this.listen(listener) ? () => this.unlisten(listener) : noop;
  }

  close(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    this.callerSignal?.removeEventListener("abort", this);
  }

  /** The caller's signal fired (`EventListener` object interface). */
  handleEvent(): void {
    this.#abort(this.callerSignal?.reason);
  }

  /** The total deadline expired. */
  expire(): void {
    const why = new DOMException(`The total deadline of ${this.totalMs} ms expired.`, "TimeoutError");
    const state = this.deadlineSignal as DeadlineState;
    state.aborted = true;
    state.reason = why;
    this.#abort(why);
  }

  #abort(why: unknown): void {
    if (!this.markAborted(why)) return;
    this.#controller?.abort(why);
    this.notifyListeners();
  }
}

function noop(): void {}

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
  return new Scope(callerSignal, totalMs, clock);
}
