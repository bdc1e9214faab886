import { CiClient, type JobsDetail } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Describes the demo job (the sample job of Tencent's DescribeInventoryTriggerJob documentation), then several ids at once. */
export async function main(env: ExampleEnv): Promise<{ job: JobsDetail; missing: string[] }> {
  const log = env.log ?? console.log;
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
  });

  // #region describe
  const job = await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
  log(job.Name, job.Type, job.State); // "demo" "Workflow" "Running"
  log(job.CreationTime.toISOString()); // times are Date objects
  if (job.Type === "Workflow") log(job.Operation.WorkflowIds); // narrowed on Type
  // #endregion describe

  // #region describe-many
  const { JobsDetail, NonExistJobIds } = await client.describeJobs([
    "b3deffea2f84911ec9cb15254008618d9",
    "b00000000000000000000000000000000",
  ]);
  log(JobsDetail.length, NonExistJobIds); // 1 ["b00000000000000000000000000000000"]
  // #endregion describe-many
  return { job, missing: NonExistJobIds };
}
