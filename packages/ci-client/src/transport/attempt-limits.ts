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
  return new Promise<T>((resolve, reject) => {
    if (call.aborted) {
      reject(call.reason);
      return;
    }
    let listeners: ((reason: unknown) => void)[] | undefined;
    const signal = {
      aborted: false,
      reason: undefined as unknown,
      onAbort(listener: (reason: unknown) => void): void {
        if (signal.aborted) {
          listener(signal.reason);
          return;
        }
        listeners ??= [];
        listeners.push(listener);
      },
    };
    const abort = (reason: unknown): void => {
      if (signal.aborted) return;
      signal.aborted = true;
      signal.reason = reason;
      const pending = listeners;
      listeners = undefined;
      if (pending !== undefined) for (const listener of pending) listener(reason);
      reject(reason);
    };
    const unregister = call.onAbort(abort);
    const timer = ms === null ? undefined : setTimeout(() => abort(new AttemptTimeoutError(ms)), ms);
    const done = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      unregister();
    };
    run(signal).then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
