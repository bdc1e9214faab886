import type { CreateJobRequest, JobsDetail } from "@cibatch/xml-model";
import type { CiCore } from "../client/client-core.js";
import type { WithMetadata } from "../client/metadata.js";
import { type CreateJobOptions, createJobCall } from "../operations/create-job.js";
import { internalCore } from "./internal-core.js";

/**
 * Creates a batch job (`POST /inventorytriggerjob`), Workflow or Job variant: validated first
 * (`ValidationError`, nothing sent), resent only when the service certainly did not act, and
 * reconciled by listing after an ambiguous failure. The standalone form of `CiClient.createJob`.
 *
 * @param core - From {@link createCiCore}.
 * @param request - The create request.
 * @param options - `signal` and `idempotencyNonce`.
 * @returns The job; `$metadata.reconciled` is `true` when it was found by reconciliation.
 * @throws `AmbiguousCreateError` when the outcome stays unknown (the job MAY exist).
 *
 * @example
 * ```ts
 * import { createCiCore, createJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await createJob(core, {
 *   Name: "nightly",
 *   Type: "Workflow",
 *   Input: { Prefix: "media/" },
 *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * });
 * console.log(job.JobId, job.$metadata.reconciled);
 * ```
 * @public
 */
export async function createJob(
  core: CiCore,
  request: CreateJobRequest,
  options: CreateJobOptions = {},
): Promise<JobsDetail & WithMetadata> {
  return createJobCall(internalCore(core), request, options);
}
