import type { CiCore } from "../client/client-core.js";
import type { CallOptions } from "../client/options.js";
import { type DescribeJobsResult, describeJobsCall } from "../operations/describe-jobs.js";
import { runCall } from "./run-call.js";

/**
 * Describes several jobs in one request (`GET /inventorytriggerjob/<id1>,<id2>`). The standalone
 * form of `CiClient.describeJobs`.
 *
 * @param core - From {@link createCiCore}.
 * @param jobIds - The ids (each validated as for {@link describeJob}).
 * @param options - `signal`.
 * @returns The jobs found and `nonExistJobIds`.
 *
 * @example
 * ```ts
 * import { createCiCore, describeJobs } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const { jobs, nonExistJobIds } = await describeJobs(core, ["b3deffea2f84911ec9cb15254008618d9"]);
 * ```
 * @public
 */
export function describeJobs(
  core: CiCore,
  jobIds: readonly string[],
  options: CallOptions = {},
): Promise<DescribeJobsResult> {
  return runCall(core, options, (inner, scope) => describeJobsCall(inner, jobIds, scope));
}
