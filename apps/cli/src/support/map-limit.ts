/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input order. The first
 * rejection rejects the whole map (calls already started still finish).
 *
 * @param items - The inputs.
 * @param limit - Maximum concurrent calls (≥ 1).
 * @param fn - The async mapper.
 * @returns The results, in input order.
 * @example
 * ```ts
 * import { mapLimit } from "./map-limit.js";
 * await mapLimit([1, 2, 3], 2, async (n) => n * 2); // [2, 4, 6]
 * ```
 * @internal
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
