/** A listener of an {@link AbortNotifier}: called once, with the reason. */
type AbortListener = (reason: unknown) => void;

/**
 * The abort state that a call's scope and each of its attempts share in shape: `aborted`, `reason`,
 * and listeners called once when it aborts (at once for a listener added afterwards). Subclasses
 * decide what else aborting does and in which order (`markAborted`, then their own work, then
 * `notifyListeners`). No `EventTarget`: a call and its attempt each cost one plain object.
 *
 * @example
 * ```ts
 * import { AbortNotifier } from "./abort-notifier.js";
 *
 * class Stop extends AbortNotifier {
 *   onAbort(listener: (reason: unknown) => void): void {
 *     this.listen(listener);
 *   }
 *   stop(reason: unknown): void {
 *     if (this.markAborted(reason)) this.notifyListeners();
 *   }
 * }
 * ```
 * @internal
 */
export class AbortNotifier {
  /** Whether it has aborted. */
  aborted = false;
  /** Why it aborted (`undefined` until then). */
  reason: unknown;
  #listeners: AbortListener[] | undefined;

  /**
   * Calls `listener` with the reason when it aborts, or at once if it already has.
   *
   * @param listener - Called once.
   * @returns Whether the listener was queued (`false`: it has already been called).
   */
  protected listen(listener: AbortListener): boolean {
    if (this.aborted) {
      listener(this.reason);
      return false;
    }
    this.#listeners ??= [];
    this.#listeners.push(listener);
    return true;
  }

  /**
   * Removes a queued listener (nothing happens if it is not queued).
   *
   * @param listener - As passed to `listen`.
   */
  protected unlisten(listener: AbortListener): void {
    const listeners = this.#listeners;
    const index = listeners?.indexOf(listener) ?? -1;
    if (index !== -1) listeners?.splice(index, 1);
  }

  /**
   * Records the abort, unless one is recorded already.
   *
   * @param reason - Why.
   * @returns Whether this call aborted it (`false`: it had aborted before).
   */
  protected markAborted(reason: unknown): boolean {
    if (this.aborted) return false;
    this.aborted = true;
    this.reason = reason;
    return true;
  }

  /** Calls every queued listener once with the reason, and forgets them. */
  protected notifyListeners(): void {
    const pending = this.#listeners;
    this.#listeners = undefined;
    if (pending !== undefined) for (const listener of pending) listener(this.reason);
  }
}
