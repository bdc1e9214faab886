import { type CallOptions, type CiCore, metadataOf, runCall, type WithMetadata } from "../core.js";
import { jobPath } from "../endpoint.js";
import { FollowUpRequired } from "../http/pipeline.js";
import { describeJobIn } from "./describe-job.js";

/**
 * What `cancelJob` returns (the service answers a cancel with an empty body).
 *
 * @public
 */
export interface CancelJobResult extends WithMetadata {
  /** The job that was cancelled. */
  readonly jobId: string;
  /**
   * `true` when a retried cancel was refused after an earlier attempt may have reached the
   * service, and a describe then showed the job in state `Cancel`.
   */
  readonly verified: boolean;
}

/**
 * Cancels a job (`PUT /inventorytriggerjob/<jobId>?cancel`). Retried like a read (a cancel is
 * idempotent by intent); a retried cancel that is refused after an earlier attempt may have worked
 * is checked with a describe.
 *
 * @param core - From {@link createCiCore}.
 * @param jobId - The job id (validated as for {@link describeJob}).
 * @param options - `signal`.
 * @returns The job id, whether the cancel had to be verified, and `$metadata`.
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
  return runCall(core, options, async (internals, scope) => {
    const path = `${jobPath(jobId)}?cancel`;
    try {
      const result = await internals.pipeline.send(
        {
          operation: "cancel",
          method: "PUT",
          path,
          retry: "cancel",
          maxBodyBytes: 64 * 1024,
          expectBody: false,
          decode: () => null,
        },
        scope,
      );
      return { jobId, verified: false, $metadata: metadataOf(result) };
    } catch (error) {
      if (!(error instanceof FollowUpRequired)) throw error;
      const job = await describeJobIn(internals, jobId, scope).catch(() => undefined);
      if (job?.State !== "Cancel") throw error.failure;
      return { jobId, verified: true, $metadata: { ...job.$metadata, attempts: error.attempts } };
    }
  });
}
