import { CiClient } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Cancels a running job, with a 10 s limit on the whole call. */
export async function main(env: ExampleEnv, jobId = "b3deffea2f84911ec9cb15254008618d9"): Promise<boolean> {
  const log = env.log ?? console.log;
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
  });

  // #region cancel
  const result = await client.cancelJob(jobId, { signal: AbortSignal.timeout(10_000) });
  log(result.jobId, result.verified ? "cancelled (checked with a describe)" : "cancel accepted");
  const after = await client.describeJob(jobId);
  log(after.State); // "Cancel"
  // #endregion cancel
  return after.State === "Cancel";
}
