import { CiClient, type JobsDetail, type WithMetadata } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Creates a Workflow job over a prefix and prints its id and state. */
export async function main(env: ExampleEnv): Promise<JobsDetail & WithMetadata> {
  const log = env.log ?? console.log;
  // #region client
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    // Leave both out against the real service: the endpoint defaults to
    // https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com and the credentials to the default chain.
    endpoint: env.endpoint,
    credentials: env.credentials,
  });
  // #endregion client

  // #region create
  const job = await client.createJob({
    Name: "nightly-transcode",
    Type: "Workflow",
    Input: { Prefix: "media/" },
    Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
  });
  log(job.JobId, job.State); // "b…" "Submitted"
  log(job.$metadata.requestId); // x-ci-request-id: quote it to support
  // #endregion create
  return job;
}
