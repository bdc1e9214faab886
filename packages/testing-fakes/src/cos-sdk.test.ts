import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, CI_HOST, GO_JOB_BODY, WORKFLOW_BODY } from "./client.fixture.js";
import { realClock } from "./clock.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";

// The official SDK is CommonJS; a devDependency used only here, as an independent client.
const COS = createRequire(import.meta.url)("cos-nodejs-sdk-v5") as new (
  options: Record<string, unknown>,
) => {
  request(params: Record<string, unknown>, callback: (err: unknown, data: SdkData) => void): void;
};
interface SdkData {
  statusCode: number;
  RequestId?: string;
  Response?: Record<string, unknown>;
  Body?: unknown;
}

let fake: FakeCi;
let server: RunningListener;
let cos: InstanceType<typeof COS>;

beforeAll(async () => {
  // The SDK signs with the real clock, so this fake follows it.
  fake = createFakeCi({
    clock: realClock(),
    randomSeed: "cos-sdk",
    accounts: [ACCOUNT],
    transition: { mode: "manual" },
  });
  server = await fake.listen();
  cos = new COS({
    SecretId: ACCOUNT.secretId,
    SecretKey: ACCOUNT.secretKey,
    Ip: `127.0.0.1:${server.port}`,
    Protocol: "http:",
    Timeout: 5000,
  });
});
afterAll(() => server.close());

/** cos.request as a promise, bounded: the SDK may never settle on some bodies. */
function sdk(params: Record<string, unknown>, ms = 5000): Promise<SdkData> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cos.request did not settle within ${ms} ms`)), ms);
    cos.request({ Url: `http://${CI_HOST}/inventorytriggerjob`, ...params }, (err, data) => {
      clearTimeout(timer);
      if (err) reject(Object.assign(new Error(`cos.request failed: ${JSON.stringify(err)}`), { sdkError: err }));
      else resolve(data);
    });
  });
}

describe("cos-nodejs-sdk-v5@3.0.0 against the fake (Ip option, real CI host signed)", () => {
  it("create (workflow and job variants), describe, list and cancel are accepted and parsed", async () => {
    const created = await sdk({ Method: "POST", Body: WORKFLOW_BODY, Headers: { "Content-Type": "application/xml" } });
    expect(created.statusCode).toBe(200);
    const detail = (created.Response as { JobsDetail: Record<string, string> }).JobsDetail;
    expect(detail.State).toBe("Submitted");
    expect(detail.JobId).toMatch(/^b[0-9a-f]{32}$/);
    expect(created.RequestId).toBe((created.Response as { RequestId: string }).RequestId);
    const jobId = detail.JobId as string;

    const nodeJob = await sdk({ Method: "POST", Body: GO_JOB_BODY, Headers: { "Content-Type": "application/xml" } });
    expect((nodeJob.Response as { JobsDetail: { Type: string } }).JobsDetail.Type).toBe("Job");

    const described = await sdk({ Method: "GET", Url: `http://${CI_HOST}/inventorytriggerjob/${jobId}` });
    expect((described.Response as { JobsDetail: { JobId: string } }).JobsDetail.JobId).toBe(jobId);

    const listed = await sdk({
      Method: "GET",
      Query: {
        size: 10,
        states: "Submitted,Running",
        nextToken: "",
        startCreationTime: "2000-01-01T00:00:00+0800",
        type: "Workflow",
      },
    });
    const jobs = (listed.Response as { JobsDetail: { JobId: string } }).JobsDetail;
    expect(jobs.JobId).toBe(jobId);

    const cancelled = await sdk({
      Method: "PUT",
      Url: `http://${CI_HOST}/inventorytriggerjob/${jobId}`,
      Action: "cancel",
    });
    expect(cancelled.statusCode).toBe(200);
    expect(fake.jobs.get(jobId)?.state).toBe("Cancel");

    // What the SDK put on the wire, as the fake saw it.
    const cancelEntry = fake.journal.last({ op: "CancelInventoryTriggerJob" });
    expect(cancelEntry?.query).toEqual({ cancel: "" });
    expect(cancelEntry?.headers.authorization).toMatch(/q-header-list=content-length;host&q-url-param-list=cancel/);
    expect(cancelEntry?.headers["user-agent"]).toBe("cos-nodejs-sdk-v5-3.0.0");
    expect(fake.journal.count({ signature: "ok" })).toBe(5);
    fake.journal.expectNoUnhandled();
  });

  it("parses the fake's error bodies into SDK errors with the code", async () => {
    const failure = await sdk({
      Method: "GET",
      Url: `http://${CI_HOST}/inventorytriggerjob`,
      Query: { size: 101 },
    }).catch((e: { sdkError: { code?: string; statusCode?: number; RequestId?: string } }) => e.sdkError);
    expect(failure).toMatchObject({ code: "InvalidArgument", statusCode: 400 });
    expect(failure.RequestId).toBe(fake.journal.last()?.requestId);
  });

  it("retries a 500 after the create and re-signs each attempt with x-cos-sdk-retry (why a client must reconcile)", async () => {
    fake.journal.clear();
    fake.jobs.clear();
    fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      when: "after",
      times: 1,
      action: { status: 500, code: "InternalError" },
    });
    const res = await sdk({ Method: "POST", Body: WORKFLOW_BODY, Headers: { "Content-Type": "application/xml" } });
    expect(res.statusCode).toBe(200);
    expect(fake.jobs.list()).toHaveLength(2); // the official SDK blindly resent the POST: a duplicate job
    const retry = fake.journal.last({ op: "CreateInventoryTriggerJob" });
    expect(retry?.headers["x-cos-sdk-retry"]).toBe("true");
    expect(retry?.signature.result).toBe("ok");
  });
});
