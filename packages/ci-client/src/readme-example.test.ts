import { createFakeCi, DEMO_ACCOUNT, DEMO_JOB_ID, demoJobs } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { CiClient } from "./index.js";

describe("README", () => {
  it("first example: describeJob (the seed's call) returns the typed job and its request id", async () => {
    // The README example talks to the real service; here the fake answers through `fetch`.
    const fake = createFakeCi({ randomSeed: 11 });
    for (const job of demoJobs()) fake.jobs.seed(job);
    const client = new CiClient({
      bucket: "examplebucket-1250000000",
      region: "ap-beijing",
      credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
      fetch: fake.fetch,
    });
    const job = await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
    expect([job.Name, job.State, job.CreationTime.toISOString()]).toEqual([
      "demo",
      "Running",
      "2022-06-27T07:23:10.000Z",
    ]);
    expect(job.JobId).toBe(DEMO_JOB_ID);
    expect(job.$metadata.requestId).toBe(fake.journal.last()?.requestId);
  });
});
