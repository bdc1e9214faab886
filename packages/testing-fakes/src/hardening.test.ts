import { connect } from "node:net";
import { decodeErrorBody } from "@cibatch/xml-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, CI_HOST, signedFetch, signedRequest } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import { DEMO_JOB_ID } from "./demo-seed.js";
import { createFakeCi as createCoreFakeCi, type FakeStateSnapshot } from "./index.js";
import { createFakeCi, type NodeFakeCi, type RunningListener } from "./node.js";

/** Sends raw bytes on a fresh connection; resolves with everything the server sent until it closed. */
function rawExchange(port: number, bytes: string, options: { pauseMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.write(bytes);
    if (options.pauseMs !== undefined) {
      socket.pause();
      setTimeout(() => socket.resume(), options.pauseMs);
    } else {
      setTimeout(() => socket.end(), 300);
    }
  });
}

const NOW = Date.UTC(2024, 6, 1);
let fake: NodeFakeCi;
let server: RunningListener;

beforeAll(async () => {
  fake = createFakeCi({ clock: manualClock(NOW), randomSeed: "hardening", accounts: [ACCOUNT], jobs: "demo" });
  server = await fake.listen({ idleTimeoutMs: 400 });
});
afterAll(() => server.close());

const FORBIDDEN = ["\u0000", "\u0001", "\u001f", "\ufffe"];

describe("characters XML forbids", () => {
  const targets = (c: string): [string, string, string][] => {
    const e = encodeURIComponent(c);
    return [
      ["describe", "GET", `/inventorytriggerjob/b${e}`],
      ["multi-describe", "GET", `/inventorytriggerjob/${DEMO_JOB_ID},b${e}`],
      ["cancel", "PUT", `/inventorytriggerjob/b${e}?cancel`],
      ["list", "GET", `/inventorytriggerjob?nextToken=${e}`],
    ];
  };
  it.each(FORBIDDEN.map((c) => [c.codePointAt(0)?.toString(16)]))(
    "U+%s in ids and nextToken: 400 InvalidArgument in XML, in-process and on the socket",
    async (hex) => {
      const c = String.fromCodePoint(Number.parseInt(hex as string, 16));
      for (const [, method, target] of targets(c)) {
        const res = await signedFetch(fake, {
          method,
          target,
          headers: method === "PUT" ? { "content-length": "0" } : {},
        });
        expect(res.status).toBe(400);
        expect(res.headers.get("content-type")).toBe("application/xml");
        const error = decodeErrorBody(await res.text());
        expect(error.Code).toBe("InvalidArgument");
        expect(error.Message).toMatch(/characters XML forbids/);
        const socket = await fetch(`${server.url}${target}`, {
          method,
          headers: { host: CI_HOST, ...(method === "PUT" ? { "content-length": "0" } : {}) },
        });
        expect(socket.status).toBe(400);
        expect(decodeErrorBody(await socket.text()).Code).toBe("InvalidArgument");
      }
    },
  );

  it("a forbidden character in an unrouted path is shown escaped in the error, never a 500", async () => {
    const res = await fake.fetch(`http://127.0.0.1/nowhere%01?x=%EF%BF%BE`);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body.includes("\u0001") || body.includes("\ufffe")).toBe(false);
    expect(body).toContain("U+0001 in the path");
    expect(decodeErrorBody(body).Code).toBe("InvalidArgument");
  });
});

describe("<Error> body", () => {
  it("carries Code, Message, Resource, RequestId and TraceId (the official SDKs read all of them)", async () => {
    const res = await signedFetch(fake, { target: "/inventorytriggerjob?size=0" });
    const error = decodeErrorBody(await res.text());
    expect(error).toMatchObject({
      Code: expect.any(String),
      Message: expect.any(String),
      Resource: `${CI_HOST}/inventorytriggerjob`,
      RequestId: res.headers.get("x-ci-request-id"),
      TraceId: res.headers.get("x-ci-trace-id"),
    });
  });
});

