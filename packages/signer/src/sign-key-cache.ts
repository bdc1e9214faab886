/** Default number of SignKeys kept per runtime implementation. */
export const SIGN_KEY_CACHE_SIZE = 64;

/**
 * A small least-recently-used map from (SecretKey, KeyTime) to a derived SignKey.
 *
 * The entries live in a closure: nothing reachable from the returned object (no property, no
 * `toJSON`, no inspection) shows a key or a value.
 */
export interface SignKeyCache<T> {
  get(secretKey: string, keyTime: string): T | undefined;
  set(secretKey: string, keyTime: string, value: T): void;
  /** Number of entries (for tests). */
  readonly size: number;
  clear(): void;
}

/** Creates a bounded {@link SignKeyCache} holding at most `limit` entries. */
export function createSignKeyCache<T>(limit: number = SIGN_KEY_CACHE_SIZE): SignKeyCache<T> {
  const entries = new Map<string, T>();
  // The most recent hit, checked first: most calls repeat the previous (SecretKey, KeyTime).
  let lastSecret: string | undefined;
  let lastKeyTime: string | undefined;
  let lastValue: T | undefined;
  return Object.freeze({
    get(secretKey: string, keyTime: string): T | undefined {
      if (lastValue !== undefined && keyTime === lastKeyTime && secretKey === lastSecret) return lastValue;
      const id = `${keyTime}\n${secretKey}`;
      const value = entries.get(id);
      if (value !== undefined) {
        // Refresh recency: re-insert at the end of the iteration order.
        entries.delete(id);
        entries.set(id, value);
        lastSecret = secretKey;
        lastKeyTime = keyTime;
        lastValue = value;
      }
      return value;
    },
    set(secretKey: string, keyTime: string, value: T): void {
      const id = `${keyTime}\n${secretKey}`;
      entries.delete(id);
      entries.set(id, value);
      while (entries.size > limit) {
        const oldest = entries.keys().next().value as string;
        // Never the last-hit entry: it was just inserted or refreshed, so it is the newest.
        entries.delete(oldest);
      }
      lastSecret = secretKey;
      lastKeyTime = keyTime;
      lastValue = value;
    },
    get size(): number {
      return entries.size;
    },
    clear(): void {
      entries.clear();
      lastValue = undefined;
      lastSecret = undefined;
      lastKeyTime = undefined;
    },
  });
}
