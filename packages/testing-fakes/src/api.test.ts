import { createHash } from "node:crypto";
import {
  decodeCreateJobResponse,
  decodeDescribeJobsResponse,
  decodeErrorBody,
  decodeListJobsResponse,
} from "@cibatch/xml-model";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT, GO_JOB_BODY, WORKFLOW_BODY, workflowBody } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";
import { type RawResponse, rawHttp, signedRaw } from "./raw-http.fixture.js";

const clock = manualClock(Date.UTC(2024, 0, 15, 4, 0, 0));
let fake: FakeCi;
let server: RunningListener;

beforeAll(async () => {
  fake = createFakeCi({ clock, randomSeed: "api", accounts: [ACCOUNT], transition: { mode: "manual" } });
  server = await fake.listen();
});
afterAll(() => server.close());
beforeEach(() => {
  fake.reset();
  fake.configure({ switches: { list: { defaultType: "all", endSignal: "omit" } } });
});

const call = (c: Parameters<typeof signedRaw>[2]): Promise<RawResponse> => signedRaw(fake, server.url, c);
const create = async (body: string): Promise<string> => {
  const res = await call({ method: "POST", target: "/inventorytriggerjob", body });
  expect(res.status, res.body).toBe(200);
  return decodeCreateJobResponse(res.body).JobsDetail.JobId;
};
const errorOf = (res: RawResponse) => decodeErrorBody(res.body);

