import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createSignKeyCache } from "./sign-key-cache.js";

describe("createSignKeyCache", () => {
  it("returns what was stored per (secretKey, keyTime)", () => {
    const cache = createSignKeyCache<string>(4);
    cache.set("k1", "1;2", "a");
    cache.set("k2", "1;2", "b");
    expect(cache.get("k1", "1;2")).toBe("a");
    expect(cache.get("k2", "1;2")).toBe("b");
    expect(cache.get("k1", "1;3")).toBeUndefined();
    expect(cache.get("k3", "1;2")).toBeUndefined();
  });

  it("is bounded and evicts the least recently used entry", () => {
    const cache = createSignKeyCache<string>(2);
    cache.set("k1", "t", "a");
    cache.set("k2", "t", "b");
    expect(cache.get("k1", "t")).toBe("a"); // k1 is now the most recent
    cache.set("k3", "t", "c"); // evicts k2
    expect(cache.size).toBe(2);
    expect(cache.get("k2", "t")).toBeUndefined();
    expect(cache.get("k1", "t")).toBe("a");
    expect(cache.get("k3", "t")).toBe("c");
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, "t", String(i));
    expect(cache.size).toBe(2);
  });

  it("forgets everything on clear", () => {
    const cache = createSignKeyCache<string>();
    cache.set("k", "t", "a");
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get("k", "t")).toBeUndefined();
  });

  it("shows neither keys nor values when inspected or serialised", () => {
    const cache = createSignKeyCache<string>();
    cache.set("CANARY-SECRET-KEY", "1;2", "CANARY-SIGN-KEY");
    for (const view of [
      inspect(cache, { showHidden: true, depth: 10 }),
      JSON.stringify(cache),
      String(Object.keys(cache)),
    ]) {
      expect(view).not.toContain("CANARY");
    }
  });
});
