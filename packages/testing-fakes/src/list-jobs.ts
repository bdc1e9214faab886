import type { JobState } from "./job-state.js";
import type { JobRecord } from "./job-store.js";

/**
 * A decoded list query on typed values. Absent fields mean "no filter".
 *
 * @example
 * ```ts
 * import type { ListFilter } from "@cibatch/testing-fakes";
 * const filter: ListFilter = { states: ["Running"], orderByTime: "Asc", size: 20 };
 * ```
 */
export interface ListFilter {
  /** `Workflow` or `Job`; absent: the `list.defaultType` switch decides. */
  readonly type?: string;
  /** Absent or containing `All`: every state. */
  readonly states?: readonly JobState[];
  /** `name`: exact job name. */
  readonly name?: string;
  /** `jobId`: one job id. */
  readonly jobId?: string;
  /** `workflowId`: jobs that trigger this workflow. */
  readonly workflowId?: string;
  /** Inclusive lower bound on `CreationTime`, epoch ms (compared at whole seconds). */
  readonly startCreationTime?: number;
  /** Inclusive upper bound on `CreationTime`, epoch ms (compared at whole seconds). */
  readonly endCreationTime?: number;
  /** Default `Desc`. */
  readonly orderByTime?: "Desc" | "Asc";
  /** Default 10. */
  readonly size?: number;
  /** `nextToken`: the cursor of the previous page. */
  readonly nextToken?: string;
}

/** @internal The server-side table behind opaque `NextToken` values. */
export interface ListCursors {
  issue(fingerprint: string, after: { creationTime: number; seq: number }): string;
  resolve(token: string, fingerprint: string): { creationTime: number; seq: number } | undefined;
  clear(): void;
}

/** @internal Cursors are decimal counters; the table keeps the last `limit` of them. */
export function createListCursors(limit = 10_000): ListCursors {
  const table = new Map<string, { fingerprint: string; creationTime: number; seq: number }>();
  let counter = 0;
  return {
    issue(fingerprint, after) {
      const token = String(++counter);
      table.set(token, { fingerprint, ...after });
      if (table.size > limit) table.delete(table.keys().next().value as string);
      return token;
    },
    resolve(token, fingerprint) {
      const entry = table.get(token);
      if (!entry || entry.fingerprint !== fingerprint) return undefined;
      return { creationTime: entry.creationTime, seq: entry.seq };
    },
    clear() {
      table.clear();
    },
  };
}

/** @internal What the list needs to know about a job beyond the record. */
export interface ListDeps {
  workflowIdsOf(job: JobRecord): readonly string[];
  defaultType: "all" | "Workflow";
}

/** @internal One page, or the reason the query is refused. */
export type ListPage =
  | { readonly ok: true; readonly jobs: JobRecord[]; readonly nextToken: string | undefined }
  | { readonly ok: false; readonly field: string; readonly message: string };

const seconds = (ms: number): number => Math.floor(ms / 1000);

function matches(job: JobRecord, filter: ListFilter, deps: ListDeps): boolean {
  const type = filter.type ?? (deps.defaultType === "Workflow" ? "Workflow" : undefined);
  // A legacy job without Type is a workflow job (an omitted Type presumably means Workflow).
  if (type !== undefined && (job.type ?? "Workflow") !== type) return false;
  if (filter.states && !filter.states.includes(job.state)) return false;
  if (filter.name !== undefined && job.name !== filter.name) return false;
  if (filter.jobId !== undefined && job.jobId !== filter.jobId) return false;
  if (filter.workflowId !== undefined && !deps.workflowIdsOf(job).includes(filter.workflowId)) return false;
  const created = seconds(job.creationTime);
  if (filter.startCreationTime !== undefined && created < seconds(filter.startCreationTime)) return false;
  if (filter.endCreationTime !== undefined && created > seconds(filter.endCreationTime)) return false;
  return true;
}

function fingerprintOf(filter: ListFilter, deps: ListDeps): string {
  return JSON.stringify([
    filter.type ?? deps.defaultType,
    filter.states ?? null,
    filter.name ?? null,
    filter.jobId ?? null,
    filter.workflowId ?? null,
    filter.startCreationTime ?? null,
    filter.endCreationTime ?? null,
    filter.orderByTime ?? "Desc",
  ]);
}

/**
 * @internal Filters, orders and pages `jobs`. Pages are keyed by the last job shown (creation time, then
 * insertion order), so jobs created between two pages never shift or repeat the rest.
 */
export function listJobsPage(
  jobs: readonly JobRecord[],
  filter: ListFilter,
  cursors: ListCursors,
  deps: ListDeps,
): ListPage {
  const size = filter.size ?? 10;
  const asc = (filter.orderByTime ?? "Desc") === "Asc";
  const fingerprint = fingerprintOf(filter, deps);
  let after: { creationTime: number; seq: number } | undefined;
  if (filter.nextToken !== undefined) {
    after = cursors.resolve(filter.nextToken, fingerprint);
    if (!after) {
      return {
        ok: false,
        field: "nextToken",
        message: `nextToken "${filter.nextToken}" is unknown or was issued for different filters; repeat the first query without nextToken`,
      };
    }
  }
  const sign = asc ? 1 : -1;
  const compare = (a: { creationTime: number; seq: number }, b: { creationTime: number; seq: number }): number =>
    sign * (a.creationTime - b.creationTime || a.seq - b.seq);
  const selected = jobs.filter((job) => matches(job, filter, deps)).sort(compare);
  const start = after ? selected.findIndex((job) => compare(job, after) > 0) : 0;
  const from = start < 0 ? selected.length : start;
  const page = selected.slice(from, from + size);
  const last = page.at(-1);
  const more = from + size < selected.length;
  return {
    ok: true,
    jobs: page,
    nextToken:
      more && last ? cursors.issue(fingerprint, { creationTime: last.creationTime, seq: last.seq }) : undefined,
  };
}
