/**
 * Sleeps with a real timer; rejects with the signal's reason as soon as it aborts.
 *
 * @param ms - How long.
 * @param signal - Cancels the sleep.
 * @returns Resolves after `ms`.
 *
 * @example
 * ```ts
 * import { defaultSleep } from "./default-sleep.js";
 *
 * await defaultSleep(10);
 * ```
 * @internal
 */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
