import { describe, expect, it } from "vitest";
import { RetryQuota } from "./retry-quota.js";

describe("RetryQuota", () => {
  it("starts with 500 tokens", () => {
    const quota = new RetryQuota();
    expect(quota.capacity).toBe(500);
    expect(quota.available).toBe(500);
  });

  it("pays for retries until it cannot: 100 retries at 5 tokens, then none", () => {
    const quota = new RetryQuota();
    for (let i = 0; i < 100; i++) expect(quota.tryAcquire(5)).toBe(true);
    expect(quota.available).toBe(0);
    expect(quota.tryAcquire(5)).toBe(false);
    expect(quota.available).toBe(0);
  });

  it("does not take part of a price it cannot pay", () => {
    const quota = new RetryQuota(8);
    expect(quota.tryAcquire(10)).toBe(false);
    expect(quota.available).toBe(8);
  });

  it("refunds the last retry's cost on success, or adds 1, never above capacity", () => {
    const quota = new RetryQuota();
    quota.tryAcquire(10);
    quota.tryAcquire(5);
    expect(quota.available).toBe(485);
    quota.release(10);
    expect(quota.available).toBe(495);
    quota.release(undefined);
    expect(quota.available).toBe(496);
    quota.release(10);
    expect(quota.available).toBe(500);
    quota.release(undefined);
    expect(quota.available).toBe(500);
  });
});
