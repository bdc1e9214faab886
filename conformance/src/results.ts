// The one place that knows the shape of the client's results. The scenarios read jobs, missing ids and page
// tokens only through these helpers, so a change of result names (camelCase today, the wire's names
// `JobsDetail`/`NonExistJobIds`/`NextToken` next) is adapted here and nowhere else.
import type { JobsDetail } from "@cibatch/ci-client";

type AnyResult = object;

function field<T>(result: AnyResult, ...names: string[]): T | undefined {
  const record = result as Record<string, unknown>;
  for (const name of names) if (record[name] !== undefined) return record[name] as T;
  return undefined;
}

/** The jobs of a `describeJobs` result or a `listJobs` page. */
export function jobsOf(result: AnyResult): JobsDetail[] {
  return field<JobsDetail[]>(result, "JobsDetail", "jobs") ?? [];
}

/** The ids a `describeJobs` answer names as not existing. */
export function nonExistOf(result: AnyResult): string[] {
  return field<string[]>(result, "NonExistJobIds", "nonExistJobIds") ?? [];
}

/** The token of the next page of a `listJobs` page, or `undefined` on the last page. */
export function nextTokenOf(result: AnyResult): string | undefined {
  const token = field<string>(result, "NextToken", "nextToken");
  return token === "" ? undefined : token;
}

/** How many HTTP attempts a result took. */
export function attemptsOf(result: AnyResult): number {
  return (field<{ attempts: number }>(result, "$metadata")?.attempts ?? Number.NaN) as number;
}
