import {
  decodeListJobsResponse,
  isXmlModelError,
  type JobsDetail,
  type ListJobsQuery,
  listQueryToSearch,
} from "@cibatch/xml-model";
import type { ClientCore } from "../client/client-core.js";
import type { WithMetadata } from "../client/metadata.js";
import { listJobsTarget } from "../endpoint/request-target.js";
import { ValidationError } from "../errors/validation-error.js";
import type { CallScope } from "../transport/transport.js";

/** Cap on a list page (reliability §5.4). */
const LIST_MAX_BYTES = 4 * 1024 * 1024;

/**
 * One page of {@link CiClient.listJobs}.
 *
 * @example
 * ```ts
 * import { CiClient, type ListJobsPage } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const page: ListJobsPage = await client.listJobs({ size: 100, states: ["Running"] });
 * if (page.nextToken) await client.listJobs({ size: 100, states: ["Running"], nextToken: page.nextToken });
 * ```
 * @public
 */
export interface ListJobsPage extends WithMetadata {
  /** The jobs of this page. */
  readonly jobs: JobsDetail[];
  /** Pass it as `nextToken` (same filters) for the next page; absent on the last page. */
  readonly nextToken?: string | undefined;
}

/**
 * Builds the list query string, turning a bad filter into a `ValidationError` (nothing sent).
 *
 * @param query - The filters.
 * @returns The query string without `?`.
 *
 * @example
 * ```ts
 * import { listSearch } from "./list-jobs.js";
 *
 * listSearch({ size: 10, type: "Job" }); // "size=10&type=Job"
 * ```
 * @internal
 */
export function listSearch(query: ListJobsQuery): string {
  try {
    return listQueryToSearch(query);
  } catch (error) {
    if (isXmlModelError(error)) {
      throw new ValidationError({
        problems: [{ path: `query${error.path ? `.${error.path}` : ""}`, message: error.message }],
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * `GET /inventorytriggerjob?…`: one page.
 *
 * @param core - The client.
 * @param query - Filters and the page cursor.
 * @param scope - The call's signals and deadline.
 * @returns The page.
 *
 * @example
 * ```ts
 * import { listJobsCall } from "./list-jobs.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * const page = await listJobsCall(core, { size: 100 }, core.scope(undefined));
 * ```
 * @internal
 */
export async function listJobsCall(core: ClientCore, query: ListJobsQuery, scope: CallScope): Promise<ListJobsPage> {
  const target = listJobsTarget(listSearch(query));
  const result = await core.transport.send(
    {
      operation: "list",
      method: target.method,
      path: target.path,
      search: target.search,
      retry: target.retry,
      maxBodyBytes: LIST_MAX_BYTES,
      expectBody: true,
      decode: (text) => decodeListJobsResponse(text, { maxBytes: LIST_MAX_BYTES }),
    },
    scope,
  );
  const nextToken = result.value.NextToken;
  return {
    jobs: result.value.JobsDetail,
    ...(nextToken !== undefined && nextToken !== "" && { nextToken }),
    $metadata: { requestId: result.requestId, status: result.status, attempts: result.attempts },
  };
}
