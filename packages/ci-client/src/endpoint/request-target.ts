import { type InputProblem, ValidationError } from "../errors/validation-error.js";
import type { RetryOperation } from "../retry/decide.js";
import type { ResolvedEndpoint } from "./endpoint.js";
import { jobIdProblems } from "./job-id.js";

/** The resource path of the API family. */
const BASE_PATH = "/inventorytriggerjob";

/**
 * One operation's method, path and query string, built from validated input.
 *
 * @example
 * ```ts
 * import type { RequestTarget } from "./request-target.js";
 *
 * const target: RequestTarget = {
 *   operation: "cancel",
 *   method: "PUT",
 *   path: "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9",
 *   search: "?cancel",
 *   retry: "cancel",
 * };
 * ```
 * @internal
 */
export interface RequestTarget {
  /** The API operation. */
  readonly operation: "create" | "describe" | "list" | "cancel";
  /** The HTTP method. */
  readonly method: "GET" | "POST" | "PUT";
  /** The path, starting with `/`. */
  readonly path: string;
  /** The query string with its `?`, or `""`. */
  readonly search: string;
  /** The retry rules that apply. */
  readonly retry: RetryOperation;
}

function throwIfProblems(problems: InputProblem[]): void {
  if (problems.length > 0) throw new ValidationError({ problems });
}

/**
 * `POST /inventorytriggerjob` (CreateInventoryTriggerJob).
 *
 * @returns The target.
 *
 * @example
 * ```ts
 * import { createJobTarget } from "./request-target.js";
 *
 * createJobTarget().path; // "/inventorytriggerjob"
 * ```
 * @internal
 */
export function createJobTarget(): RequestTarget {
  return { operation: "create", method: "POST", path: BASE_PATH, search: "", retry: "create" };
}

/**
 * `GET /inventorytriggerjob/<id>[,<id>…]` (DescribeInventoryTriggerJob). Several ids are joined
 * with `,` as the analogous `/jobs/` endpoint does (api.md §4, open question 1); every id is
 * validated first.
 *
 * @param jobIds - One id, or a non-empty list of ids.
 * @returns The target.
 * @throws {@link ValidationError} for an empty list or any invalid id (all problems at once).
 *
 * @example
 * ```ts
 * import { describeJobsTarget } from "./request-target.js";
 *
 * describeJobsTarget(["b3deffea2f84911ec9cb15254008618d9", "be8f65004eb8511eaaed4f377124a303c"]).path;
 * // "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9,be8f65004eb8511eaaed4f377124a303c"
 * ```
 * @internal
 */
export function describeJobsTarget(jobIds: string | readonly string[]): RequestTarget {
  const ids: readonly unknown[] = typeof jobIds === "string" ? [jobIds] : jobIds;
  const problems: InputProblem[] = [];
  if (!Array.isArray(ids) || ids.length === 0)
    problems.push({ path: "jobIds", message: "must list at least one job id" });
  else if (typeof jobIds === "string") problems.push(...jobIdProblems(jobIds, "jobId"));
  else {
    for (const [index, id] of ids.entries()) problems.push(...jobIdProblems(id, `jobIds[${index}]`));
  }
  throwIfProblems(problems);
  return {
    operation: "describe",
    method: "GET",
    path: `${BASE_PATH}/${(ids as readonly string[]).join(",")}`,
    search: "",
    retry: "read",
  };
}

/**
 * `GET /inventorytriggerjob?<query>` (DescribeInventoryTriggerJobs).
 *
 * @param query - The encoded query string without `?` (e.g. from `@cibatch/xml-model`'s
 *   `listQueryToSearch`); empty for none.
 * @returns The target.
 *
 * @example
 * ```ts
 * import { listJobsTarget } from "./request-target.js";
 *
 * listJobsTarget("size=10&states=Running").search; // "?size=10&states=Running"
 * ```
 * @internal
 */
export function listJobsTarget(query = ""): RequestTarget {
  const search = query.startsWith("?") ? query.slice(1) : query;
  return { operation: "list", method: "GET", path: BASE_PATH, search: search ? `?${search}` : "", retry: "read" };
}

/**
 * `PUT /inventorytriggerjob/<id>?cancel` (CancelInventoryTriggerJob); `cancel` has no value
 * (signed as `cancel=`).
 *
 * @param jobId - The job to cancel.
 * @returns The target.
 * @throws {@link ValidationError} for an invalid id.
 *
 * @example
 * ```ts
 * import { cancelJobTarget } from "./request-target.js";
 *
 * cancelJobTarget("b3deffea2f84911ec9cb15254008618d9").search; // "?cancel"
 * ```
 * @internal
 */
export function cancelJobTarget(jobId: string): RequestTarget {
  throwIfProblems(jobIdProblems(jobId, "jobId"));
  return { operation: "cancel", method: "PUT", path: `${BASE_PATH}/${jobId}`, search: "?cancel", retry: "cancel" };
}

/**
 * The absolute URL to connect to for a target.
 *
 * @param endpoint - The resolved endpoint.
 * @param target - The operation's target.
 * @returns `endpoint.url` + path + query.
 *
 * @example
 * ```ts
 * import { resolveEndpoint } from "./endpoint.js";
 * import { createJobTarget, targetUrl } from "./request-target.js";
 *
 * const endpoint = resolveEndpoint({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * targetUrl(endpoint, createJobTarget()); // "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob"
 * ```
 * @internal
 */
export function targetUrl(endpoint: ResolvedEndpoint, target: RequestTarget): string {
  return `${endpoint.url}${target.path}${target.search}`;
}
