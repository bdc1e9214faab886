import { createNodeHttpFetch } from "./fetch-node.js";
import type { FetchLike } from "./response.js";

/**
 * The default `fetch` under the `node` condition: the `node:http` keep-alive transport (faster than
 * undici's `fetch`, honours `Host` and the connect timeout).
 *
 * @param options - The connect timeout.
 * @returns The fetch function.
 *
 * @example
 * ```ts
 * import { defaultFetch } from "#default-fetch";
 *
 * const send = defaultFetch({ connectMs: 5_000 });
 * ```
 * @internal
 */
export function defaultFetch(options: { readonly connectMs: number | null }): FetchLike {
  return createNodeHttpFetch({ connectMs: options.connectMs });
}
