import { CiClient, isCiAbortError, isCiTimeoutError, type JobsDetail } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Sets the three timeouts and the retry budget, and cancels a call with an AbortSignal. */
export async function main(env: ExampleEnv): Promise<{ job: JobsDetail; aborted: boolean }> {
  const log = env.log ?? console.log;
  // #region timeouts
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
    timeouts: {
      connectTimeoutMs: 2_000, // TCP + TLS (default 5 s)
      attemptTimeoutMs: 10_000, // one attempt, up to the last byte of the body (default 30 s)
      deadlineMs: 60_000, // the whole call: attempts, backoff sleeps, reconciliation (default 120 s)
    },
    retry: { maxAttempts: 5 },
  });
  // #endregion timeouts

  // #region abort
  const controller = new AbortController();
  const pending = client.describeJob("b3deffea2f84911ec9cb15254008618d9", { signal: controller.signal });
  controller.abort(new Error("user pressed Ctrl-C"));
  let aborted = false;
  try {
    await pending;
  } catch (error) {
    if (isCiAbortError(error))
      aborted = true; // error.name === "AbortError", error.cause is the reason
    else if (isCiTimeoutError(error)) log(`${error.timeout} timeout after ${error.ms} ms`);
    else throw error;
  }
  // #endregion abort

  const job = await client.describeJob("b3deffea2f84911ec9cb15254008618d9", { signal: AbortSignal.timeout(15_000) });
  log(aborted, job.State, `${client.clockSkewMs} ms clock offset learnt from the service's Date header`);
  return { job, aborted };
}
