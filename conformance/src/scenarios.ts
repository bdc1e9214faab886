import {
  isAmbiguousCreateError,
  isCiAbortError,
  isCiError,
  isCiServiceError,
  isCiTimeoutError,
  isValidationError,
} from "@cibatch/ci-client";
import { presignUrl, signRequest } from "@cibatch/signer";
import { ACCOUNT, type Harness } from "./harness.js";
import { attemptsOf, jobsOf, nextTokenOf, nonExistOf } from "./results.js";

/** One conformance scenario: a name and a body that throws on failure. */
export interface Scenario {
  readonly name: string;
  run(h: Harness): Promise<void>;
}

const DEMO_JOB_ID = "b3deffea2f84911ec9cb15254008618d9";
const MISSING_ID = "b00000000000000000000000000000000";
const WORKFLOW_ID = "w7476ff3564ee45b7b490d64bccaba6cc";
const ENTITIES: Record<string, string> = { "&quot;": '"', "&apos;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" };

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, it succeeded");
}

const workflow = (name: string) => ({
  Name: name,
  Type: "Workflow" as const,
  Input: { Prefix: "media/" },
  Operation: { WorkflowIds: WORKFLOW_ID },
});

/** The scenarios, in order; each starts from `h.reset()` (demo jobs, no faults, empty journal). */
export const SCENARIOS: readonly Scenario[] = [
  {
    name: "describe the documented sample job",
    async run(h) {
      const job = await h.client().describeJob(DEMO_JOB_ID);
      equal(job.JobId, DEMO_JOB_ID, "JobId");
      equal(job.Name, "demo", "Name");
      equal(job.Type, "Workflow", "Type");
      equal(job.State, "Running", "State");
      equal(job.CreationTime?.toISOString(), "2022-06-27T07:23:10.000Z", "CreationTime");
      check(job.$metadata.requestId, "a request id");
    },
  },
  {
    name: "describe several ids, one missing: NonExistJobIds",
    async run(h) {
      const result = await h.client().describeJobs([DEMO_JOB_ID, "be8f65004eb8511eaaed4f377124a303c", MISSING_ID]);
      equal(jobsOf(result).length, 2, "jobs found");
      equal(nonExistOf(result).join(), MISSING_ID, "NonExistJobIds");
      equal(await h.count("DescribeInventoryTriggerJob"), 1, "requests sent");
    },
  },
  {
    name: "describe an unknown id: a not-found error",
    async run(h) {
      const error = await rejection(h.client().describeJob(MISSING_ID));
      check(isCiError(error), `a CiError, got ${String(error)}`);
      check(String((error as Error).message).includes(MISSING_ID), "the message names the id");
    },
  },
  {
    name: "list with filters over 3 pages (nextToken)",
    async run(h) {
      for (let i = 0; i < 25; i++) {
        await h.seed({
          ...workflow(`failed-${i}`),
          State: "Failed",
          Code: "InternalError",
          Message: "boom",
          transition: { mode: "manual" },
        });
      }
      const client = h.client();
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await client.listJobs({
          type: "Workflow",
          states: ["Failed"],
          size: 10,
          ...(token ? { nextToken: token } : {}),
        });
        pages += 1;
        for (const job of jobsOf(page)) {
          equal(job.State, "Failed", "State of a listed job");
          seen.push(job.JobId);
        }
        token = nextTokenOf(page);
      } while (token !== undefined && pages < 10);
      equal(pages, 3, "pages");
      equal(seen.length, 26, "jobs listed (25 seeded + 1 demo)");
      equal(new Set(seen).size, 26, "distinct jobs");
    },
  },
  {
    name: "list filtered by name and job id",
    async run(h) {
      const client = h.client();
      const byName = await client.listJobs({ type: "Workflow", states: "All", name: "nightly-transcode" });
      equal(
        jobsOf(byName)
          .map((j) => j.JobId)
          .join(),
        "be4545ce55ba0412113701657c42f131d",
        "by name",
      );
      const byId = await client.listJobs({
        type: "Job",
        states: "All",
        jobId: "b88a78fe20b418593ddb1c3622265e2ef",
      });
      equal(
        jobsOf(byId)
          .map((j) => j.Name)
          .join(),
        "thumbnails",
        "by job id",
      );
    },
  },
  {
    name: "paginate every job of every state",
    async run(h) {
      let count = 0;
      for await (const job of h.client().paginateJobs({ type: "Workflow", states: "All", size: 2 })) {
        check(job.Type === "Workflow", "only Workflow jobs");
        count += 1;
      }
      equal(count, 4, "Workflow demo jobs");
    },
  },
  {
    name: "create a Workflow job",
    async run(h) {
      const job = await h.client().createJob(workflow("conformance-workflow"));
      check(/^b[0-9a-f]{32}$/.test(job.JobId), `a job id, got ${job.JobId}`);
      equal(job.State, "Submitted", "State");
      equal(job.Name, "conformance-workflow", "Name");
      equal(await h.count("CreateInventoryTriggerJob"), 1, "creates sent");
    },
  },
  {
    name: "create a Job job (Transcode, QueueId, JobParam echoed)",
    async run(h) {
      const job = await h.client().createJob({
        Name: "conformance-job",
        Type: "Job",
        Input: { Object: "in/video.mp4" },
        Operation: {
          Tag: "Transcode",
          QueueId: "p893bcda225bf4945a378da6662e81a89",
          JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
          Output: { Region: "ap-beijing", Bucket: ACCOUNT.bucket, Object: "out/video.mp4" },
        },
      });
      equal(job.Type, "Job", "Type");
      const again = await h.client().describeJob(job.JobId);
      const operation = again.Operation as { Tag?: string; QueueId?: string };
      equal(operation.Tag, "Transcode", "Operation.Tag");
      equal(operation.QueueId, "p893bcda225bf4945a378da6662e81a89", "Operation.QueueId");
    },
  },
  {
    name: "a create the client refuses before sending (validation)",
    async run(h) {
      const error = await rejection(
        h.client().createJob({ Name: "", Type: "Workflow", Input: {}, Operation: {} } as never),
      );
      check(isValidationError(error), `a ValidationError, got ${String(error)}`);
      equal(await h.count("CreateInventoryTriggerJob"), 0, "creates sent");
    },
  },
  {
    name: "cancel a running job",
    async run(h) {
      const client = h.client();
      const id = await h.seed({ ...workflow("to-cancel"), State: "Running", transition: { mode: "manual" } });
      await client.cancelJob(id);
      equal((await client.describeJob(id)).State, "Cancel", "State after cancel");
      equal(await h.count("CancelInventoryTriggerJob"), 1, "cancels sent");
    },
  },
  {
    name: "wait for a job on the fake's manual clock",
    async run(h) {
      const client = h.client();
      const created = await client.createJob(workflow("to-wait"));
      const states: string[] = [];
      const start = h.now();
      const done = await client.waitForJob(created.JobId, {
        interval: 5_000,
        onProgress: (job) => states.push(job.State),
      });
      equal(done.State, "Success", "final State");
      check(states.includes("Running"), `passed Running: ${states.join(" → ")}`);
      check(h.now() - start >= 20_000, "the fake clock moved, not the real one");
    },
  },
  {
    name: "a wait that reaches its deadline",
    async run(h) {
      const error = await rejection(h.client().waitForJob(DEMO_JOB_ID, { interval: 5_000, timeout: 20_000 }));
      check(isCiTimeoutError(error), `a CiTimeoutError, got ${String(error)}`);
    },
  },
  {
    name: "a 503 then success (retried)",
    async run(h) {
      await h.fault({
        match: { op: "DescribeInventoryTriggerJob" },
        times: 1,
        action: { status: 503, code: "ServiceUnavailable" },
      });
      const job = await h.client().describeJob(DEMO_JOB_ID);
      equal(job.JobId, DEMO_JOB_ID, "JobId");
      equal(attemptsOf(job), 2, "attempts");
      equal(await h.count("DescribeInventoryTriggerJob"), 2, "requests sent");
    },
  },
  {
    name: "a 429 with Retry-After then success",
    async run(h) {
      await h.fault({
        match: { op: "DescribeInventoryTriggerJobs" },
        times: 1,
        action: { status: 429, code: "SlowDown", retryAfter: 2 },
      });
      const page = await h.client().listJobs({ type: "Workflow", states: "All" });
      check(jobsOf(page).length > 0, "jobs listed");
      equal(attemptsOf(page), 2, "attempts");
    },
  },
  {
    name: "a service error that is not retried (403 AccessDenied)",
    async run(h) {
      await h.fault({ match: { op: "DescribeInventoryTriggerJob" }, action: { status: 403, code: "AccessDenied" } });
      const error = await rejection(h.client().describeJob(DEMO_JOB_ID));
      check(isCiServiceError(error), `a CiServiceError, got ${String(error)}`);
      equal(error.code, "AccessDenied", "code");
      equal(error.status, 403, "status");
      check(error.requestId, "the request id of the answer");
      equal(await h.count("DescribeInventoryTriggerJob"), 1, "requests sent");
    },
  },
  {
    name: "an ambiguous create: AmbiguousCreateError, never a second job",
    async run(h) {
      await h.fault({
        match: { op: "CreateInventoryTriggerJob" },
        times: 1,
        action: { status: 500, code: "InternalError" },
      });
      const error = await rejection(h.client().createJob(workflow("ambiguous")));
      check(isAmbiguousCreateError(error), `an AmbiguousCreateError, got ${String(error)}`);
      equal(error.jobName, "ambiguous", "jobName");
      equal(await h.count("CreateInventoryTriggerJob"), 1, "creates sent");
    },
  },
  {
    name: "a create answered 500 after it took effect is reconciled",
    async run(h) {
      await h.fault({
        match: { op: "CreateInventoryTriggerJob" },
        times: 1,
        when: "after",
        action: { status: 500, code: "InternalError" },
      });
      const job = await h.client().createJob(workflow("reconciled"));
      check(/^b[0-9a-f]{32}$/.test(job.JobId), "the job created by the first request");
      equal(await h.count("CreateInventoryTriggerJob"), 1, "creates sent");
    },
  },
  {
    name: "SignatureDoesNotMatch, explained by the signer",
    async run(h) {
      const wrong = { secretId: ACCOUNT.secretId, secretKey: "not-the-right-key" };
      const error = await rejection(h.client({ credentials: wrong }).describeJob(DEMO_JOB_ID));
      check(isCiServiceError(error), `a CiServiceError, got ${String(error)}`);
      equal(error.code, "SignatureDoesNotMatch", "code");
      // Sign the same request by hand: the fake's StringToSign equals ours, so the canonical request agrees and
      // the key is what differs.
      const url = `${h.baseUrl}/inventorytriggerjob/${DEMO_JOB_ID}`;
      const signed = await signRequest({ method: "GET", url, credentials: wrong, now: h.now() });
      const res = await h.fetch(new Request(url, { headers: signed.headers }));
      equal(res.status, 403, "status");
      const message = (/<Message>([^<]*)<\/Message>/.exec(await res.text())?.[1] ?? "").replace(
        /&(?:quot|apos|lt|gt|amp);/g,
        (entity) => ENTITIES[entity] as string,
      );
      const stringToSign = /StringToSign="((?:[^"\\]|\\.)*)"/.exec(message)?.[1];
      check(stringToSign !== undefined, `the fake explains its StringToSign: ${message}`);
      equal(JSON.parse(`"${stringToSign}"`), signed.parts.stringToSign, "StringToSign");
    },
  },
  {
    name: "a presigned URL fetched",
    async run(h) {
      const presigned = await presignUrl({
        method: "GET",
        url: `${h.baseUrl}/inventorytriggerjob/${DEMO_JOB_ID}`,
        credentials: { secretId: ACCOUNT.secretId, secretKey: ACCOUNT.secretKey },
        now: h.now(),
        expiresIn: 600,
      });
      const res = await h.fetch(new Request(presigned.url));
      equal(res.status, 200, "status");
      check((await res.text()).includes(`<JobId>${DEMO_JOB_ID}</JobId>`), "the job in the answer");
    },
  },
  {
    name: "temporary credentials with x-ci-security-token",
    async run(h) {
      const temp = {
        secretId: "AKIDconformanceTEMP00000000000000001",
        secretKey: "temp-secret-key-00000000000000001",
        token: "session-token-1",
      };
      await h.addKey(temp);
      const ok = await h
        .client({ credentials: { secretId: temp.secretId, secretKey: temp.secretKey, sessionToken: temp.token } })
        .describeJob(DEMO_JOB_ID);
      equal(ok.JobId, DEMO_JOB_ID, "JobId");
      const withoutToken = await rejection(
        h.client({ credentials: { secretId: temp.secretId, secretKey: temp.secretKey } }).describeJob(DEMO_JOB_ID),
      );
      check(isCiServiceError(withoutToken), `refused without its token, got ${String(withoutToken)}`);
    },
  },
  {
    name: "a call aborted by its signal",
    async run(h) {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(h.client().describeJob(DEMO_JOB_ID, { signal: controller.signal }));
      check(isCiAbortError(error), `a CiAbortError, got ${String(error)}`);
    },
  },
  {
    name: "a hand-signed request: x-ci-request-id readable (exposed to a page)",
    async run(h) {
      const url = `${h.baseUrl}/inventorytriggerjob?size=1`;
      const signed = await signRequest({ method: "GET", url, credentials: ACCOUNT, now: h.now() });
      const res = await h.fetch(new Request(url, { headers: signed.headers }));
      equal(res.status, 200, "status");
      check(res.headers.get("x-ci-request-id"), "x-ci-request-id readable");
    },
  },
];
