import { describe, expect, it } from "vitest";
import { createIdGenerator } from "./ids.js";
import { randomHex, seededRandom } from "./random.js";

describe("seeded randomness and ids", () => {
  it("is reproducible per seed and differs across seeds", () => {
    const take = (seed: number | string) => {
      const r = seededRandom(seed);
      return Array.from({ length: 5 }, () => r());
    };
    expect(take(42)).toEqual(take(42));
    expect(take("42")).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const x of take("x")) expect(x >= 0 && x < 1).toBe(true);
  });

  it("spreads values over [0, 1)", () => {
    const r = seededRandom("spread");
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const at = Math.floor(r() * 10);
      buckets[at] = (buckets[at] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(800);
  });

  it("makes job ids of b + 32 lowercase hex, stable for a seed", () => {
    const a = createIdGenerator(seededRandom(1));
    const b = createIdGenerator(seededRandom(1));
    const id = a.jobId();
    expect(id).toMatch(/^b[0-9a-f]{32}$/);
    expect(b.jobId()).toBe(id);
    expect(randomHex(seededRandom(2), 5)).toMatch(/^[0-9a-f]{5}$/);
  });

  it("makes request ids like the documented sample: base64 of <hex time>_<hex>_<hex>_<hex>", () => {
    // The documented sample: NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ== = base64(62bd55ff_90fa5064_77cc_1a)
    expect(Buffer.from("NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==", "base64").toString()).toBe("62bd55ff_90fa5064_77cc_1a");
    const ids = createIdGenerator(seededRandom("j"), seededRandom("r"));
    const decoded = Buffer.from(ids.requestId(0x62bd55ff * 1000), "base64").toString();
    expect(decoded).toMatch(/^62bd55ff_[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{2}$/);
    expect(Buffer.from(ids.traceId(), "base64").toString()).toMatch(/^[0-9a-f]{64}$/);
  });
});
