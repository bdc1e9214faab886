import type { JobsDetail } from "@cibatch/xml-model";
import type { CiCore } from "../client/client-core.js";
import type { WithMetadata } from "../client/metadata.js";
import type { CallOptions } from "../client/options.js";
import { describeJobCall } from "../operations/describe-jobs.js";
import { runCall } from "./run-call.js";

/**
 * Describes one job: `GET /inventorytriggerjob/<jobId>`. The standalone form of
 * `CiClient.describeJob` (same behaviour, same errors), for apps that import only what they call.
 *
 * @param core - From {@link createCiCore}.
 * @param jobId - The job id (`b` + 32 hex); empty ids, `/`, `%2F`, `../`, whitespace and control
 *   characters are rejected with a `ValidationError` before anything is sent.
 * @param options - `signal`.
 * @returns The typed job, with `$metadata`.
 * @throws `CiServiceError` (code `NoSuchJob` when the service lists the id as not existing), and
 *   the other `CiError`s.
 *
 * @example
 * ```ts
 * import { createCiCore, describeJob } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await describeJob(core, "b3deffea2f84911ec9cb15254008618d9");
 * if (job.Type === "Job") console.log(job.Operation.Tag);
 * ```
 * @public
 */
export function describeJob(
  core: CiCore,
  jobId: string,
  options: CallOptions = {},
): Promise<JobsDetail & WithMetadata> {
  return runCall(core, options, (inner, scope) => describeJobCall(inner, jobId, scope));
}
