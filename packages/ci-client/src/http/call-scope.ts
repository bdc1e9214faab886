/**
 * The signal and deadline of one call: the caller's `signal` and the call's total deadline as one
 * combined `AbortSignal` (handed to ky, so it covers every attempt, every backoff sleep and the
 * reconciliation of a create), and the deadline as a time on the injected clock (so the retry
 * policy never plans a sleep past it). `close()` clears the deadline's timer.
 * @internal
 */
export class CallScope {
  /** The combined signal. */
  readonly signal: AbortSignal;
  /** The deadline, epoch ms on the injected clock; `undefined` without one. */
  readonly deadline: number | undefined;
  /** Whether the deadline (not the caller) aborted the call. */
  deadlineExpired = false;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #onCallerAbort: (() => void) | undefined;
  /** The caller's own signal, to tell a cancel from the deadline. */
  readonly callerSignal: AbortSignal | undefined;
  /** The total deadline's length, or `null`. */
  readonly totalMs: number | null;

  constructor(callerSignal: AbortSignal | undefined, totalMs: number | null, now: number) {
    this.callerSignal = callerSignal;
    this.totalMs = totalMs;
    this.signal = this.#controller.signal;
    this.deadline = totalMs === null ? undefined : now + totalMs;
    if (callerSignal?.aborted) {
      this.#controller.abort(callerSignal.reason);
      return;
    }
    if (callerSignal !== undefined) {
      this.#onCallerAbort = () => this.#controller.abort(callerSignal.reason);
      callerSignal.addEventListener("abort", this.#onCallerAbort, { once: true });
    }
    if (totalMs !== null) {
      this.#timer = setTimeout(() => {
        this.deadlineExpired = true;
        this.#controller.abort(new DOMException(`The total deadline of ${totalMs} ms expired.`, "TimeoutError"));
      }, totalMs);
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  /** Whether the call was aborted, by its caller or its deadline. */
  get aborted(): boolean {
    return this.signal.aborted;
  }

  /** Ends the scope: clears the timer and the listener on the caller's signal. */
  close(): void {
    clearTimeout(this.#timer);
    if (this.#onCallerAbort) this.callerSignal?.removeEventListener("abort", this.#onCallerAbort);
  }
}
