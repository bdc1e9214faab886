import type { CiCore, ClientCore } from "../client/client-core.js";
import type { CallOptions } from "../client/options.js";
import type { CallScope } from "../transport/transport.js";
import { internalCore } from "./internal-core.js";

/**
 * Runs one call in its own scope (the caller's signal plus the total deadline), closing the scope
 * when the call settles. Every failure, a bad core included, comes back as a rejection.
 *
 * @param core - The core from `createCiCore`.
 * @param options - `signal`.
 * @param call - The operation.
 * @returns What the operation resolves to.
 *
 * @example
 * ```ts
 * import { runCall } from "./run-call.js";
 *
 * declare const core: import("../client/client-core.js").CiCore;
 * const bucket = await runCall(core, {}, async (inner) => inner.endpoint.bucket);
 * ```
 * @internal
 */
export function runCall<T>(
  core: CiCore,
  options: CallOptions | undefined,
  call: (inner: ClientCore, scope: CallScope) => Promise<T>,
): Promise<T> {
  let inner: ClientCore;
  try {
    inner = internalCore(core);
  } catch (error) {
    return Promise.reject(error);
  }
  const scope = inner.scope(options?.signal);
  let promise: Promise<T>;
  try {
    promise = call(inner, scope);
  } catch (error) {
    scope.close?.();
    return Promise.reject(error);
  }
  // Closed as soon as the call settles, before the caller's own reactions run (registered first);
  // cheaper than `finally`, which chains two more promises.
  const close = (): void => scope.close?.();
  promise.then(close, close);
  return promise;
}
