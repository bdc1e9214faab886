import type { FakeAccount } from "./accounts.js";
import type { SeedJob } from "./job-types.js";

/**
 * The bucket of the demo data and the default bucket of every fake (the bucket of the service documentation's examples).
 *
 * @example
 * ```ts
 * import { DEMO_BUCKET } from "@cibatch/testing-fakes";
 * console.log(`${DEMO_BUCKET}.ci.ap-beijing.myqcloud.com`);
 * ```
 */
export const DEMO_BUCKET = "examplebucket-1250000000";

/**
 * The region of the demo data and the default region (the documented sample host is in `ap-beijing`).
 *
 * @example
 * ```ts
 * import { DEMO_REGION } from "@cibatch/testing-fakes";
 * DEMO_REGION; // "ap-beijing"
 * ```
 */
export const DEMO_REGION = "ap-beijing";

/**
 * Documented, obviously fake credentials that every fake accepts unless given `accounts` of its own. They open
 * nothing anywhere else.
 *
 * @example
 * ```ts
 * import { DEMO_ACCOUNT } from "@cibatch/testing-fakes";
 * DEMO_ACCOUNT.secretId; // "AKIDcibatchDEMO000000000000000000000"
 * ```
 */
export const DEMO_ACCOUNT: FakeAccount = {
  bucket: DEMO_BUCKET,
  secretId: "AKIDcibatchDEMO000000000000000000000",
  secretKey: "cibatchDEMOsecretKEYnotAsecret00",
};

/**
 * The id of the documented sample job (DOC-GET sample response).
 *
 * @example
 * ```ts
 * import { DEMO_JOB_ID } from "@cibatch/testing-fakes";
 * DEMO_JOB_ID; // "b3deffea2f84911ec9cb15254008618d9"
 * ```
 */
export const DEMO_JOB_ID = "b3deffea2f84911ec9cb15254008618d9";

const pinned = { mode: "manual" } as const;
const workflowOperation = {
  TimeInterval: { Start: "2022-02-01T12:00:00+0800", End: "2022-05-01T12:00:00+0800" },
  WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc",
};
const jobOperation = {
  TimeInterval: { Start: "2022-02-01T12:00:00+0800", End: "2022-05-01T12:00:00+0800" },
  QueueId: "p893bcda225bf4945a378da6662e81a89",
  UserData: "this is my inventorytriggerjob",
  CallBack: "https://www.callback.com",
  Tag: "Transcode",
  JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
  Output: { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "output/${InventoryTriggerJobId}/out.mp4" },
  JobLevel: 0,
};

/**
 * The built-in `demo` seed (`cibatch-fake --seed demo`): the documented sample job
 * `b3deffea2f84911ec9cb15254008618d9` exactly as in its sample response (Workflow, `Running`, `StartTime`/`EndTime`
 * `-`), the list sample's `Job` variant `be8f65004eb8511eaaed4f377124a303c`, and one job in each other state.
 * Demo jobs are pinned (`transition: manual`) so they keep their documented state; jobs you create move normally.
 *
 * @example
 * ```ts
 * import { createFakeCi, demoJobs } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * for (const job of demoJobs()) fake.jobs.seed(job);
 * ```
 */
export function demoJobs(): SeedJob[] {
  return [
    {
      JobId: DEMO_JOB_ID,
      Name: "demo",
      Type: "Workflow",
      State: "Running",
      CreationTime: "2022-06-27T15:23:10+0800",
      Input: { Prefix: "input" },
      Operation: workflowOperation,
      transition: pinned,
    },
    {
      JobId: "be8f65004eb8511eaaed4f377124a303c",
      Name: "demo",
      Type: "Job",
      State: "Running",
      CreationTime: "2022-06-27T15:23:10+0800",
      StartTime: "2022-06-27T15:23:11+0800",
      EndTime: "2022-06-27T15:25:10+0800",
      Input: { Prefix: "input" },
      Operation: jobOperation,
      transition: pinned,
    },
    {
      JobId: "be4545ce55ba0412113701657c42f131d",
      Name: "nightly-transcode",
      Type: "Workflow",
      State: "Submitted",
      CreationTime: "2022-06-28T09:00:00+0800",
      Input: { Manifest: "https://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/inventory/manifest.json" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
      transition: pinned,
    },
    {
      JobId: "b88a78fe20b418593ddb1c3622265e2ef",
      Name: "thumbnails",
      Type: "Job",
      State: "Success",
      CreationTime: "2022-06-26T10:00:00+0800",
      StartTime: "2022-06-26T10:00:02+0800",
      EndTime: "2022-06-26T10:12:45+0800",
      Input: { Prefix: "media/" },
      Operation: {
        Tag: "Snapshot",
        JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
        // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
        Output: { Region: "ap-beijing", Bucket: "examplebucket-1250000000", SpriteObject: "sprites/${InputName}.jpg" },
      },
      transition: pinned,
    },
    {
      JobId: "bc29640f823400022d15ee1663248666a",
      Name: "broken-input",
      Type: "Workflow",
      State: "Failed",
      Code: "ResourceNotFound",
      Message: "input resource does not exist",
      CreationTime: "2022-06-25T08:30:00+0800",
      StartTime: "2022-06-25T08:30:01+0800",
      EndTime: "2022-06-25T08:30:03+0800",
      Input: { UrlFile: "url-list.txt" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
      transition: pinned,
    },
    {
      JobId: "bd9d12f01cae9eb662ae48dcd37997bdd",
      Name: "queued-transcode",
      Type: "Job",
      State: "Pause",
      CreationTime: "2022-06-27T20:00:00+0800",
      StartTime: "2022-06-27T20:00:05+0800",
      Input: { Object: "test.png" },
      Operation: jobOperation,
      transition: pinned,
    },
    {
      JobId: "b256d23361f08a31e9f60f366f0a9ceac",
      Name: "cancelled-run",
      Type: "Workflow",
      State: "Cancel",
      CreationTime: "2022-06-24T12:00:00+0800",
      EndTime: "2022-06-24T12:05:00+0800",
      Input: { Prefix: "archive/" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
      transition: pinned,
    },
  ];
}
