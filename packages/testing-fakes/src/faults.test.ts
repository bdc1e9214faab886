import { connect } from "node:net";
import { decodeErrorBody } from "@cibatch/xml-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, signedFetch, signedRequest, WORKFLOW_BODY, workflowBody } from "./client.fixture.js";
import { manualClock, realClock } from "./clock.js";
import { isFakeCiError } from "./errors.js";
import { type FaultRule, faultRuleFromJson, faultRuleToJson } from "./faults.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";

const T0 = Date.UTC(2024, 6, 1);
const setup = (seed: string | number = "faults"): FakeCi =>
  createFakeCi({ clock: manualClock(T0), randomSeed: seed, accounts: [ACCOUNT], transition: { mode: "manual" } });
const createCall = { method: "POST", target: "/inventorytriggerjob", body: WORKFLOW_BODY } as const;

describe("status faults", () => {
  it("answers the XML error with Retry-After, before the operation (nothing created)", async () => {
    const fake = setup();
    const id = fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      times: 1,
      action: { status: 503, code: "ServiceUnavailable", retryAfter: 2 },
    });
    const res = await signedFetch(fake, createCall);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.headers.get("x-ci-trace-id")).toBeTruthy();
    expect(decodeErrorBody(await res.text()).Code).toBe("ServiceUnavailable");
    expect(fake.jobs.list()).toHaveLength(0);
    expect(fake.journal.last()).toMatchObject({ fault: id, status: 503, errorCode: "ServiceUnavailable" });
    // spent after one use
    expect((await signedFetch(fake, createCall)).status).toBe(200);
    expect(fake.faults.list()[0]).toMatchObject({ id, hits: 1, remaining: 0 });
    fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 2);
  });

  it("when: after — the job is created, then the client sees a 500 (the ambiguous create)", async () => {
    const fake = setup();
    fake.faults.add({
      match: { op: "CreateInventoryTriggerJob" },
      when: "after",
      action: { status: 500, code: "InternalError" },
    });
    const res = await signedFetch(fake, createCall);
    expect(res.status).toBe(500);
    expect(fake.jobs.list()).toHaveLength(1);
    expect(fake.journal.last()?.jobIds).toEqual([fake.jobs.list()[0]?.jobId]);
  });

  it("matches by method, path pattern, job name and bucket; the first matching rule wins", async () => {
    const fake = setup();
    fake.faults.add({ match: { name: /^nightly/ }, action: { status: 429, code: "SlowDown" } });
    fake.faults.add({
      match: { method: "get", path: /^\/inventorytriggerjob\/b/ },
      action: { status: 502, code: "BadGateway" },
    });
    fake.faults.add({
      match: { bucket: "otherbucket-1250000000" },
      action: { status: 451, code: "UnavailableForLegalReasons" },
    });
    fake.faults.add({
      match: { op: ["CreateInventoryTriggerJob", "CancelInventoryTriggerJob"] },
      action: { status: 418, code: "Teapot" },
    });
    expect((await signedFetch(fake, { ...createCall, body: workflowBody("nightly_1") })).status).toBe(429);
    expect((await signedFetch(fake, { target: "/inventorytriggerjob/b123" })).status).toBe(502);
    expect((await signedFetch(fake, { target: "/inventorytriggerjob" })).status).toBe(200);
    expect(
      (
        await signedFetch(fake, {
          target: "/inventorytriggerjob",
          host: "otherbucket-1250000000.ci.ap-beijing.myqcloud.com",
        })
      ).status,
    ).toBe(451);
    expect((await signedFetch(fake, createCall)).status).toBe(418);
  });

  it("probability uses the seeded source: the same seed gives the same failures", async () => {
    const run = async (seed: number): Promise<number[]> => {
      const fake = setup(seed);
      fake.faults.add({ probability: 0.5, action: { status: 503, code: "ServiceUnavailable" } });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await signedFetch(fake, { target: "/inventorytriggerjob" })).status);
      return statuses;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
  });
});

