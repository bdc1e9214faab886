import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION } from "@cibatch/testing-fakes";
import { afterEach, describe, expect, it } from "vitest";
import { harness, seedJob, WORKFLOW_REQUEST } from "./client.fixture.js";
import { CiClient } from "./client.js";
import type { FetchLike } from "./http/response.js";
import { isAmbiguousCreateError, isCiServiceError, isCiTimeoutError, isCredentialsError, redactText } from "./index.js";

// Regressions found by a hostile-input run: each case failed before the request pipeline was rebuilt.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function serve(handler: (req: IncomingMessage, res: import("node:http").ServerResponse) => void): Promise<{
  readonly origin: string;
  readonly host: string;
  readonly received: IncomingMessage[];
}> {
  const received: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    received.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, received };
}

function printable(value: unknown): string {
  const parts: string[] = [];
  for (let link = value, depth = 0; link != null && depth < 10; depth++) {
    parts.push(String(link), inspect(link, { depth: 10, showHidden: true }));
    link = typeof link === "object" ? (link as { cause?: unknown }).cause : undefined;
  }
  return parts.join("\n");
}

const credentials = {
  secretId: DEMO_ACCOUNT.secretId,
  secretKey: DEMO_ACCOUNT.secretKey,
  sessionToken: "tokenABCDEF123",
};

describe("a redirect is never followed", () => {
  const transports: readonly (readonly [string, FetchLike | undefined])[] = [
    ["the default transport", undefined],
    ["globalThis.fetch", globalThis.fetch],
    ["a caller's fetch", (request, init) => globalThis.fetch(request, init)],
  ];
  for (const [label, fetch] of transports) {
    for (const status of [301, 302, 303, 307, 308]) {
      it(`${status} with ${label}: a typed error naming the Location host; the other host receives nothing`, async () => {
        const other = await serve((_req, res) =>
          res.writeHead(200, { "content-type": "application/xml" }).end("<Response/>"),
        );
        const endpoint = await serve((_req, res) =>
          res.writeHead(status, { location: `${other.origin}/inventorytriggerjob` }).end(),
        );
        const client = new CiClient({
          bucket: DEMO_BUCKET,
          region: DEMO_REGION,
          endpoint: endpoint.origin,
          credentials,
          ...(fetch !== undefined && { fetch }),
        });
        for (const call of [
          () => client.describeJob("b3deffea2f84911ec9cb15254008618d9"),
          () => client.createJob(WORKFLOW_REQUEST),
        ]) {
          const error = await call().catch((e: unknown) => e);
          expect(isCiServiceError(error) && error.code === "UnexpectedRedirect").toBe(true);
          expect((error as Error).message).toContain(other.host);
          expect((error as { category: string }).category).toBe("service");
        }
        expect(endpoint.received).toHaveLength(2);
        expect(other.received).toHaveLength(0);
      });
    }
  }
});

describe("a create whose answer is lost after the service acted", () => {
  it("a code-less TypeError after sending reconciles to the job the service made", async () => {
    const h = harness();
    const lossy: FetchLike = async (request) => {
      await h.fake.fetch(request);
      throw new TypeError("Failed to fetch");
    };
    const client = h.makeClient({
      fetch: (request, init) => (request.method === "POST" ? lossy(request, init) : h.fake.fetch(request)),
    });
    const job = await client.createJob(WORKFLOW_REQUEST);
    expect(job.$metadata.reconciled).toBe(true);
    expect(h.fake.jobs.list().filter((j) => j.name === WORKFLOW_REQUEST.Name)).toHaveLength(1);
    expect(h.fake.journal.count({ op: "CreateInventoryTriggerJob" })).toBe(1);
  });

  it("a code-less TypeError with no job found ends in AmbiguousCreateError, never a plain network error", async () => {
    const h = harness();
    const client = h.makeClient({
      fetch: (request) =>
        request.method === "POST" ? Promise.reject(new TypeError("Failed to fetch")) : h.fake.fetch(request),
    });
    const error = await client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isAmbiguousCreateError(error)).toBe(true);
    expect((error as { category: string }).category).toBe("ambiguous-create");
    expect((error as { reason: string }).reason).toBe("NO_MATCH");
  });
});

