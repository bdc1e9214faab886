import type { ClientCore } from "../client/client-core.js";
import type { WithMetadata } from "../client/metadata.js";
import { cancelJobTarget } from "../endpoint/request-target.js";
import { VerifyCancelRequired } from "../transport/call-outcome.js";
import type { CallScope } from "../transport/transport.js";
import { describeJobCall } from "./describe-jobs.js";

/**
 * The result of {@link CiClient.cancelJob}.
 *
 * @example
 * ```ts
 * import { CiClient, type CancelJobResult } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const result: CancelJobResult = await client.cancelJob("b3deffea2f84911ec9cb15254008618d9");
 * console.log(result.jobId, result.$metadata.requestId);
 * ```
 * @public
 */
export interface CancelJobResult extends WithMetadata {
  /** The job that was cancelled. */
  readonly jobId: string;
  /**
   * `true` when a retried cancel was refused after an earlier attempt may have reached the
   * service, and a describe then showed the job in state `Cancel` (reliability §1.1).
   */
  readonly verified: boolean;
}

/**
 * `PUT /inventorytriggerjob/<id>?cancel`. Cancel is idempotent by intent: a refusal after an
 * ambiguous earlier attempt is checked with a describe, and a job already in `Cancel` counts as
 * success.
 *
 * @param core - The client.
 * @param jobId - The job id.
 * @param scope - The call's signals and deadline.
 * @returns The job id and `$metadata`.
 *
 * @example
 * ```ts
 * import { cancelJobCall } from "./cancel-job.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * await cancelJobCall(core, "b3deffea2f84911ec9cb15254008618d9", core.scope(undefined));
 * ```
 * @internal
 */
export async function cancelJobCall(core: ClientCore, jobId: string, scope: CallScope): Promise<CancelJobResult> {
  const target = cancelJobTarget(jobId);
  try {
    const result = await core.transport.send(
      {
        operation: "cancel",
        method: target.method,
        path: target.path,
        search: target.search,
        retry: target.retry,
        maxBodyBytes: 64 * 1024,
        expectBody: false,
        decode: () => null,
      },
      scope,
    );
    return {
      jobId,
      verified: false,
      $metadata: { requestId: result.requestId, status: result.status, attempts: result.attempts },
    };
  } catch (error) {
    if (!(error instanceof VerifyCancelRequired)) throw error;
    const job = await describeJobCall(core, jobId, scope).catch(() => undefined);
    if (job?.State !== "Cancel") throw error.failure;
    return { jobId, verified: true, $metadata: { ...job.$metadata, attempts: error.attempts } };
  }
}
