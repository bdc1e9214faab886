import { CiClient, type JobsDetail } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Creates a job and waits until it ends, printing every state it passes through. */
export async function main(env: ExampleEnv): Promise<{ final: JobsDetail; seen: string[] }> {
  const log = env.log ?? console.log;
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
    clock: env.clock, // tests pass a clock whose sleeps return at once; leave it out in real code
  });
  const created = await client.createJob({
    Name: "wait-demo",
    Type: "Workflow",
    Input: { Prefix: "media/" },
    Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
  });

  // #region wait
  const seen: string[] = [];
  const final = await client.waitForJob(created.JobId, {
    interval: 5_000, // one describe every 5 s (the default)
    timeout: 30 * 60_000, // then CiTimeoutError (the default: 30 min)
    onProgress: (job) => seen.push(job.State),
  });
  if (final.State === "Success") log("done at", final.EndTime?.toISOString());
  else log(`ended ${final.State}: ${final.Code} ${final.Message ?? ""}`);
  // #endregion wait
  return { final, seen };
}
