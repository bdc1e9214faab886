import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { concatBytes } from "./bytes.js";
import type { FakeClock } from "./clock.js";
import type { FakeReply, FakeRequest } from "./reply.js";

/**
 * Where {@link FakeCi.listen} binds.
 *
 * @example
 * ```ts
 * import type { ListenOptions } from "@cibatch/testing-fakes/node";
 * const options: ListenOptions = { host: "127.0.0.1", port: 0 };
 * ```
 */
export interface ListenOptions {
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default `0` (a free port). */
  readonly port?: number;
  /** Milliseconds a client may take to send a whole request (Node's `requestTimeout`; default 30 000). */
  readonly requestTimeoutMs?: number;
  /**
   * Milliseconds a connection may see no traffic either way while a request or an unread response is pending (a
   * client that pipelines requests and never reads, a `hang` fault) before the fake closes it. Default 30 000.
   */
  readonly idleTimeoutMs?: number;
}

/**
 * A running listener.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes/node";
 * const fake = createFakeCi();
 * const server = await fake.listen();
 * console.log(server.url); // http://127.0.0.1:PORT
 * await server.close();
 * ```
 */
export interface RunningListener {
  /** `http://<host>:<port>`, no trailing slash. */
  readonly url: string;
  /** The address bound. */
  readonly host: string;
  /** The port bound. */
  readonly port: number;
  /** Stops accepting, drops open connections (including hanging ones) and resolves when closed. */
  close(): Promise<void>;
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

function readRequest(req: IncomingMessage, limit: number, signal: () => AbortSignal): Promise<FakeRequest> {
  // Node already lower-cases names and joins repeated headers; only set-cookie-like names stay arrays.
  let headers = req.headers as Record<string, string>;
  // Node keeps the first of repeated Authorization fields; the fake must see both to refuse them.
  const authorization = req.headersDistinct.authorization;
  if (authorization !== undefined && authorization.length > 1)
    headers = { ...headers, authorization: authorization.join(", ") };
  if (Object.values(headers).some((value) => typeof value !== "string")) {
    headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
  }
  const method = (req.method ?? "GET").toUpperCase();
  const target = req.url ?? "/";
  const fromLoopback = LOOPBACK.test(req.socket.remoteAddress ?? "");
  // Built without object spread: spreading would call the lazy `signal` getter.
  const make = (body: Uint8Array, bodyTooLarge: boolean): FakeRequest => ({
    method,
    target,
    headers,
    body,
    bodyTooLarge,
    fromLoopback,
    contentLengthMissing: headers["content-length"] === undefined,
    // Created on first use only (latency, hang, slow body): most requests never need one.
    get signal(): AbortSignal {
      return signal();
    },
  });
  const declared = Number(headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(make(new Uint8Array(0), true));
  }
  if (declared === 0 || (headers["content-length"] === undefined && headers["transfer-encoding"] === undefined)) {
    return Promise.resolve(make(new Uint8Array(0), false));
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.byteLength;
      if (size > limit) {
        // Answer 413 at once (the connection closes after it); what else arrives is discarded.
        tooLarge = true;
        chunks.length = 0;
        resolve(make(new Uint8Array(0), true));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? make(new Uint8Array(0), true) : make(concatBytes(chunks), false)));
    req.on("error", reject);
  });
}

async function deliver(
  res: ServerResponse,
  reply: FakeReply,
  clock: FakeClock,
  signal: AbortSignal | undefined,
): Promise<void> {
  const delivery = reply.delivery;
  if (delivery.kind === "reset") {
    res.socket?.destroy();
    return;
  }
  if (delivery.kind === "hang") return; // the connection stays open until the client (or close()) ends it
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(reply.body.byteLength) });
  if (delivery.kind === "truncate") {
    const socket = res.socket;
    res.write(reply.body.subarray(0, delivery.bytes), () => socket?.destroy());
    return;
  }
  if (delivery.kind === "slow") {
    for (let offset = 0; offset < reply.body.byteLength; offset += delivery.chunkBytes) {
      if (offset > 0) await clock.sleep(delivery.intervalMs, signal);
      res.write(reply.body.subarray(offset, offset + delivery.chunkBytes));
    }
    res.end();
    return;
  }
  res.end(reply.body);
}

/** @internal Serves `handle` on a real socket. */
export function startListener(
  handle: (request: FakeRequest) => Promise<FakeReply>,
  clock: FakeClock,
  bodyLimit: number,
  options: ListenOptions,
  onError: (error: unknown) => void,
): Promise<RunningListener> {
  const server: Server = createServer(
    { requestTimeout: options.requestTimeoutMs ?? 30_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      let controller: AbortController | undefined;
      const signal = (): AbortSignal => {
        if (!controller) {
          const created = new AbortController();
          controller = created;
          if (res.closed && !res.writableFinished)
            created.abort(new DOMException("the client closed the connection", "AbortError"));
          res.on("close", () => {
            if (!res.writableFinished)
              created.abort(new DOMException("the client closed the connection", "AbortError"));
          });
        }
        return controller.signal;
      };
      readRequest(req, bodyLimit, signal)
        .then(async (request) => {
          const reply = await handle(request);
          if (request.bodyTooLarge) res.shouldKeepAlive = false;
          await deliver(res, reply, clock, reply.delivery.kind === "slow" ? signal() : undefined);
        })
        .catch((error: unknown) => {
          // The client went away (a stalled upload cut by its timeout, a reset): nothing to answer.
          if (controller?.signal.aborted || req.destroyed || res.closed) return;
          onError(error);
          if (!res.headersSent) {
            // The core answers every request in XML; this is a failure of the socket layer itself.
            res.writeHead(500, { "content-type": "application/xml", connection: "close" });
            res.end("<Error><Code>InternalError</Code><Message>the fake failed to answer</Message></Error>");
          } else {
            res.socket?.destroy();
          }
        });
    },
  );
  // Inactivity either way (an unread pipelined response, a hang) ends the connection after a bounded time.
  server.setTimeout(options.idleTimeoutMs ?? 30_000);
  const host = options.host ?? "127.0.0.1";
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shown = address.address === "0.0.0.0" || address.address === "::" ? "127.0.0.1" : address.address;
      const urlHost = shown.includes(":") ? `[${shown}]` : shown;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${urlHost}:${address.port}`,
        host: address.address,
        port: address.port,
        close() {
          closing ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
          return closing;
        },
      });
    });
  });
}
