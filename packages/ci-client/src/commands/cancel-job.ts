import type { CiCore } from "../client/client-core.js";
import type { CallOptions } from "../client/options.js";
import { type CancelJobResult, cancelJobCall } from "../operations/cancel-job.js";
import { runCall } from "./run-call.js";

/**
 * Cancels a job (`PUT /inventorytriggerjob/<jobId>?cancel`). The standalone form of
 * `CiClient.cancelJob`.
 *
 * @param core - From {@link createCiCore}.
 * @param jobId - The job id (validated as for {@link describeJob}).
 * @param options - `signal`.
 * @returns The job id, whether the cancel had to be verified by a describe, and `$metadata`.
 *
 * @example
 * ```ts
 * import { cancelJob, createCiCore } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * await cancelJob(core, "b3deffea2f84911ec9cb15254008618d9");
 * ```
 * @public
 */
export function cancelJob(core: CiCore, jobId: string, options: CallOptions = {}): Promise<CancelJobResult> {
  return runCall(core, options, (inner, scope) => cancelJobCall(inner, jobId, scope));
}