describe("secrets in errors", () => {
  it("a provider's own error is redacted in the cause, by name and by value", async () => {
    const h = harness();
    const client = h.makeClient({
      credentials: async () => {
        throw new Error("secretKey=SUPERsecret987 and export TENCENTCLOUD_SECRET_KEY='abcdef123456'");
      },
    });
    const error = await client.describeJob("b3deffea2f84911ec9cb15254008618d9").catch((e: unknown) => e);
    expect(isCredentialsError(error)).toBe(true);
    const text = printable(error);
    expect(text).not.toContain("SUPERsecret987");
    expect(text).not.toContain("abcdef123456");
    expect(text).toContain("[REDACTED]");
  });

  it("a provider object that throws is wrapped and redacted too", async () => {
    const h = harness();
    const provider = Object.assign(() => Promise.reject(new Error("session_token: tok-XYZ-42")), { source: "custom" });
    const error = await h
      .makeClient({ credentials: provider })
      .listJobs()
      .catch((e: unknown) => e);
    expect(isCredentialsError(error) && error.code === "PROVIDER_FAILED").toBe(true);
    expect(printable(error)).not.toContain("tok-XYZ-42");
  });

  it("the exact SecretKey and token a client holds are scrubbed wherever the service echoes them", async () => {
    const h = harness({}, { accounts: [{ ...DEMO_ACCOUNT, sessionToken: credentials.sessionToken }] });
    h.fake.faults.add({
      action: {
        status: 400,
        code: "InvalidArgument",
        message: `echo ${credentials.secretKey} ${credentials.sessionToken}`,
      },
    });
    const error = await h
      .makeClient({ credentials })
      .listJobs()
      .catch((e: unknown) => e);
    expect(isCiServiceError(error)).toBe(true);
    const text = printable(error) + JSON.stringify(h.logs);
    expect(text).not.toContain(credentials.secretKey);
    expect(text).not.toContain(credentials.sessionToken);
  });

  it.each([
    "TENCENTCLOUD_SECRET_KEY=abc",
    "export TENCENTCLOUD_SECRET_KEY=abc",
    "TENCENTCLOUD_SECRET_KEY='abc'",
    'TENCENTCLOUD_SECRET_KEY="abc"',
    "TENCENTCLOUD_SECRET_KEY: abc",
  ])("redactText(%s) hides the value", (text) => {
    expect(redactText(text)).not.toMatch(/abc/);
    expect(redactText(text)).toContain("[REDACTED]");
  });
});

describe("describe returns only the job asked for", () => {
  async function answering(xml: string) {
    const h = harness();
    const id = h.fake.jobs.seed({
      Name: "mine",
      Type: "Workflow",
      State: "Running",
      Input: { Prefix: "in/" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    }).jobId;
    const client = h.makeClient({
      fetch: async () => new Response(xml.replaceAll("{ID}", id), { headers: { "content-type": "application/xml" } }),
    });
    return { client, id };
  }
  const other = "b00000000000000000000000000000001";
  const jobXml = (jobId: string, state: string) =>
    `<Response><RequestId>r1</RequestId><JobsDetail><Code>Success</Code><Message/><JobId>${jobId}</JobId><Name>x</Name><Type>Workflow</Type><State>${state}</State>` +
    "<CreationTime>2022-06-27T15:23:10+0800</CreationTime><StartTime>-</StartTime><EndTime>-</EndTime>" +
    "<Input><Prefix>in/</Prefix></Input><Operation><WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation>" +
    "</JobsDetail></Response>";

  it("an answer with another JobId is a NoSuchJob error naming it, never the other job", async () => {
    const { client, id } = await answering(jobXml(other, "Success"));
    const error = await client.describeJob(id).catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "NoSuchJob" && error.category === "not-found").toBe(true);
    expect((error as Error).message).toContain(other);
    expect((error as Error).message).not.toContain("NonExistJobIds");
  });

  it("waitForJob never resolves with another job's Success", async () => {
    const { client, id } = await answering(jobXml(other, "Success"));
    const error = await client.waitForJob(id, { interval: 1 }).catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "NoSuchJob").toBe(true);
  });

  it("an empty answer does not claim the id was listed in NonExistJobIds", async () => {
    const { client, id } = await answering("<Response><RequestId>r1</RequestId></Response>");
    const error = await client.describeJob(id).catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "NoSuchJob").toBe(true);
    expect((error as Error).message).not.toContain("listed it in NonExistJobIds");
    expect((error as Error).message).toContain("neither found nor listed as missing");
  });

  it("an id listed in NonExistJobIds says so", async () => {
    const { client, id } = await answering(
      "<Response><RequestId>r1</RequestId><NonExistJobIds>{ID}</NonExistJobIds></Response>",
    );
    const error = await client.describeJob(id).catch((e: unknown) => e);
    expect((error as Error).message).toContain("listed it in NonExistJobIds");
  });
});

describe("waitForJob against a server that accepts and never answers", () => {
  it("ends by its deadline with a timeout error", async () => {
    const silent = await serve(() => {
      // Accept the request and never answer.
    });
    const client = new CiClient({ bucket: DEMO_BUCKET, region: DEMO_REGION, endpoint: silent.origin, credentials });
    const started = Date.now();
    const error = await client
      .waitForJob("b3deffea2f84911ec9cb15254008618d9", { timeout: 300 })
      .catch((e: unknown) => e);
    expect(isCiTimeoutError(error) && error.category === "timeout" && error.code === "WAIT_TIMEOUT").toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(silent.received).toHaveLength(1);
  });
});

describe("$metadata.warnings", () => {
  it("carries what the decoder tolerated, and is empty when nothing was odd", async () => {
    const h = harness();
    const id = seedJob(h.fake);
    const clean = await h.client.describeJob(id);
    expect(clean.$metadata.warnings).toEqual([]);
    const odd = h.makeClient({
      fetch: async (request) => {
        const response = await h.fake.fetch(request);
        const text = (await response.text()).replace(/<StartTime>[^<]*<\/StartTime>/, "<StartTime>soon</StartTime>");
        return new Response(text, { status: response.status, headers: response.headers });
      },
    });
    const job = await odd.describeJob(id);
    expect(job.$metadata.warnings.map((w) => w.path)).toEqual([expect.stringContaining("StartTime")]);
  });
});
