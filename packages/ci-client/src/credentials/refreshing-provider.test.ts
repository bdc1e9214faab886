import { describe, expect, it } from "vitest";
import { CredentialsError } from "../errors/credentials-error.js";
import { memoryLogger } from "./files.fixture.js";
import { refreshingProvider } from "./refreshing-provider.js";
import type { CredentialsInput } from "./types.js";

const T0 = Date.parse("2026-03-01T00:00:00Z");

function manualClock(start = T0): { now(): number; set(ms: number): void } {
  let now = start;
  return { now: () => now, set: (ms) => (now = ms) };
}

/** A fetch function whose calls the test settles one by one. */
function controlledFetch() {
  const pending: { resolve(value: CredentialsInput): void; reject(error: unknown): void }[] = [];
  let calls = 0;
  const fetch = (): Promise<CredentialsInput> => {
    calls += 1;
    return new Promise((resolve, reject) => pending.push({ resolve, reject }));
  };
  return {
    fetch,
    calls: () => calls,
    resolve(value: CredentialsInput) {
      const next = pending.shift();
      if (next === undefined) throw new Error("no pending fetch");
      next.resolve(value);
    },
    reject(error: unknown) {
      const next = pending.shift();
      if (next === undefined) throw new Error("no pending fetch");
      next.reject(error);
    },
  };
}

function temporary(n: number, expiresAt: number): CredentialsInput {
  return {
    secretId: `AKIDTEMPORARY00${n}`,
    secretKey: `key-${n}`,
    sessionToken: `token-${n}`,
    expiresAt: new Date(expiresAt),
  };
}

