import { AbortNotifier } from "./abort-notifier.js";

/**
 * The per-attempt timeout expired (`name` is `TimeoutError`, like ky's).
 *
 * @example
 * ```ts
 * import { AttemptTimeoutError } from "./attempt-limits.js";
 *
 * new AttemptTimeoutError(30_000).message; // "the attempt took longer than 30000 ms"
 * ```
 * @internal
 */
export class AttemptTimeoutError extends Error {
  override readonly name = "TimeoutError" as const;

  /**
   * @param ms - The per-attempt timeout.
   */
  constructor(ms: number) {
    super(`the attempt took longer than ${ms} ms`);
  }
}

/**
 * Whether an attempt failed by its per-attempt timeout: ours, or ky's `TimeoutError`.
 *
 * @param error - What the attempt threw.
 * @returns `true` for a per-attempt timeout.
 *
 * @example
 * ```ts
 * import { AttemptTimeoutError, isAttemptTimeout } from "./attempt-limits.js";
 *
 * isAttemptTimeout(new AttemptTimeoutError(5)); // true
 * ```
 * @internal
 */
export function isAttemptTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === "TimeoutError";
}

/**
 * The abort side of one attempt, without an `AbortController` (see {@link toAbortSignal} where a
 * real signal is needed).
 *
 * @example
 * ```ts
 * import type { AttemptSignal } from "./attempt-limits.js";
 *
 * function watch(signal: AttemptSignal): void {
 *   signal.onAbort((reason) => console.log("aborted", reason));
 * }
 * ```
 * @internal
 */
export interface AttemptSignal {
  /** Whether the attempt was aborted. */
  readonly aborted: boolean;
  /** Why, once aborted. */
  readonly reason: unknown;
  /** Runs `listener` once when the attempt is aborted (at once if it already was). */
  onAbort(listener: (reason: unknown) => void): void;
}

/**
 * A real `AbortSignal` following an {@link AttemptSignal} (for `fetch`).
 *
 * @param signal - The attempt's signal.
 * @returns An `AbortSignal` aborted with the same reason.
 *
 * @example
 * ```ts
 * import { toAbortSignal, type AttemptSignal } from "./attempt-limits.js";
 *
 * declare const attempt: AttemptSignal;
 * await fetch("https://example.com", { signal: toAbortSignal(attempt) });
 * ```
 * @internal
 */
export function toAbortSignal(signal: AttemptSignal): AbortSignal {
  const controller = new AbortController();
  signal.onAbort((reason) => controller.abort(reason));
  return controller.signal;
}

/** The part of a call's scope an attempt needs. */
interface AbortSource {
  readonly aborted: boolean;
  readonly reason: unknown;
  onAbort(listener: (reason: unknown) => void): () => void;
}

/**
 * Runs one attempt under the call's abort and the per-attempt timeout: `run` gets an
 * {@link AttemptSignal} that aborts on either, and the returned promise settles at once when either
 * fires, even if `run` ignores its signal (the rejection is the call's abort reason, or an
 * {@link AttemptTimeoutError}).
 *
 * @param call - The call's scope (caller's signal and total deadline).
 * @param ms - The per-attempt timeout, or `null` for none.
 * @param run - The attempt.
 * @returns What `run` resolves with.
 *
 * @example
 * ```ts
 * import { toAbortSignal, withinAttempt } from "./attempt-limits.js";
 *
 * declare const scope: import("./transport.js").CallScope;
 * const text = await withinAttempt(scope, 5_000, (signal) =>
 *   fetch("https://example.com", { signal: toAbortSignal(signal) }).then((r) => r.text()),
 * );
 * ```
 * @internal
 */
export function withinAttempt<T>(
  call: AbortSource,
  ms: number | null,
  run: (signal: AttemptSignal) => Promise<T>,
): Promise<T> {
  if (call.aborted) return Promise.reject(call.reason);
  return new Promise<T>((resolve, reject) => {
    const attempt = new Attempt<T>(resolve, reject, ms);
    attempt.start(call, run);
  });
}

/** The per-attempt timer's callback, shared (the attempt is the timer's argument). */
function onAttemptTimeout(attempt: { timeout(): void }): void {
  attempt.timeout();
}

/**
 * One attempt under {@link withinAttempt}: its {@link AttemptSignal} and its settlement. A class so
 * that an attempt costs one object, not a closure per callback.
 */
class Attempt<T> extends AbortNotifier implements AttemptSignal {
  readonly #resolve: (value: T) => void;
  readonly #reject: (reason: unknown) => void;
  readonly #ms: number | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unregister: (() => void) | undefined;

  constructor(resolve: (value: T) => void, reject: (reason: unknown) => void, ms: number | null) {
    super();
    this.#resolve = resolve;
    this.#reject = reject;
    this.#ms = ms;
  }

  start(call: AbortSource, run: (signal: AttemptSignal) => Promise<T>): void {
    this.#unregister = call.onAbort((reason) => this.abort(reason));
    if (this.#ms !== null) this.#timer = setTimeout(onAttemptTimeout, this.#ms, this);
    run(this).then(
      (value) => {
        this.#done();
        this.#resolve(value);
      },
      (error: unknown) => {
        this.#done();
        this.#reject(error);
      },
    );
  }

  onAbort(listener: (reason: unknown) => void): void {
    this.listen(listener);
  }

  timeout(): void {
    this.abort(new AttemptTimeoutError(this.#ms ?? 0));
  }

  abort(reason: unknown): void {
    if (!this.markAborted(reason)) return;
    this.notifyListeners();
    this.#reject(reason);
  }

  #done(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#unregister?.();
  }
}
