import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AttemptTimeoutError, isAttemptTimeout, toAbortSignal, withinAttempt } from "./attempt-limits.js";
import { BodyFailure } from "./body-failure.js";
import { DIRECT_SEND, type DirectRequest, directSendOf } from "./exchange.js";
import { createNodeHttpFetch } from "./node-http-fetch.js";

const servers: http.Server[] = [];
afterEach(async () => {
  while (servers.length > 0) {
    const server = servers.pop() as http.Server;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const quiet = { aborted: false, reason: undefined, onAbort: () => {} };

function request(url: string, extra: Partial<DirectRequest> = {}): DirectRequest {
  return {
    url,
    method: "GET",
    headers: { host: "bucket-1250000000.ci.ap-beijing.myqcloud.com" },
    signal: quiet,
    maxBytes: () => 64,
    ...extra,
  };
}

function directOf(): (request: DirectRequest) => Promise<import("./exchange.js").Exchange> {
  const fetch = createNodeHttpFetch({ connectMs: 1_000 });
  return directSendOf(fetch);
}

describe("the node:http direct sender", () => {
  it("is offered by the default Node fetch and sends the given Host, method, body and headers", async () => {
    const seen: { host?: string | undefined; method?: string | undefined; body: string; type?: string | undefined } = {
      body: "",
    };
    const url = await serve((req, res) => {
      seen.host = req.headers.host;
      seen.method = req.method;
      seen.type = req.headers["content-type"];
      req.on("data", (chunk: Buffer) => {
        seen.body += chunk.toString();
      });
      req.on("end", () => {
        res.writeHead(200, {
          "content-type": "application/xml",
          "x-ci-request-id": "r1",
          "set-cookie": ["a=1", "b=2"],
        });
        res.end("<Response/>");
      });
    });
    const fetch = createNodeHttpFetch({ connectMs: 1_000 });
    expect(typeof (fetch as unknown as Record<symbol, unknown>)[DIRECT_SEND]).toBe("function");
    const exchange = await directSendOf(fetch)(
      request(`${url}/inventorytriggerjob?x=1`, {
        method: "POST",
        headers: { host: "signed.example.com", "content-type": "application/xml" },
        body: "<Request/>",
      }),
    );
    expect(seen).toEqual({ host: "signed.example.com", method: "POST", body: "<Request/>", type: "application/xml" });
    expect(exchange.status).toBe(200);
    expect(new TextDecoder().decode(exchange.bytes)).toBe("<Response/>");
    expect(exchange.header("x-ci-request-id")).toBe("r1");
    expect(exchange.header("set-cookie")).toBe("a=1, b=2");
    expect(exchange.header("x-absent")).toBeNull();
  });

  it("reports headers before the body and answers 204 with no bytes", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(204, { date: "Thu, 01 Jan 2026 00:00:00 GMT" });
      res.end();
    });
    const dates: (string | null)[] = [];
    const exchange = await directOf()(request(url, { onHeaders: (_status, header) => dates.push(header("date")) }));
    expect(exchange.status).toBe(204);
    expect(exchange.bytes.byteLength).toBe(0);
    expect(dates).toEqual(["Thu, 01 Jan 2026 00:00:00 GMT"]);
  });

  it("refuses a declared Content-Length above the cap without reading the body", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.end("x".repeat(100));
    });
    const error = await directOf()(request(url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyFailure);
    expect(error).toMatchObject({ code: "TOO_LARGE", status: 200, limitBytes: 64 });
    expect((error as BodyFailure).bytes.byteLength).toBe(0);
  });

  it("stops a chunked body as soon as it passes the cap for its status", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(503, { "content-type": "text/html" });
      res.write("a".repeat(40));
      setTimeout(() => res.end("b".repeat(40)), 20);
    });
    const error = await directOf()(request(url, { maxBytes: (status) => (status === 503 ? 50 : 1_000) })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "TOO_LARGE", status: 503, limitBytes: 50 });
    expect(new TextDecoder().decode((error as BodyFailure).bytes)).toBe("a".repeat(40));
    expect((error as BodyFailure).header("content-type")).toBe("text/html");
  });

  it("reports a body cut short by the server as TRUNCATED with the bytes that arrived", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "50" });
      res.write("<Response>");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await directOf()(request(url)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TRUNCATED", status: 200 });
    expect(new TextDecoder().decode((error as BodyFailure).bytes)).toBe("<Response>");
  });

  it("rejects with Node's error code when nothing listens", async () => {
    const url = await serve(() => {});
    const closed = servers.pop() as http.Server;
    await new Promise((resolve) => closed.close(resolve));
    const error = await directOf()(request(url)).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
  });

  it("destroys the request when the attempt times out", async () => {
    let closed = false;
    const url = await serve((req) => {
      req.socket.on("close", () => {
        closed = true;
      });
    });
    const pending = withinAttempt({ aborted: false, reason: undefined, onAbort: () => () => {} }, 30, (signal) =>
      directOf()(request(url, { signal })),
    );
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttemptTimeoutError);
    await expect.poll(() => closed).toBe(true);
  });

  it("rejects at once when the signal was already aborted", async () => {
    const reason = new Error("already");
    const error = await directOf()(
      request("http://127.0.0.1:9", { signal: { aborted: true, reason, onAbort: () => {} } }),
    ).catch((e: unknown) => e);
    expect(error).toBe(reason);
  });

  it("connects to https origins over TLS (refused here, with Node's code)", async () => {
    const fetch = createNodeHttpFetch({ connectMs: 1_000, maxSockets: 1 });
    const error = await directSendOf(fetch)(request("https://127.0.0.1:9/x")).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
  });
});

