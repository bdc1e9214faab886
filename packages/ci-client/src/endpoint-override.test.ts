import {
  createFakeCi,
  DEMO_ACCOUNT,
  DEMO_BUCKET,
  DEMO_JOB_ID,
  DEMO_REGION,
  demoJobs,
} from "@cibatch/testing-fakes/node";
import { describe, expect, it } from "vitest";
import { CiClient } from "./client.js";

describe("endpoint override over a real socket", () => {
  it("describes over a real socket with the default transport", async () => {
    const fake = createFakeCi({ randomSeed: 1 });
    for (const job of demoJobs()) fake.jobs.seed(job);
    const server = await fake.listen();
    try {
      const client = new CiClient({
        bucket: DEMO_BUCKET,
        region: DEMO_REGION,
        endpoint: server.url,
        credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
      });
      const job = await client.describeJob(DEMO_JOB_ID);
      expect(job.JobId).toBe(DEMO_JOB_ID);
      const entry = fake.journal.last();
      expect(entry?.headers.host).toBe(`${DEMO_BUCKET}.ci.${DEMO_REGION}.myqcloud.com`);
      expect(entry?.signature.result).toBe("ok");
    } finally {
      await server.close();
    }
  });
});
