import type { JobsDetail } from "@cibatch/xml-model";
import type { CiCore } from "../client/client-core.js";
import type { WithMetadata } from "../client/metadata.js";
import { type WaitForJobOptions, waitForJobCall } from "../operations/wait-for-job.js";
import { internalCore } from "./internal-core.js";

/**
 * Polls a job until it reaches a state of `until` (default: `Success`, `Failed` or `Cancel`). The
 * standalone form of `CiClient.waitForJob`.
 *
 * @param core - From {@link createCiCore}.
 * @param jobId - The job id.
 * @param options - `until`, `interval` (5 s), `timeout` (30 min; `CiTimeoutError` after it),
 *   `signal`, `onProgress`.
 * @returns The job in the state reached.
 *
 * @example
 * ```ts
 * import { createCiCore, waitForJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await waitForJob(core, "b3deffea2f84911ec9cb15254008618d9", { interval: 10_000 });
 * if (job.State === "Failed") console.error(job.Code, job.Message);
 * ```
 * @public
 */
export async function waitForJob(
  core: CiCore,
  jobId: string,
  options: WaitForJobOptions = {},
): Promise<JobsDetail & WithMetadata> {
  return waitForJobCall(internalCore(core), jobId, options);
}
