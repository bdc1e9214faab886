import type { CiCore, ClientCore } from "../client/client-core.js";
import { ValidationError } from "../errors/validation-error.js";

/**
 * The internals of a {@link CiCore}, after checking it came from `createCiCore` (a
 * `ValidationError` otherwise: a plain `{ bucket, region }` object is a common mistake).
 *
 * @param core - What the caller passed.
 * @returns The same object, typed with its internals.
 *
 * @example
 * ```ts
 * import { createCiCore } from "../client/create-ci-core.js";
 * import { internalCore } from "./internal-core.js";
 *
 * const inner = internalCore(createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" }));
 * console.log(inner.endpoint.url);
 * ```
 * @internal
 */
export function internalCore(core: CiCore): ClientCore {
  const candidate = core as Partial<ClientCore> | null | undefined;
  if (typeof candidate?.scope !== "function" || typeof candidate.transport?.send !== "function") {
    throw new ValidationError({
      problems: [{ path: "core", message: "must be the result of createCiCore({ bucket, region, … })" }],
    });
  }
  return candidate as ClientCore;
}