describe("request targets and Authorization on the socket", () => {
  it("accepts an absolute-form target (as sent to a proxy) and takes the host from it", async () => {
    const signed = await signedRequest(fake, { target: `/inventorytriggerjob/${DEMO_JOB_ID}` });
    const lines = [`GET http://${CI_HOST}/inventorytriggerjob/${DEMO_JOB_ID} HTTP/1.1`, `Host: ${CI_HOST}`];
    for (const [name, value] of signed.headers) if (name !== "host") lines.push(`${name}: ${value}`);
    const reply = await rawExchange(server.port, `${lines.join("\r\n")}\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(reply).toContain(`<JobId>${DEMO_JOB_ID}</JobId>`);
  });

  it("refuses a duplicated Authorization header with 401 InvalidAuthorization", async () => {
    const signed = await signedRequest(fake, { target: `/inventorytriggerjob/${DEMO_JOB_ID}` });
    const auth = signed.headers.get("authorization") as string;
    const lines = [`GET /inventorytriggerjob/${DEMO_JOB_ID} HTTP/1.1`, `Host: ${CI_HOST}`];
    for (const [name, value] of signed.headers) if (name !== "host") lines.push(`${name}: ${value}`);
    lines.push(`Authorization: ${auth}`);
    const reply = await rawExchange(server.port, `${lines.join("\r\n")}\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 401 /);
    expect(reply).toContain("<Code>InvalidAuthorization</Code>");
    expect(reply).toContain("more than one Authorization header");
  });

  it("refuses an Authorization with an unknown field with 401 InvalidAuthorization", async () => {
    const signed = await signedRequest(fake, { target: `/inventorytriggerjob/${DEMO_JOB_ID}` });
    const headers = new Headers(signed.headers);
    headers.set("authorization", `${headers.get("authorization")}&q-extra=1`);
    const res = await fake.fetch(new Request(signed.url, { headers }));
    expect(res.status).toBe(401);
    expect(decodeErrorBody(await res.text())).toMatchObject({ Code: "InvalidAuthorization" });
    const twice = new Headers(signed.headers);
    twice.set("authorization", `${twice.get("authorization")}&q-ak=${ACCOUNT.secretId}`);
    const again = await fake.fetch(new Request(signed.url, { headers: twice }));
    expect(decodeErrorBody(await again.text()).Message).toMatch(/gives q-ak twice/);
  });

  it("closes a connection whose pipelined responses are never read, after the idle timeout", async () => {
    // Each answer is a 1 MiB body: a few of them fill the socket buffers, whatever the machine's speed.
    const busy = createFakeCi({ allowAnySignature: true });
    busy.faults.add({ action: { status: 200, body: "x".repeat(1024 * 1024), contentType: "text/plain" } });
    const listener = await busy.listen({ idleTimeoutMs: 300 });
    try {
      const request = "GET /inventorytriggerjob HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
      const reply = await rawExchange(listener.port, request.repeat(60), { pauseMs: 2000 });
      const answered = reply.split("HTTP/1.1 200").length - 1;
      expect(answered).toBeGreaterThan(0);
      expect(answered).toBeLessThan(60);
    } finally {
      await listener.close();
    }
  }, 15_000);
});

describe("CORS", () => {
  const preflight = (f: { fetch: (r: Request) => Promise<Response> }, origin: string, headers = "authorization") =>
    f.fetch(
      new Request("http://127.0.0.1/inventorytriggerjob", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": headers },
      }),
    );

  it("answers a preflight from any origin by default and exposes x-ci-request-id", async () => {
    const res = await preflight(fake, "http://127.0.0.1:5173", "authorization, content-type, x-ci-security-token");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization, content-type, x-ci-security-token");
    expect(res.headers.get("access-control-max-age")).toBe("600");
    const actual = await signedFetch(fake, {
      target: `/inventorytriggerjob/${DEMO_JOB_ID}`,
      headers: { origin: "http://x.test" },
    });
    expect(actual.headers.get("access-control-allow-origin")).toBe("*");
    expect(actual.headers.get("access-control-expose-headers")).toContain("x-ci-request-id");
  });

  it("refuses a disallowed origin with 403 AccessForbidden and adds no CORS headers to its answers", async () => {
    const strict = createCoreFakeCi({
      accounts: [ACCOUNT],
      cors: [{ allowedOrigins: ["https://*.example.com"], allowedMethods: ["GET", "POST"], allowedHeaders: ["*"] }],
    });
    const refused = await preflight(strict, "https://evil.test");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(decodeErrorBody(await refused.text()).Code).toBe("AccessForbidden");
    const allowed = await preflight(strict, "https://app.example.com");
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const wrongMethod = await strict.fetch(
      new Request("http://127.0.0.1/inventorytriggerjob/b1", {
        method: "OPTIONS",
        headers: { origin: "https://app.example.com", "access-control-request-method": "PUT" },
      }),
    );
    expect(wrongMethod.status).toBe(403);
    const actual = await signedFetch(strict as NodeFakeCi, {
      target: "/inventorytriggerjob",
      headers: { origin: "https://evil.test" },
    });
    expect(actual.status).toBe(200);
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
    expect(strict.journal.count({ method: "OPTIONS" })).toBe(3);
  });

  it("cors: false answers no preflight; a bad cors option is a FakeCiError", async () => {
    const none = createCoreFakeCi({ cors: false });
    const res = await preflight(none, "http://a.test");
    expect(res.status).toBe(404);
    expect(() => createCoreFakeCi({ cors: [{ allowedOrigins: "*" } as never] })).toThrow(/allowedOrigins/);
  });
});

describe("jobs and storage options", () => {
  it('jobs: "demo" seeds the sample job; storage is read at start and written on flush', async () => {
    let saved: FakeStateSnapshot | undefined;
    const first = createCoreFakeCi({
      jobs: "demo",
      storage: {
        read: () => saved,
        write: (s) => {
          saved = s;
        },
      },
    });
    expect(first.jobs.get(DEMO_JOB_ID)?.state).toBe("Running");
    first.state.flush();
    expect(saved?.jobs).toHaveLength(7);
    first.jobs.clear();
    const second = createCoreFakeCi({ jobs: [], storage: { read: () => saved, write: () => undefined } });
    expect(second.jobs.list()).toHaveLength(7);
    expect(() => createCoreFakeCi({ jobs: "all" as never })).toThrow(/jobs must be "demo"/);
  });

  it("a failure inside the fake is a 500 InternalError in XML, never a rejected promise", async () => {
    const broken = createCoreFakeCi({
      allowAnySignature: true,
      outcome: () => {
        throw new Error("outcome rule blew up");
      },
      transition: { mode: "immediate" },
      jobs: [{ Name: "n", Type: "Workflow", Input: { Prefix: "p" }, Operation: { WorkflowIds: "w" } }],
    });
    const res = await broken.fetch("http://127.0.0.1/inventorytriggerjob?states=All");
    expect(res.status).toBe(500);
    expect(decodeErrorBody(await res.text())).toMatchObject({ Code: "InternalError" });
  });
});
