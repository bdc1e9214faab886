import { Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, signedRequest, workflowBody } from "./client.fixture.js";
import { realClock } from "./clock.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";

let fake: FakeCi;
let server: RunningListener;
const warnings: string[] = [];
const onWarning = (w: Error): void => {
  warnings.push(w.message);
};

beforeAll(async () => {
  process.on("warning", onWarning);
  fake = createFakeCi({
    clock: realClock(),
    randomSeed: "load",
    accounts: [ACCOUNT],
    transition: { mode: "afterDescribes", n: 1 },
  });
  server = await fake.listen({ requestTimeoutMs: 2000 });
});
afterAll(async () => {
  process.off("warning", onWarning);
  await server.close();
});

const agent = new Agent({ keepAlive: true, maxSockets: 16 });
afterAll(() => agent.destroy());

async function send(method: string, target: string, body?: string): Promise<{ status: number; body: string }> {
  const signed = await signedRequest(fake, { method, target, ...(body !== undefined ? { body } : {}) });
  const headers: Record<string, string> = {};
  for (const [name, value] of signed.headers) headers[name] = value;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: server.port, method, path: target, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe("bounded load: 16 concurrent clients, 3,200 mixed requests on 127.0.0.1", () => {
  it("answers every request correctly and leaves a consistent store", { timeout: 30_000 }, async () => {
    const created: string[] = [];
    const cancelled = new Set<string>();
    const failures: string[] = [];
    let sent = 0;
    const worker = async (w: number): Promise<void> => {
      for (let i = 0; i < 200; i++) {
        sent++;
        const kind = i % 10;
        if (kind < 2 || created.length === 0) {
          const res = await send("POST", "/inventorytriggerjob", workflowBody(`load_${w}_${i}`));
          const id = /<JobId>(b[0-9a-f]{32})<\/JobId>/.exec(res.body)?.[1];
          if (res.status !== 200 || !id) failures.push(`create ${res.status}`);
          else created.push(id);
        } else if (kind < 6) {
          const id = created[(w * 7 + i) % created.length] as string;
          const res = await send("GET", `/inventorytriggerjob/${id}`);
          if (res.status !== 200 || !res.body.includes(id)) failures.push(`describe ${res.status}`);
        } else if (kind < 9) {
          const res = await send("GET", `/inventorytriggerjob?size=5&states=All&orderByTime=${i % 2 ? "Asc" : "Desc"}`);
          if (res.status !== 200) failures.push(`list ${res.status}`);
        } else {
          const id = created.at(-1) as string;
          const res = await send("PUT", `/inventorytriggerjob/${id}?cancel`);
          // a job may already be finished (400 by the default switch): both answers are consistent
          if (res.status === 200) cancelled.add(id);
          else if (res.status !== 400 || !res.body.includes("already")) failures.push(`cancel ${res.status}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
    expect(failures).toEqual([]);
    expect(sent).toBe(3200);
    const jobs = fake.jobs.list();
    expect(jobs.map((j) => j.jobId).sort()).toEqual([...created].sort());
    expect(new Set(created).size).toBe(created.length);
    for (const id of cancelled) expect(fake.jobs.get(id)?.state).toBe("Cancel");
    expect(fake.journal.count()).toBe(3200);
    expect(fake.journal.count({ signature: "ok" })).toBe(3200);
    fake.journal.expectCount({ op: "CreateInventoryTriggerJob", status: 200 }, created.length);
    expect(warnings).toEqual([]);
  });
});

/** Writes raw bytes, collects the answer until close or `ms`. */
function raw(bytes: Buffer | string, ms = 1000, keepOpen = false): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, "127.0.0.1");
    let data = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(data);
    }, ms);
    socket.on("data", (c) => {
      data += c.toString("latin1");
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.on("error", () => undefined);
    socket.write(bytes);
    if (!keepOpen) socket.end();
  });
}

describe("garbage never crashes the server", () => {
  it.each([
    ["an unknown method", "BREW /inventorytriggerjob HTTP/1.1\r\nHost: x\r\n\r\n", /^HTTP\/1.1 400/],
    ["not HTTP at all", "\x00\x01\x02 hello\r\n\r\n", /^HTTP\/1.1 400/],
    ["huge headers", `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(70_000)}\r\n\r\n`, /^HTTP\/1.1 431/],
    [
      "a DELETE",
      "DELETE /inventorytriggerjob HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      /^HTTP\/1.1 404[\s\S]*InvalidUrl/,
    ],
    [
      "invalid UTF-8 in the path",
      Buffer.from("GET /inventorytriggerjob/\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "latin1"),
      /^HTTP\/1.1 (400|404)/,
    ],
    [
      "a malformed percent escape",
      "GET /inventorytriggerjob/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      /^HTTP\/1.1 (400|404)/,
    ],
    ["a bad Host", "GET /inventorytriggerjob HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n", /^HTTP\/1.1 400/],
  ])("%s", async (_what, bytes, answer) => {
    expect(await raw(bytes)).toMatch(answer);
  });

  it("invalid UTF-8 in a signed create body → 400 InvalidContent", async () => {
    const signed = await signedRequest(fake, { method: "POST", target: "/inventorytriggerjob", body: "placeholder" });
    const body = Buffer.from([0x3c, 0x52, 0xff, 0xfe, 0x3e]);
    const headers = [...signed.headers]
      .map(([n, v]) => `${n}: ${n === "content-length" ? body.length : v}`)
      .join("\r\n");
    const answer = await raw(
      Buffer.concat([
        Buffer.from(`POST /inventorytriggerjob HTTP/1.1\r\n${headers}\r\nconnection: close\r\n\r\n`),
        body,
      ]),
    );
    // the body no longer matches the signed content-length... so sign what is sent instead:
    expect(answer).toMatch(/^HTTP\/1.1 (400|403)/);
    const ok = await fake.handle({
      method: "POST",
      target: "/inventorytriggerjob",
      headers: { host: "127.0.0.1" },
      body,
      bodyTooLarge: false,
    });
    expect(ok.status).toBe(401);
    fake.configure({ allowAnySignature: true });
    try {
      const reply = await fake.handle({
        method: "POST",
        target: "/inventorytriggerjob",
        headers: { host: "127.0.0.1" },
        body,
        bodyTooLarge: false,
      });
      expect(reply.status).toBe(400);
      expect(Buffer.from(reply.body).toString()).toContain("InvalidContent");
    } finally {
      fake.configure({ allowAnySignature: false });
    }
  });

  it("a request that stalls half-way is cut by the client's timeout; the server carries on", async () => {
    const stalled = await raw(
      "POST /inventorytriggerjob HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<Request>",
      50,
      true,
    );
    expect(stalled).toBe("");
    const after = await send("GET", "/inventorytriggerjob?size=1");
    expect(after.status).toBe(200);
  });

  it("an oversized body announced by Content-Length gets 413 without being read", async () => {
    const answer = await raw(
      `POST /inventorytriggerjob HTTP/1.1\r\nHost: x\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n<Request>`,
      1000,
      true,
    );
    expect(answer).toMatch(/^HTTP\/1.1 413[\s\S]*InvalidContent/);
    expect(answer).toMatch(/connection: close/i);
  });

  it("is still healthy, with no unexpected server errors", async () => {
    expect((await send("GET", "/inventorytriggerjob?size=1")).status).toBe(200);
    expect(warnings).toEqual([]);
  });
});
