import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeHttpFetch } from "./fetch-node.js";
import { readCappedBody } from "./read-body.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const send = createNodeHttpFetch({ connectMs: 1_000 });

describe("the keep-alive node:http adapter", () => {
  it("sends the given Host, method, headers and body, and returns status, headers and body", async () => {
    const origin = await serve((req, res, body) => {
      res.writeHead(201, { "content-type": "application/xml", "x-echo": `${req.method} ${req.headers.host} ${body}` });
      res.end("<Response/>");
    });
    const response = await send(
      new Request(`${origin}/p?q=1`, { method: "POST", headers: { host: "signed.example", "x-a": "1" }, body: "<x/>" }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("x-echo")).toBe("POST signed.example <x/>");
    expect(await response.text()).toBe("<Response/>");
  });

  it("answers a buffered body as a Response would: ok, every body reader, clone, one read only", async () => {
    const origin = await serve((_req, res) => res.end('{"a":1}'));
    const response = await send(new Request(`${origin}/`));
    expect([response.ok, response.type, response.url, response.redirected, response.bodyUsed]).toEqual([
      true,
      "basic",
      "",
      false,
      false,
    ]);
    expect(await response.clone().json()).toEqual({ a: 1 });
    expect(new TextDecoder().decode(await response.clone().arrayBuffer())).toBe('{"a":1}');
    expect(await (await response.clone().blob()).text()).toBe('{"a":1}');
    expect(await new Response(response.body).text()).toBe('{"a":1}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("caps a buffered body like a streamed one: over the cap is too large, at the cap is whole", async () => {
    const origin = await serve((_req, res) => res.end("y".repeat(100 * 1024)));
    expect(await readCappedBody(await send(new Request(`${origin}/`)), 64 * 1024)).toMatchObject({
      ok: false,
      kind: "too-large",
    });
    const whole = await readCappedBody(await send(new Request(`${origin}/`)), 100 * 1024);
    expect(whole.ok && whole.bytes.byteLength).toBe(100 * 1024);
  });

  it("answers 204 with no body, and sends Content-Length 0 for a body-less PUT", async () => {
    const origin = await serve((req, res) => {
      res.writeHead(204, { "x-length": String(req.headers["content-length"]) });
      res.end();
    });
    const response = await send(new Request(`${origin}/`, { method: "PUT" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("x-length")).toBe("0");
    expect(response.body).toBeNull();
  });

  it("streams a body longer than its buffer, and the capped reader stops it at the cap", async () => {
    const big = "x".repeat(600 * 1024);
    const origin = await serve((_req, res) => {
      res.writeHead(200);
      res.write(big.slice(0, 300 * 1024));
      setTimeout(() => res.end(big.slice(300 * 1024)), 5);
    });
    expect((await (await send(new Request(`${origin}/`))).text()).length).toBe(big.length);
    const capped = await readCappedBody(await send(new Request(`${origin}/`)), 100 * 1024);
    expect(capped).toMatchObject({ ok: false, kind: "too-large" });
  });

  it("reports a body cut short by the server as a broken body", async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write("only a little");
      setTimeout(() => res.destroy(), 5);
    });
    const read = await readCappedBody(await send(new Request(`${origin}/`)), 1024);
    expect(read).toMatchObject({ ok: false, kind: "broken" });
  });

  it("rejects with Node's error code when nothing listens, and at once for an aborted signal", async () => {
    const origin = await serve((_req, res) => res.end());
    await closers.pop()?.();
    const refused = await send(new Request(`${origin}/`)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
    const aborted = await send(new Request(`${origin}/`, { signal: AbortSignal.abort(new Error("stop")) })).catch(
      (e: unknown) => e,
    );
    expect((aborted as Error).message).toBe("stop");
  });

  it("destroys the request when its signal aborts while waiting", async () => {
    const origin = await serve(() => {
      // never answers
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("late")), 20);
    const error = await send(new Request(`${origin}/`, { signal: controller.signal })).catch((e: unknown) => e);
    expect((error as Error).message).toBe("late");
  });

  it("connects to https origins over TLS (refused here, with Node's code)", async () => {
    const origin = await serve((_req, res) => res.end());
    const port = new URL(origin).port;
    await closers.pop()?.();
    const error = await send(new Request(`https://127.0.0.1:${port}/`)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("readCappedBody", () => {
  it("reads an empty body, refuses a declared length above the cap, and passes a small body", async () => {
    expect(await readCappedBody(new Response(null), 10)).toMatchObject({ ok: true });
    const declared = new Response("0123456789ab", { headers: { "content-length": "12" } });
    expect(await readCappedBody(declared, 10)).toMatchObject({ ok: false, kind: "too-large" });
    const small = await readCappedBody(new Response("abc"), 10);
    expect(small.ok && new TextDecoder().decode(small.bytes)).toBe("abc");
  });

  it("reports a stream error as broken", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("ab"));
        controller.error(new Error("reset"));
      },
    });
    const read = await readCappedBody(new Response(stream), 10);
    expect(read).toMatchObject({ ok: false, kind: "broken" });
  });
});