describe("body and socket faults, in process", () => {
  it("latency waits on the fake clock (no real sleeping)", async () => {
    const fake = setup();
    fake.faults.add({ action: { latencyMs: 5000 } });
    let settled = false;
    const pending = signedFetch(fake, { target: "/inventorytriggerjob" }).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    fake.clock.advance(5000);
    expect((await pending).status).toBe(200);
  });

  it("latency after the operation: the job exists while the answer is late", async () => {
    const fake = setup();
    fake.faults.add({ when: "after", action: { latencyMs: 1000 } });
    const pending = signedFetch(fake, createCall);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.jobs.list()).toHaveLength(1);
    fake.clock.advance(1000);
    expect((await pending).status).toBe(200);
  });

  it("reset rejects like a network error", async () => {
    const fake = setup();
    fake.faults.add({ action: { reset: true } });
    const failure = await signedFetch(fake, { target: "/inventorytriggerjob" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as { cause?: { code?: string } }).cause?.code).toBe("ECONNRESET");
    expect(fake.journal.last()?.status).toBe(0);
  });

  it("truncateBody announces the full length, then the body stream errors", async () => {
    const fake = setup();
    fake.faults.add({ when: "after", action: { truncateBody: 40 } });
    const res = await signedFetch(fake, createCall);
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(40);
    await expect(res.text()).rejects.toThrow(/terminated/);
    expect(fake.jobs.list()).toHaveLength(1);
  });

  it("HTML and empty bodies", async () => {
    const fake = setup();
    fake.faults.add({
      times: 1,
      action: { status: 502, body: "<html><body>Bad Gateway</body></html>", contentType: "text/html" },
    });
    fake.faults.add({ times: 1, action: { emptyBody: true } });
    const html = await signedFetch(fake, { target: "/inventorytriggerjob" });
    expect([html.status, html.headers.get("content-type"), await html.text()]).toEqual([
      502,
      "text/html",
      "<html><body>Bad Gateway</body></html>",
    ]);
    const empty = await signedFetch(fake, { target: "/inventorytriggerjob" });
    expect([empty.status, empty.headers.get("content-length"), await empty.text()]).toEqual([200, "0", ""]);
  });

  it("slowBody dribbles the real body in chunks on the fake clock", async () => {
    const fake = setup();
    fake.faults.add({ action: { slowBody: { chunkBytes: 30, intervalMs: 1000 } } });
    const res = await signedFetch(fake, { target: "/inventorytriggerjob" });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(30);
    let second: number | undefined;
    const next = reader.read().then((r) => {
      second = r.value?.byteLength;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(second).toBeUndefined();
    fake.clock.advance(1000);
    await next;
    expect(second).toBe(30);
    reader.releaseLock();
    fake.clock.advance(10_000);
  });

  it("skewMs shifts the Date header and the signature window", async () => {
    const fake = setup();
    fake.faults.add({ action: { skewMs: 3_600_000 } });
    const res = await signedFetch(fake, { target: "/inventorytriggerjob" });
    expect(res.headers.get("date")).toBe(new Date(T0 + 3_600_000).toUTCString());
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Request has expired");
  });

  it("hang never answers until the caller aborts", async () => {
    const fake = setup();
    fake.faults.add({ action: { hang: true } });
    const controller = new AbortController();
    const request = await signedRequest(fake, { target: "/inventorytriggerjob" });
    const pending = fake.fetch(new Request(request, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("socket faults on the listener", () => {
  let fake: FakeCi;
  let server: RunningListener;
  beforeAll(async () => {
    fake = createFakeCi({ clock: realClock(), accounts: [ACCOUNT], allowAnySignature: true });
    server = await fake.listen();
  });
  afterAll(() => server.close());

  /** Sends a raw request and collects everything until the server closes (or `ms` pass). */
  function rawExchange(ms = 1000): Promise<{ data: string; closed: "closed" | "timeout" | "error" }> {
    return new Promise((resolve) => {
      const socket = connect(server.port, "127.0.0.1");
      let data = "";
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ data, closed: "timeout" });
      }, ms);
      socket.on("data", (c) => {
        data += c.toString("latin1");
      });
      socket.on("close", () => {
        clearTimeout(timer);
        resolve({ data, closed: "closed" });
      });
      socket.on("error", () => undefined);
      socket.write("GET /inventorytriggerjob HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    });
  }

  it("reset drops the connection before any byte", async () => {
    fake.faults.clear();
    fake.faults.add({ action: { reset: true } });
    const got = await rawExchange();
    expect(got).toEqual({ data: "", closed: "closed" });
  });

  it("truncateBody sends the full Content-Length, then part of the body, then closes", async () => {
    fake.faults.clear();
    fake.faults.add({ action: { truncateBody: 30 } });
    const got = await rawExchange();
    const [head, body] = got.data.split("\r\n\r\n") as [string, string];
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
    expect(length).toBeGreaterThan(30);
    expect(body.length).toBe(30);
    expect(got.closed).toBe("closed");
  });

  it("slowBody delivers the whole body over real time", async () => {
    fake.faults.clear();
    fake.faults.add({ action: { slowBody: { chunkBytes: 64, intervalMs: 5 } } });
    const got = await rawExchange(3000);
    expect(got.data).toMatch(/<\/Response>$/);
  });

  it("hang keeps the socket open without a byte; the client's timeout ends it", async () => {
    fake.faults.clear();
    fake.faults.add({ action: { hang: true } });
    const got = await rawExchange(150);
    expect(got).toEqual({ data: "", closed: "timeout" });
    fake.faults.clear();
    expect((await rawExchange()).data).toMatch(/^HTTP\/1.1 200/);
  });
});

describe("fault rules as data", () => {
  it("round-trips through JSON with patterns as {regex, flags}", () => {
    const rule: FaultRule = {
      match: { path: /^\/inv/i, name: "x", op: "CreateInventoryTriggerJob" },
      times: 2,
      when: "after",
      action: { reset: true },
    };
    const json = JSON.parse(JSON.stringify(faultRuleToJson(rule)));
    expect(json.match.path).toEqual({ regex: "^\\/inv", flags: "i" });
    const back = faultRuleFromJson(json);
    expect(back.match?.path).toEqual(/^\/inv/i);
    expect(back).toMatchObject({ times: 2, when: "after", action: { reset: true } });
  });

  it.each([
    [{ action: { status: 503 } }, /error code/],
    [{ action: { latencyMs: -1 } }, /≥ 0/],
    [{ action: { truncateBody: 1.5 } }, /integer/],
    [{ action: { slowBody: { chunkBytes: 0, intervalMs: 1 } } }, /slowBody/],
    [{ action: { body: 1, contentType: "x" } }, /body/],
    [{ action: { hang: false } }, /true/],
    [{ times: 0, action: { reset: true } }, /times/],
    [{ probability: 2, action: { reset: true } }, /probability/],
    [{ when: "during", action: { reset: true } }, /when/],
    [{ match: { op: "Nope" }, action: { reset: true } }, /unknown operation/],
    [{ match: { path: { regex: "(" } }, action: { reset: true } }, /invalid regex/],
    [{ match: { path: 5 }, action: { reset: true } }, /string or \{regex/],
    [null, /object/],
  ])("refuses malformed rule %j", (rule, message) => {
    let caught: unknown;
    try {
      faultRuleFromJson(rule);
    } catch (error) {
      caught = error;
    }
    expect(isFakeCiError(caught) && caught.code).toBe("InvalidFault");
    expect((caught as Error).message).toMatch(message);
  });

  it("remove and clear", () => {
    const fake = setup();
    const id = fake.faults.add({ action: { reset: true } });
    expect(fake.faults.remove(id)).toBe(true);
    expect(fake.faults.remove(id)).toBe(false);
    fake.faults.add({ action: { reset: true } });
    fake.faults.clear();
    expect(fake.faults.list()).toEqual([]);
  });
});