/** Lets settled promises run their callbacks. */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("refreshingProvider", () => {
  it("fetches once and caches credentials that never expire", async () => {
    let calls = 0;
    const provider = refreshingProvider(async () => {
      calls += 1;
      return { secretId: "AKIDPERMANENT01", secretKey: "k" };
    });
    expect(provider.source).toBe("refreshing");
    const first = await provider();
    for (let i = 0; i < 5; i += 1) expect(await provider()).toBe(first);
    expect(calls).toBe(1);
  });

  it("shares one in-flight fetch among concurrent callers", async () => {
    const control = controlledFetch();
    const provider = refreshingProvider(control.fetch, { clock: manualClock(), random: () => 0 });
    const waiters = Array.from({ length: 10 }, () => provider());
    expect(control.calls()).toBe(1);
    control.resolve(temporary(1, T0 + 3_600_000));
    const results = await Promise.all(waiters);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.secretId).toBe("AKIDTEMPORARY001");
    expect(control.calls()).toBe(1);
  });

  it("rejects every waiter of a failed fetch with one error, and fetches again on the next call", async () => {
    const control = controlledFetch();
    const provider = refreshingProvider(control.fetch, { clock: manualClock(), source: "sts" });
    const waiters = Array.from({ length: 5 }, () => provider().catch((e: unknown) => e));
    const cause = new Error("connection refused");
    control.reject(cause);
    const errors = await Promise.all(waiters);
    expect(new Set(errors).size).toBe(1);
    expect(errors[0]).toBeInstanceOf(CredentialsError);
    expect(errors[0]).toMatchObject({ code: "PROVIDER_FAILED", source: "sts", cause });
    expect((errors[0] as Error).message).toContain("Fetching credentials from sts failed");
    expect(control.calls()).toBe(1);

    const retry = provider();
    expect(control.calls()).toBe(2);
    control.resolve(temporary(2, T0 + 3_600_000));
    expect((await retry).secretId).toBe("AKIDTEMPORARY002");
  });

  it("recovers after a fetch function that throws synchronously", async () => {
    let calls = 0;
    const provider = refreshingProvider(() => {
      calls += 1;
      if (calls === 1) throw new Error("sync failure");
      return Promise.resolve({ secretId: "AKIDPERMANENT01", secretKey: "k" });
    });
    await expect(provider()).rejects.toMatchObject({ code: "PROVIDER_FAILED" });
    expect((await provider()).secretId).toBe("AKIDPERMANENT01");
    expect(calls).toBe(2);
  });

  it("passes a CiError from the fetch function through unchanged", async () => {
    const original = new CredentialsError("no role attached", { code: "NOT_CONFIGURED" });
    const provider = refreshingProvider(() => Promise.reject(original));
    await expect(provider()).rejects.toBe(original);
  });

  it("refreshes in the background once refreshBeforeMs remains, returning the cached credentials meanwhile", async () => {
    const clock = manualClock();
    const control = controlledFetch();
    const expiry = T0 + 300_000;
    const provider = refreshingProvider(control.fetch, { clock, random: () => 0, refreshBeforeMs: 60_000 });
    const first = provider();
    control.resolve(temporary(1, expiry));
    expect((await first).secretId).toBe("AKIDTEMPORARY001");

    clock.set(expiry - 60_001);
    expect((await provider()).secretId).toBe("AKIDTEMPORARY001");
    expect(control.calls()).toBe(1);

    clock.set(expiry - 60_000);
    expect((await provider()).secretId).toBe("AKIDTEMPORARY001");
    expect(control.calls()).toBe(2);
    // More calls while the refresh is in flight do not start another one.
    expect((await provider()).secretId).toBe("AKIDTEMPORARY001");
    expect(control.calls()).toBe(2);

    control.resolve(temporary(2, expiry + 3_600_000));
    await flush();
    expect((await provider()).secretId).toBe("AKIDTEMPORARY002");
    expect(control.calls()).toBe(2);
  });

  it("stretches the threshold by up to half at random (jitter)", async () => {
    const clock = manualClock();
    const control = controlledFetch();
    const expiry = T0 + 600_000;
    const provider = refreshingProvider(control.fetch, { clock, random: () => 0.5, refreshBeforeMs: 60_000 });
    const first = provider();
    control.resolve(temporary(1, expiry));
    await first;

    clock.set(expiry - 75_001); // threshold = 60 s × (1 + 0.5 × 0.5) = 75 s
    await provider();
    expect(control.calls()).toBe(1);
    clock.set(expiry - 75_000);
    await provider();
    expect(control.calls()).toBe(2);
  });

  it("keeps using valid cached credentials when a background refresh fails, and retries on the next call", async () => {
    const clock = manualClock();
    const control = controlledFetch();
    const logger = memoryLogger();
    const expiry = T0 + 300_000;
    const provider = refreshingProvider(control.fetch, { clock, random: () => 0, logger, source: "sts" });
    const first = provider();
    control.resolve(temporary(1, expiry));
    await first;

    clock.set(expiry - 30_000);
    expect((await provider()).secretId).toBe("AKIDTEMPORARY001");
    control.reject(new Error("STS unavailable"));
    await flush();
    expect(logger.messages).toEqual([
      `Background refresh of credentials from sts failed; using the cached ones, valid until ${new Date(expiry).toISOString()}. Fetching credentials from sts failed (see \`cause\`); the next call tries again.`,
    ]);

    expect((await provider()).secretId).toBe("AKIDTEMPORARY001");
    expect(control.calls()).toBe(3);
    control.resolve(temporary(2, expiry + 3_600_000));
    await flush();
    expect((await provider()).secretId).toBe("AKIDTEMPORARY002");
  });

  it("makes callers wait once the cached credentials have expired, and rejects them if the refresh fails", async () => {
    const clock = manualClock();
    const control = controlledFetch();
    const expiry = T0 + 300_000;
    const provider = refreshingProvider(control.fetch, { clock, random: () => 0 });
    const first = provider();
    control.resolve(temporary(1, expiry));
    await first;

    clock.set(expiry);
    const waiting = provider();
    const alsoWaiting = provider();
    expect(control.calls()).toBe(2);
    control.reject(new Error("down"));
    await expect(waiting).rejects.toMatchObject({ code: "PROVIDER_FAILED" });
    await expect(alsoWaiting).rejects.toMatchObject({ code: "PROVIDER_FAILED" });

    const next = provider();
    expect(control.calls()).toBe(3);
    control.resolve(temporary(3, expiry + 3_600_000));
    expect((await next).secretId).toBe("AKIDTEMPORARY003");
  });

  it("rejects credentials that have already expired", async () => {
    const clock = manualClock();
    const provider = refreshingProvider(async () => temporary(1, T0 - 1), { clock, source: "sts" });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "EXPIRED", source: "sts" });
    expect((error as Error).message).toContain(
      `sts returned credentials that expired at ${new Date(T0 - 1).toISOString()}, before ${new Date(T0).toISOString()}`,
    );
  });

  it("rejects invalid credentials from the fetch function", async () => {
    const provider = refreshingProvider(async () => ({ secretId: "AKIDTEMPORARY001", secretKey: "" }), {
      source: "sts",
    });
    await expect(provider()).rejects.toMatchObject({ code: "INVALID_CREDENTIALS", source: "sts" });
  });

  it("fetches again after invalidate()", async () => {
    let calls = 0;
    const provider = refreshingProvider(async () => {
      calls += 1;
      return { secretId: `AKIDPERMANENT0${calls}`, secretKey: "k" };
    });
    expect((await provider()).secretId).toBe("AKIDPERMANENT01");
    provider.invalidate();
    expect((await provider()).secretId).toBe("AKIDPERMANENT02");
    expect(calls).toBe(2);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])("rejects refreshBeforeMs = %s", (refreshBeforeMs) => {
    expect(() => refreshingProvider(async () => ({ secretId: "a", secretKey: "b" }), { refreshBeforeMs })).toThrow(
      RangeError,
    );
  });
});
