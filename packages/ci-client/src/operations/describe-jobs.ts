import { type DescribeJobsResponse, decodeDescribeJobsResponse, type JobsDetail } from "@cibatch/xml-model";
import type { ClientCore } from "../client/client-core.js";
import { type ResponseMetadata, type WithMetadata, withMetadata } from "../client/metadata.js";
import { describeJobsTarget, type RequestTarget, targetUrl } from "../endpoint/request-target.js";
import { CiServiceError } from "../errors/ci-service-error.js";
import type { CallScope, TransportResult } from "../transport/transport.js";

/** Cap on a describe body (reliability §5.4). */
const DESCRIBE_MAX_BYTES = 1024 * 1024;

/**
 * The result of {@link CiClient.describeJobs}.
 *
 * @example
 * ```ts
 * import { CiClient, type DescribeJobsResult } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const result: DescribeJobsResult = await client.describeJobs(["b3deffea2f84911ec9cb15254008618d9"]);
 * console.log(result.jobs.length, result.nonExistJobIds);
 * ```
 * @public
 */
export interface DescribeJobsResult extends WithMetadata {
  /** The jobs found, in the order the service returned them. */
  readonly jobs: JobsDetail[];
  /** The ids the service reported as not existing (`NonExistJobIds`). */
  readonly nonExistJobIds: string[];
}

const DECODE_OPTIONS = { maxBytes: DESCRIBE_MAX_BYTES } as const;

function decodeDescribe(text: string): DescribeJobsResponse {
  return decodeDescribeJobsResponse(text, DECODE_OPTIONS);
}

function metadataOf(result: TransportResult<unknown>): ResponseMetadata {
  return { requestId: result.requestId, status: result.status, attempts: result.attempts };
}

/** Sends the describe of `target` (already validated). */
function sendDescribe(
  core: ClientCore,
  target: RequestTarget,
  scope: CallScope,
): Promise<TransportResult<DescribeJobsResponse>> {
  return core.transport.send(
    {
      operation: "describe",
      method: target.method,
      path: target.path,
      search: target.search,
      retry: target.retry,
      maxBodyBytes: DESCRIBE_MAX_BYTES,
      expectBody: true,
      decode: decodeDescribe,
    },
    scope,
  );
}

/**
 * `GET /inventorytriggerjob/<id1>,<id2>,…`: validates every id (nothing is sent when one is
 * bad), then describes them in one request.
 *
 * @param core - The client.
 * @param jobIds - One id or several.
 * @param scope - The call's signals and deadline.
 * @returns The jobs and the missing ids.
 *
 * @example
 * ```ts
 * import { describeJobsCall } from "./describe-jobs.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * const result = await describeJobsCall(core, ["b3deffea2f84911ec9cb15254008618d9"], core.scope(undefined));
 * ```
 * @internal
 */
export async function describeJobsCall(
  core: ClientCore,
  jobIds: string | readonly string[],
  scope: CallScope,
): Promise<DescribeJobsResult> {
  const result = await sendDescribe(core, describeJobsTarget(jobIds), scope);
  return {
    jobs: result.value.JobsDetail,
    nonExistJobIds: result.value.NonExistJobIds,
    $metadata: metadataOf(result),
  };
}

/**
 * `GET /inventorytriggerjob/<id>` (the seed's call): the job, or a `CiServiceError` with code
 * `NoSuchJob` when the service lists the id in `NonExistJobIds`.
 *
 * @param core - The client.
 * @param jobId - The job id.
 * @param scope - The call's signals and deadline.
 * @returns The job with its `$metadata`.
 *
 * @example
 * ```ts
 * import { describeJobCall } from "./describe-jobs.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * const job = await describeJobCall(core, "b3deffea2f84911ec9cb15254008618d9", core.scope(undefined));
 * ```
 * @internal
 */
export async function describeJobCall(
  core: ClientCore,
  jobId: string,
  scope: CallScope,
): Promise<JobsDetail & WithMetadata> {
  const target = describeJobsTarget(jobId);
  const result = await sendDescribe(core, target, scope);
  const jobs = result.value.JobsDetail;
  const job = jobs.find((candidate) => candidate.JobId === jobId) ?? jobs[0];
  if (job === undefined) {
    throw new CiServiceError({
      code: "NoSuchJob",
      status: result.status,
      serverMessage: `job ${jobId} does not exist in bucket ${core.endpoint.bucket} (the service listed it in NonExistJobIds)`,
      requestId: result.requestId,
      retryable: false,
      attempts: result.attempts,
      request: { method: target.method, url: targetUrl(core.endpoint, target) },
    });
  }
  return withMetadata(job, metadataOf(result));
}
