import type { FetchLike } from "./response.js";

/**
 * The default `fetch` outside Node (browsers, workers, Deno, Bun): `globalThis.fetch`, looked up at
 * each call. The connect timeout is bounded by the per-attempt timeout there.
 * @internal
 */
export function defaultFetch(_options: { readonly connectMs: number | null }): FetchLike {
  return (input, init) => globalThis.fetch(input, init);
}
