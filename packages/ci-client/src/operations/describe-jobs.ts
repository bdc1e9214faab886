import { type DescribeJobsResponse, decodeDescribeJobsResponse, type JobsDetail } from "@cibatch/xml-model";
import { type CallOptions, type CiCore, type CoreInternals, metadataOf, runCall, type WithMetadata } from "../core.js";
import { jobPath } from "../endpoint.js";
import type { CallScope } from "../http/call-scope.js";
import type { CallResult } from "../http/pipeline.js";

const DESCRIBE_MAX_BYTES = 1024 * 1024;

/**
 * What `describeJobs` returns: the service's `<Response>` with its element names.
 *
 * @public
 */
export interface DescribeJobsResult extends WithMetadata {
  /** The jobs found, in the order the service returned them. */
  readonly JobsDetail: JobsDetail[];
  /** The ids the service reported as not existing. */
  readonly NonExistJobIds: string[];
}

/** Sends `GET /inventorytriggerjob/<ids>` and decodes the answer. @internal */
export function sendDescribe(
  core: CoreInternals,
  jobIds: string | readonly string[],
  scope: CallScope,
): Promise<CallResult<DescribeJobsResponse>> {
  return core.pipeline.send(
    {
      operation: "describe",
      method: "GET",
      path: jobPath(jobIds),
      retry: "read",
      maxBodyBytes: DESCRIBE_MAX_BYTES,
      expectBody: true,
      decode: (text, onWarning) => decodeDescribeJobsResponse(text, { maxBytes: DESCRIBE_MAX_BYTES, onWarning }),
    },
    scope,
  );
}

/**
 * Describes several jobs in one request (`GET /inventorytriggerjob/<id1>,<id2>`).
 *
 * @param core - From {@link createCiCore}.
 * @param jobIds - The ids (each validated as for {@link describeJob}).
 * @param options - `signal`.
 * @returns `JobsDetail` (the jobs found) and `NonExistJobIds`, with `$metadata`.
 *
 * @example
 * ```ts
 * import { createCiCore, describeJobs } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const { JobsDetail, NonExistJobIds } = await describeJobs(core, ["b3deffea2f84911ec9cb15254008618d9", "b0"]);
 * ```
 * @public
 */
export function describeJobs(
  core: CiCore,
  jobIds: readonly string[],
  options: CallOptions = {},
): Promise<DescribeJobsResult> {
  return runCall(core, options, async (internals, scope) => {
    const result = await sendDescribe(internals, jobIds, scope);
    return {
      JobsDetail: result.value.JobsDetail,
      NonExistJobIds: result.value.NonExistJobIds,
      $metadata: metadataOf(result),
    };
  });
}
