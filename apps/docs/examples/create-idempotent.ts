import { CiClient, isAmbiguousCreateError, type JobsDetail, type WithMetadata } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/**
 * Creates a job safely: a create is resent only when the service certainly did not act; after an ambiguous
 * failure the client finds the job by listing, and says so when it cannot.
 */
export async function main(env: ExampleEnv): Promise<(JobsDetail & WithMetadata) | undefined> {
  const log = env.log ?? console.log;
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
    clock: env.clock,
    retry: { maxAttempts: 3 }, // the default: the first attempt and two retries
  });

  // #region create-safely
  try {
    const job = await client.createJob(
      {
        Name: "reindex",
        Type: "Workflow",
        Input: { Prefix: "photos/2026/" },
        Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
      },
      // Appends "_" and 8 random characters to the name, so an older "reindex" job can never be
      // mistaken for this one while reconciling.
      { idempotencyNonce: true },
    );
    if (job.$metadata.reconciled) {
      log(`the create failed ambiguously (${job.$metadata.reconciledAfter?.code}); found ${job.JobId} by listing`);
    }
    return job;
  } catch (error) {
    if (!isAmbiguousCreateError(error)) throw error;
    // The job MAY exist. Do not simply retry: check first (the message names the list command).
    log(error.reason, error.jobName, error.candidates.length, error.message);
    return undefined;
  }
  // #endregion create-safely
}
