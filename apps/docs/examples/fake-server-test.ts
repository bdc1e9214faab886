import { CiClient } from "@cibatch/ci-client";
import { createFakeCi, DEMO_ACCOUNT, manualClock } from "@cibatch/testing-fakes";
import type { ExampleEnv } from "./env.js";

/**
 * Your code under test: starts a nightly job unless one is already running. (In a real project this lives in
 * your source tree and the rest of this file is a test.)
 */
export async function startNightly(client: CiClient): Promise<string> {
  for await (const job of client.paginateJobs({ name: "nightly", states: ["Submitted", "Running"] })) return job.JobId;
  const job = await client.createJob({
    Name: "nightly",
    Type: "Workflow",
    Input: { Prefix: "media/" },
    Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
  });
  return job.JobId;
}

/** Tests `startNightly` in-process (no socket) against a fake that throttles once, on a manual clock. */
export async function main(env: ExampleEnv): Promise<{ first: string; second: string; creates: number }> {
  const log = env.log ?? console.log;
  // #region fake
  const fake = createFakeCi({ clock: manualClock(), randomSeed: 42 });
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    // The demo keys every fake accepts; they open nothing anywhere else.
    credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
    fetch: fake.fetch, // in-process: no socket, no port
    // Sign with the fake's time, and let backoff sleeps move the fake's clock instead of waiting.
    clock: { now: () => fake.clock.now(), sleep: async (ms) => fake.clock.advance(ms) },
  });
  // #endregion fake

  // #region faults
  // The first create is throttled (the service did not act): the client backs off and retries.
  fake.faults.add({ match: { op: "CreateInventoryTriggerJob" }, times: 1, action: { status: 503, code: "SlowDown" } });
  const first = await startNightly(client);
  const second = await startNightly(client); // finds the running job instead of creating another
  // #endregion faults

  // #region journal
  fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 2); // the throttled attempt and its retry
  fake.journal.expectNoUnhandled();
  const creates = fake.jobs.list().filter((job) => job.name === "nightly").length;
  log(first === second, creates); // true 1
  // #endregion journal
  return { first, second, creates };
}
