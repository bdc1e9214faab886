import { CiClient } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Lists failed jobs of the last week, page by page, and one page on its own. */
export async function main(env: ExampleEnv): Promise<string[]> {
  const log = env.log ?? console.log;
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
  });

  // #region paginate
  const since = new Date(Date.now() - 7 * 24 * 3600_000);
  const failed: string[] = [];
  // One list request per page of 100, made only when the previous page has been consumed.
  for await (const job of client.paginateJobs({ states: ["Failed"], startCreationTime: since, size: 100 })) {
    failed.push(job.JobId);
    log(job.JobId, job.Name, job.Code, job.Message);
  }
  // #endregion paginate

  // #region page
  const page = await client.listJobs({ type: "Workflow", states: ["Running", "Submitted"], size: 10 });
  log(page.JobsDetail.length, page.NextToken ?? "(last page)");
  // #endregion page
  return failed;
}
