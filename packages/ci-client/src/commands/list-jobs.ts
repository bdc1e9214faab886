import type { ListJobsQuery } from "@cibatch/xml-model";
import type { CiCore } from "../client/client-core.js";
import type { CallOptions } from "../client/options.js";
import { type ListJobsPage, listJobsCall } from "../operations/list-jobs.js";
import { runCall } from "./run-call.js";

/**
 * Lists one page of jobs (`GET /inventorytriggerjob?…`). The standalone form of
 * `CiClient.listJobs`.
 *
 * @param core - From {@link createCiCore}.
 * @param query - Filters (`type`, `states`, `name`, `workflowId`, `jobId`, creation-time range,
 *   `orderByTime`, `size` 1..100) and `nextToken`; invalid values throw a `ValidationError`.
 * @param options - `signal`.
 * @returns The page and its `nextToken` (absent on the last page).
 *
 * @example
 * ```ts
 * import { createCiCore, listJobs } from "@cibatch/ci-client";
 *
 * const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const page = await listJobs(core, { type: "Job", states: ["Running", "Failed"], size: 50 });
 * ```
 * @public
 */
export function listJobs(core: CiCore, query: ListJobsQuery = {}, options: CallOptions = {}): Promise<ListJobsPage> {
  return runCall(core, options, (inner, scope) => listJobsCall(inner, query, scope));
}