describe("directSendOf a plain fetch", () => {
  it("sends one Request through fetch and reads the body under the cap", async () => {
    const seen: Request[] = [];
    const send = directSendOf(async (input) => {
      seen.push(input);
      return new Response("<Response/>", { status: 200, headers: { "x-ci-request-id": "r2" } });
    });
    const exchange = await send(request("http://127.0.0.1:9/inventorytriggerjob/b1", { headers: { "x-test": "1" } }));
    expect(seen[0]?.url).toBe("http://127.0.0.1:9/inventorytriggerjob/b1");
    expect(seen[0]?.headers.get("x-test")).toBe("1");
    expect(exchange.header("x-ci-request-id")).toBe("r2");
    expect(exchange.bytes.byteLength).toBe(11);
  });

  it("turns an over-cap or broken body into a BodyFailure, and an aborted read into the reason", async () => {
    const big = directSendOf(async () => new Response("x".repeat(100)));
    await expect(big(request("http://h/x"))).rejects.toMatchObject({ code: "TOO_LARGE", limitBytes: 64 });
    const broken = directSendOf(
      async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode("<Resp"));
              controller.error(new Error("reset"));
            },
          }),
        ),
    );
    await expect(broken(request("http://h/x"))).rejects.toMatchObject({ code: "TRUNCATED" });
    const reason = new Error("gone");
    await expect(broken(request("http://h/x", { signal: { aborted: true, reason, onAbort: () => {} } }))).rejects.toBe(
      reason,
    );
  });
});

describe("withinAttempt", () => {
  it("rejects with the call's reason when the call aborts, even if the attempt ignores it", async () => {
    let fire: (reason: unknown) => void = () => {};
    const call = {
      aborted: false,
      reason: undefined,
      onAbort: (listener: (reason: unknown) => void) => {
        fire = listener;
        return () => {};
      },
    };
    const seen: unknown[] = [];
    const pending = withinAttempt(call, null, (signal) => {
      signal.onAbort((reason) => seen.push(reason));
      return new Promise<never>(() => {});
    });
    const reason = new Error("caller");
    fire(reason);
    await expect(pending).rejects.toBe(reason);
    expect(seen).toEqual([reason]);
  });

  it("rejects at once for an aborted call and passes values and errors through", async () => {
    const reason = new Error("before");
    await expect(withinAttempt({ aborted: true, reason, onAbort: () => () => {} }, 10, async () => 1)).rejects.toBe(
      reason,
    );
    const open = { aborted: false, reason: undefined, onAbort: () => () => {} };
    await expect(withinAttempt(open, 1_000, async () => 42)).resolves.toBe(42);
    const failure = new Error("failed");
    await expect(withinAttempt(open, 1_000, () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it("times out with an AttemptTimeoutError that the classifier knows, and a real AbortSignal follows it", async () => {
    const open = { aborted: false, reason: undefined, onAbort: () => () => {} };
    let followed: AbortSignal | undefined;
    const error = await withinAttempt(open, 5, (signal) => {
      followed = toAbortSignal(signal);
      return new Promise<never>(() => {});
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttemptTimeoutError);
    expect(isAttemptTimeout(error)).toBe(true);
    expect(isAttemptTimeout(new Error("other"))).toBe(false);
    expect(followed?.aborted).toBe(true);
    expect(followed?.reason).toBe(error);
    const already = toAbortSignal({ aborted: true, reason: "r", onAbort: (listener) => listener("r") });
    expect([already.aborted, already.reason]).toEqual([true, "r"]);
  });
});
