import { describe, expect, it } from "vitest";
import { harness, seedJob, WORKFLOW_REQUEST } from "../client.fixture.js";
import type { CiClient } from "../client.js";
import { isCiServiceError } from "../errors/ci-service-error.js";

type Op = "describe" | "list" | "create" | "cancel";
const OPS: readonly Op[] = ["describe", "list", "create", "cancel"];

function seed(h: ReturnType<typeof harness>): string {
  return seedJob(h.fake, "seeded");
}

function run(op: Op, client: CiClient, jobId: string): Promise<unknown> {
  switch (op) {
    case "describe":
      return client.describeJob(jobId);
    case "list":
      return client.listJobs();
    case "create":
      return client.createJob(WORKFLOW_REQUEST);
    case "cancel":
      return client.cancelJob(jobId);
  }
}

const noSleep = async (): Promise<void> => {};

describe("clock skew: one retry with the corrected offset, decided per request", () => {
  for (const skewMs of [3_600_000, -3_600_000]) {
    for (const op of OPS) {
      it(`${op} with the local clock ${skewMs > 0 ? "+1 h" : "−1 h"}: 2 attempts, then ok`, async () => {
        const h = harness();
        const jobId = seed(h);
        const client = h.makeClient({ clock: { now: () => h.fake.clock.now() + skewMs, sleep: noSleep } });
        const result = (await run(op, client, jobId)) as { $metadata: { attempts: number } };
        expect(result.$metadata.attempts).toBe(2);
        const entries = h.fake.journal.entries().filter((e) => e.method !== "GET" || op !== "create");
        expect(entries[0]?.signature.result).toBe("failed");
        expect(entries[1]?.signature.result).toBe("ok");
        // The offset learnt is the server's clock minus ours, within the Date header's 1 s resolution.
        expect(Math.abs(client.clockSkewMs + skewMs)).toBeLessThan(1_000);
      });
    }
  }

  it("concurrent requests signed with the old offset are each retried once", async () => {
    const h = harness();
    const jobId = seed(h);
    const client = h.makeClient({ clock: { now: () => h.fake.clock.now() - 3_600_000, sleep: noSleep } });
    const results = await Promise.all(Array.from({ length: 5 }, () => client.describeJob(jobId)));
    expect(results.every((job) => job.JobId === jobId)).toBe(true);
    expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJob" })).toBe(10);
  });

  it("a skew error whose signing time matched the server's Date is not retried", async () => {
    const h = harness();
    h.fake.faults.add({
      match: { op: "DescribeInventoryTriggerJobs" },
      action: { status: 403, code: "RequestTimeTooSkewed" },
    });
    const error = await h.client.listJobs().catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "RequestTimeTooSkewed" && error.attempts === 1).toBe(true);
  });
});

describe("expired session token: refresh, then one retry", () => {
  for (const op of OPS) {
    it(`${op}: ExpiredToken → new credentials → ok after 2 attempts`, async () => {
      const h = harness();
      const jobId = seed(h);
      const now = h.fake.clock.now();
      h.fake.keys.add({
        secretId: "AKIDtemporaryOLD000000000000000000",
        secretKey: "oldkey",
        token: "tokOLD",
        expiresAt: new Date(now - 1),
      });
      h.fake.keys.add({
        secretId: "AKIDtemporaryNEW000000000000000000",
        secretKey: "newkey",
        token: "tokNEW",
        expiresAt: new Date(now + 7_200_000),
      });
      const issued = [
        { secretId: "AKIDtemporaryOLD000000000000000000", secretKey: "oldkey", sessionToken: "tokOLD" },
        { secretId: "AKIDtemporaryNEW000000000000000000", secretKey: "newkey", sessionToken: "tokNEW" },
      ];
      let calls = 0;
      const client = h.makeClient({
        credentials: async () => ({
          ...(issued[Math.min(calls++, 1)] as (typeof issued)[number]),
          expiresAt: new Date(now + 3_600_000),
        }),
      });
      const result = (await run(op, client, jobId)) as { $metadata: { attempts: number } };
      expect(result.$metadata.attempts).toBe(2);
      expect(calls).toBe(2);
      const codes = h.fake.journal.entries().map((e) => e.errorCode);
      expect(codes[0]).toBe("ExpiredToken");
    });
  }

  it("a second ExpiredToken in the same call is final", async () => {
    const h = harness();
    const now = h.fake.clock.now();
    h.fake.keys.add({
      secretId: "AKIDtemporaryOLD000000000000000000",
      secretKey: "oldkey",
      token: "tokOLD",
      expiresAt: new Date(now - 1),
    });
    const client = h.makeClient({
      credentials: async () => ({
        secretId: "AKIDtemporaryOLD000000000000000000",
        secretKey: "oldkey",
        sessionToken: "tokOLD",
        expiresAt: new Date(now + 3_600_000),
      }),
    });
    const error = await client.listJobs().catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "ExpiredToken" && error.attempts === 2).toBe(true);
  });
});
