import type { JobsDetail } from "@cibatch/xml-model";
import {
  type CallOptions,
  type CiCore,
  type CoreInternals,
  metadataOf,
  runCall,
  type WithMetadata,
  withMetadata,
} from "../core.js";
import { JOBS_PATH } from "../endpoint.js";
import { CiServiceError } from "../errors/ci-service-error.js";
import type { CallScope } from "../http/call-scope.js";
import { sendDescribe } from "./describe-jobs.js";

/**
 * Describes one job in a call's scope: the job whose `JobId` is `jobId`, never another one the
 * service may have answered with.
 * @internal
 */
export async function describeJobIn(
  core: CoreInternals,
  jobId: string,
  scope: CallScope,
): Promise<JobsDetail & WithMetadata> {
  const result = await sendDescribe(core, jobId, scope);
  const { JobsDetail: jobs, NonExistJobIds: missing } = result.value;
  const job = jobs.find((candidate) => candidate.JobId === jobId);
  if (job === undefined) {
    const listed = missing.includes(jobId);
    const others = jobs.map((other) => other.JobId).join(", ");
    throw new CiServiceError({
      code: "NoSuchJob",
      status: result.status,
      serverMessage: listed
        ? `job ${jobId} does not exist in bucket ${core.endpoint.bucket} (the service listed it in NonExistJobIds)`
        : others
          ? `the service answered with job ${others}, not ${jobId}; no job of another id is ever returned`
          : `the service's answer names no job ${jobId} in bucket ${core.endpoint.bucket} (neither found nor listed as missing)`,
      requestId: result.requestId,
      retryable: false,
      attempts: result.attempts,
      request: { method: "GET", url: `${core.endpoint.url}${JOBS_PATH}/${jobId}` },
    });
  }
  return withMetadata(job, metadataOf(result));
}

/**
 * Describes one job: `GET /inventorytriggerjob/<jobId>`.
 *
 * @param core - From {@link createCiCore}.
 * @param jobId - The job id (`b` + 32 hex); empty ids, `/`, `%2F`, `../`, whitespace and control
 *   characters are rejected with a `ValidationError` before anything is sent.
 * @param options - `signal`.
 * @returns The job (`JobsDetail`), with `$metadata`.
 * @throws `CiServiceError` with code `NoSuchJob` (category `not-found`) when the service has no
 *   such job, and the other `CiError`s.
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
  return runCall(core, options, (internals, scope) => describeJobIn(internals, jobId, scope));
}