describe("POST /inventorytriggerjob", () => {
  it("creates a workflow job: Submitted, + 0800 times, '-' until set, CI headers", async () => {
    const res = await call({ method: "POST", target: "/inventorytriggerjob", body: WORKFLOW_BODY });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/xml");
    expect(res.headers.server).toBe("tencent-ci");
    expect(res.headers.date).toBe("Mon, 15 Jan 2024 04:00:00 GMT");
    expect(res.headers["x-ci-trace-id"]).toBeUndefined();
    const requestId = res.headers["x-ci-request-id"] as string;
    expect(Buffer.from(requestId, "base64").toString()).toMatch(/^65a4adc0_[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{2}$/);
    expect(res.body).toContain(
      "<CreationTime>2024-01-15T12:00:00+0800</CreationTime><StartTime>-</StartTime><EndTime>-</EndTime>",
    );
    expect(res.body).toContain("<Message/>");
    const detail = decodeCreateJobResponse(res.body);
    expect(detail.RequestId).toBe(requestId);
    expect(detail.JobsDetail).toMatchObject({ Type: "Workflow", Name: "demo", State: "Submitted", Code: "Success" });
    expect(detail.JobsDetail.JobId).toMatch(/^b[0-9a-f]{32}$/);
  });

  it("echoes the Go SDK's Job-variant operation node for node", async () => {
    const res = await call({ method: "POST", target: "/inventorytriggerjob", body: GO_JOB_BODY });
    expect(res.status).toBe(200);
    const operation = /<Operation>.*<\/Operation>/.exec(GO_JOB_BODY)?.[0] as string;
    expect(res.body).toContain(operation);
    expect(res.body).toContain("<Type>Job</Type>");
  });

  it("echoes TimeInterval times exactly as sent (Go's `z`, `Z`, `+08:00`, the documented `0`)", async () => {
    const interval = "<TimeInterval><Start>0</Start><End>2022-02-25T12:00:00z</End></TimeInterval>";
    const id = await create(
      `<Request><Name>echo</Name><Type>Workflow</Type><Input><Prefix>p/</Prefix></Input><Operation>${interval}<WorkflowIds>w1</WorkflowIds></Operation></Request>`,
    );
    const described = await call({ target: `/inventorytriggerjob/${id}` });
    expect(described.body).toContain(`<Operation>${interval}<WorkflowIds>w1</WorkflowIds></Operation>`);
    const listed = await call({ target: "/inventorytriggerjob?size=100" });
    expect(listed.body).toContain(interval);
    const other =
      "<TimeInterval><Start>2022-02-01T04:00:00Z</Start><End>2022-05-01T12:00:00+08:00</End></TimeInterval>";
    const second = await create(
      `<Request><Name>echo2</Name><Input><Prefix>p/</Prefix></Input><Operation>${other}<WorkflowIds>w2</WorkflowIds></Operation></Request>`,
    );
    expect((await call({ target: `/inventorytriggerjob/${second}` })).body).toContain(other);
  });

  it("accepts an XML declaration, nodes in any order, and an empty TimeInterval", async () => {
    const body = `<?xml version="1.0" encoding="utf-8"?><Request><Operation><TimeInterval></TimeInterval><WorkflowIds>w1</WorkflowIds></Operation><Input><Prefix>p/</Prefix></Input><Name>any_order</Name></Request>`;
    const id = await create(body);
    expect(fake.jobs.get(id)?.name).toBe("any_order");
  });

  it.each([
    ["empty Name", workflowBody(""), "Name"],
    ["a Name over 128 characters", workflowBody("n".repeat(129)), "Name"],
    ["a Name with bad characters", workflowBody("a b"), "Name"],
    [
      "a Workflow without WorkflowIds",
      "<Request><Name>x</Name><Type>Workflow</Type><Input><Prefix>p</Prefix></Input><Operation></Operation></Request>",
      "WorkflowIds",
    ],
    [
      "a Job without Tag",
      "<Request><Name>x</Name><Type>Job</Type><Input><Prefix>p</Prefix></Input><Operation><JobParam><TemplateId>t1</TemplateId></JobParam></Operation></Request>",
      "Tag",
    ],
    [
      "a Job without Output",
      "<Request><Name>x</Name><Type>Job</Type><Input><Prefix>p</Prefix></Input><Operation><Tag>Transcode</Tag><JobParam><TemplateId>t1</TemplateId></JobParam></Operation></Request>",
      "Output",
    ],
    [
      "two input sources",
      "<Request><Name>x</Name><Input><Prefix>p</Prefix><Object>o</Object></Input><Operation><WorkflowIds>w</WorkflowIds></Operation></Request>",
      "Input",
    ],
    [
      "no input source",
      "<Request><Name>x</Name><Input><Prefix></Prefix></Input><Operation><WorkflowIds>w</WorkflowIds></Operation></Request>",
      "Input",
    ],
    [
      "an unknown Type",
      "<Request><Name>x</Name><Type>Batch</Type><Input><Prefix>p</Prefix></Input><Operation><WorkflowIds>w</WorkflowIds></Operation></Request>",
      "Type",
    ],
    [
      "a bad time",
      "<Request><Name>x</Name><Input><Prefix>p</Prefix></Input><Operation><TimeInterval><Start>yesterday</Start></TimeInterval><WorkflowIds>w</WorkflowIds></Operation></Request>",
      "Start",
    ],
  ])("refuses %s with 400 InvalidArgument naming the field", async (_what, body, field) => {
    const res = await call({ method: "POST", target: "/inventorytriggerjob", body });
    expect(res.status).toBe(400);
    const error = errorOf(res);
    expect(error.Code).toBe("InvalidArgument");
    expect(error.Message).toContain(field);
    expect(res.headers["x-ci-trace-id"]).toBe(error.TraceId);
    expect(fake.jobs.list()).toHaveLength(0);
  });

  it.each([
    ["malformed XML", "<Request><Name>x</Name>", 400, "InvalidContent"],
    ["a wrong root", "<Job><Name>x</Name></Job>", 400, "InvalidContent"],
    ["an empty body", "", 400, "MissingContent"],
  ])("refuses %s", async (_what, body, status, code) => {
    const res = await call({ method: "POST", target: "/inventorytriggerjob", body });
    expect(res.status).toBe(status);
    expect(errorOf(res).Code).toBe(code);
  });

  it("refuses a body over the cap with 413 InvalidContent", async () => {
    const small = createFakeCi({ clock, accounts: [ACCOUNT], bodyLimit: 256 });
    const s = await small.listen();
    try {
      const res = await signedRaw(small, s.url, {
        method: "POST",
        target: "/inventorytriggerjob",
        body: workflowBody("x".repeat(100), "p".repeat(300)),
      });
      expect(res.status).toBe(413);
      expect(errorOf(res).Code).toBe("InvalidContent");
    } finally {
      await s.close();
    }
  });

  it("checks Content-MD5 when present", async () => {
    const md5 = createHash("md5").update(WORKFLOW_BODY).digest("base64");
    const good = await call({
      method: "POST",
      target: "/inventorytriggerjob",
      body: WORKFLOW_BODY,
      headers: { "content-md5": md5 },
    });
    expect(good.status).toBe(200);
    const bad = await call({
      method: "POST",
      target: "/inventorytriggerjob",
      body: WORKFLOW_BODY,
      headers: { "content-md5": createHash("md5").update("other").digest("base64") },
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).Code).toBe("InvalidContent");
  });

  it("applies the create switches: strictTags and requireQueueId", async () => {
    const noQueue = GO_JOB_BODY.replace(/<QueueId>[^<]*<\/QueueId>/, "").replace("Transcode", "Hologram");
    expect((await call({ method: "POST", target: "/inventorytriggerjob", body: noQueue })).status).toBe(200);
    fake.configure({ switches: { create: { strictTags: true, requireQueueId: true } } });
    try {
      const res = await call({ method: "POST", target: "/inventorytriggerjob", body: noQueue });
      expect(res.status).toBe(400);
      expect(errorOf(res).Message).toMatch(/Tag.*QueueId/s);
    } finally {
      fake.configure({ switches: { create: { strictTags: false, requireQueueId: false, inputRule: "exactly-one" } } });
    }
  });
});

describe("GET /inventorytriggerjob/<id>", () => {
  it("describes one job", async () => {
    const id = await create(WORKFLOW_BODY);
    const res = await call({ target: `/inventorytriggerjob/${id}` });
    expect(res.status).toBe(200);
    const body = decodeDescribeJobsResponse(res.body);
    expect(body.JobsDetail.map((j) => j.JobId)).toEqual([id]);
    expect(body.NonExistJobIds).toEqual([]);
    expect(res.body).not.toContain("NonExistJobIds");
  });

  it("[assumes OQ2] answers an unknown id with 200 and NonExistJobIds, no JobsDetail", async () => {
    const res = await call({ target: "/inventorytriggerjob/b00000000000000000000000000000000" });
    expect(res.status).toBe(200);
    const body = decodeDescribeJobsResponse(res.body);
    expect(body.JobsDetail).toEqual([]);
    expect(body.NonExistJobIds).toEqual(["b00000000000000000000000000000000"]);
  });

  it("[assumes OQ1] answers comma-separated ids in request order, one NonExistJobIds per missing id", async () => {
    const a = await create(workflowBody("a"));
    const b = await create(workflowBody("b"));
    const res = await call({ target: `/inventorytriggerjob/${b},bmissing1,${a},bmissing2` });
    const body = decodeDescribeJobsResponse(res.body);
    expect(body.JobsDetail.map((j) => j.JobId)).toEqual([b, a]);
    expect(body.NonExistJobIds).toEqual(["bmissing1", "bmissing2"]);
  });

  it("switch describe.multiId=reject refuses several ids", async () => {
    fake.configure({ switches: { describe: { multiId: "reject" } } });
    try {
      const res = await call({ target: "/inventorytriggerjob/b1,b2" });
      expect(res.status).toBe(400);
      expect(errorOf(res).Code).toBe("InvalidArgument");
    } finally {
      fake.configure({ switches: { describe: { multiId: "accept" } } });
    }
  });

  it("switch unknownJob answers the given error", async () => {
    fake.configure({ switches: { unknownJob: { status: 404, code: "NoSuchJob" } } });
    try {
      const res = await call({ target: "/inventorytriggerjob/bnope" });
      expect(res.status).toBe(404);
      expect(errorOf(res).Code).toBe("NoSuchJob");
      const cancel = await call({ method: "PUT", target: "/inventorytriggerjob/bnope?cancel" });
      expect(cancel.status).toBe(404);
    } finally {
      fake.configure({ switches: { unknownJob: "nonexist-node" } });
    }
  });
});

describe("PUT /inventorytriggerjob/<id>?cancel", () => {
  it("cancels at once: 200, Content-Length 0, state Cancel with EndTime", async () => {
    const id = await create(WORKFLOW_BODY);
    clock.advance(5000);
    const res = await call({
      method: "PUT",
      target: `/inventorytriggerjob/${id}?cancel`,
      headers: { "content-length": "0" },
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe("0");
    expect(res.body).toBe("");
    expect(res.headers["x-ci-request-id"]).toBeTruthy();
    const job = fake.jobs.get(id);
    expect(job?.state).toBe("Cancel");
    expect(job?.endTime).toBe(clock.now());
    expect(job?.startTime).toBeUndefined();
  });

  it("accepts ?cancel= (the Node SDK's form) and is idempotent on a cancelled job", async () => {
    const id = await create(WORKFLOW_BODY);
    expect((await call({ method: "PUT", target: `/inventorytriggerjob/${id}?cancel=` })).status).toBe(200);
    expect((await call({ method: "PUT", target: `/inventorytriggerjob/${id}?cancel=` })).status).toBe(200);
  });

  it("[assumes OQ4] refuses a PUT without ?cancel, a finished job and an unknown id with 400 InvalidArgument", async () => {
    const id = await create(WORKFLOW_BODY);
    const plain = await call({ method: "PUT", target: `/inventorytriggerjob/${id}` });
    expect(plain.status).toBe(400);
    expect(errorOf(plain).Message).toContain("?cancel");
    fake.jobs.advance(id, "Success");
    const finished = await call({ method: "PUT", target: `/inventorytriggerjob/${id}?cancel` });
    expect(finished.status).toBe(400);
    expect(errorOf(finished).Message).toContain("Success");
    const unknown = await call({ method: "PUT", target: "/inventorytriggerjob/bunknown?cancel" });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).Message).toContain("not exist");
  });

  it("switches cancel.requireQuery=false and cancel.onFinished=accept", async () => {
    fake.configure({ switches: { cancel: { requireQuery: false, onFinished: "accept" } } });
    try {
      const id = await create(WORKFLOW_BODY);
      expect((await call({ method: "PUT", target: `/inventorytriggerjob/${id}` })).status).toBe(200);
      const done = await create(workflowBody("done"));
      fake.jobs.advance(done, "Success");
      expect((await call({ method: "PUT", target: `/inventorytriggerjob/${done}?cancel` })).status).toBe(200);
      expect(fake.jobs.get(done)?.state).toBe("Success");
    } finally {
      fake.configure({ switches: { cancel: { requireQuery: true, onFinished: "reject" } } });
    }
  });
});

describe("routing and hosts", () => {
  it.each([
    ["GET", "/inventorytriggerjobs"],
    ["GET", "/"],
    ["DELETE", "/inventorytriggerjob/b1"],
    ["POST", "/inventorytriggerjob/b1"],
    ["PUT", "/inventorytriggerjob"],
    ["GET", "/inventorytriggerjob/"],
    ["GET", "/inventorytriggerjob/b1/extra"],
  ])("%s %s → 404 InvalidUrl, journalled as unhandled", async (method, target) => {
    const res = await call({ method, target });
    expect(res.status).toBe(404);
    expect(errorOf(res).Code).toBe("InvalidUrl");
    expect(res.headers["x-ci-trace-id"]).toBeTruthy();
    expect(fake.journal.last()?.handled).toBe(false);
    expect(() => fake.journal.expectNoUnhandled()).toThrow(/matched no route/);
  });

  it("keeps buckets apart: a job created on one CI host is unknown on another", async () => {
    const id = await create(WORKFLOW_BODY);
    const other = await call({
      target: `/inventorytriggerjob/${id}`,
      host: "otherbucket-1250000000.ci.ap-guangzhou.myqcloud.com",
    });
    expect(decodeDescribeJobsResponse(other.body).NonExistJobIds).toEqual([id]);
    const loopback = await call({ target: `/inventorytriggerjob/${id}`, host: `127.0.0.1:${server.port}` });
    expect(decodeDescribeJobsResponse(loopback.body).JobsDetail).toHaveLength(1);
    expect(fake.jobs.get(id)?.bucket).toBe("examplebucket-1250000000");
  });

  it("refuses the COS data host with 400 InvalidHost", async () => {
    const res = await call({
      target: "/inventorytriggerjob",
      host: "examplebucket-1250000000.cos.ap-beijing.myqcloud.com",
    });
    expect(res.status).toBe(400);
    expect(errorOf(res).Code).toBe("InvalidHost");
  });

  it("refuses a key of another APPID with 403 AccessDenied", async () => {
    const res = await call({
      target: "/inventorytriggerjob",
      host: "otherbucket-1300000000.ci.ap-beijing.myqcloud.com",
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).Code).toBe("AccessDenied");
  });

  it("answers a raw unsigned request with 401 MissingAuthorization", async () => {
    const res = await rawHttp(server.url, { target: "/inventorytriggerjob" });
    expect(res.status).toBe(401);
    expect(errorOf(res).Code).toBe("MissingAuthorization");
  });
});

describe("list", () => {
  it("returns an empty list without JobsDetail or NextToken", async () => {
    const res = await call({ target: "/inventorytriggerjob" });
    expect(res.status).toBe(200);
    const body = decodeListJobsResponse(res.body);
    expect(body.JobsDetail).toEqual([]);
    expect(body.NextToken).toBeUndefined();
  });
});
