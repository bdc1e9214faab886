import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { BUFFERED_BODY } from "./read-body.js";
import type { FetchLike } from "./response.js";

/** Options of {@link createNodeHttpFetch}: the connect (TCP + TLS) timeout in ms, or `null`. @internal */
export type NodeHttpFetchOptions = { readonly connectMs?: number | null | undefined };

const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** Responses up to this size are buffered; longer ones stream (the transport caps them). */
const MAX_BUFFERED_BYTES = 256 * 1024;

/** The rest of a response as a stream, after the chunks already read. */
function streamOf(
  res: http.IncomingMessage,
  head: Buffer[],
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  let ended = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(new Uint8Array(chunk));
      res.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      res.on("end", () => {
        ended = true;
        controller.close();
      });
      res.on("error", (error) => controller.error(error));
      res.on("close", () => {
        if (!ended) {
          controller.error(
            signal?.aborted
              ? signal.reason
              : Object.assign(new Error("the connection closed before the body ended"), { code: "ECONNRESET" }),
          );
        }
      });
    },
    cancel() {
      res.destroy();
    },
  });
}

/**
 * A whole body already read, answered as a `Response` without building one: undici's `Response`
 * wraps its body in a `ReadableStream` (about 11 µs a call), which the pipeline never reads (it takes
 * {@link BUFFERED_BODY}). Anything else (`body`, `text()`, `clone()`, …) makes the real one once.
 */
class BufferedResponse {
  readonly type = "basic";
  readonly url = "";
  readonly redirected = false;
  declare readonly status: number;
  declare readonly statusText: string;
  declare readonly headers: Headers;
  declare readonly [BUFFERED_BODY]: Buffer;
  #real: Response | undefined;
  constructor(body: Buffer, init: { status: number; statusText: string; headers: Headers }) {
    Object.assign(this, init, { [BUFFERED_BODY]: body });
  }
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  #response(): Response {
    this.#real ??= new Response(this[BUFFERED_BODY], this);
    return this.#real;
  }
  get body(): ReadableStream<Uint8Array> | null {
    return this.#response().body;
  }
  get bodyUsed(): boolean {
    return this.#real?.bodyUsed ?? false;
  }
  text = (): Promise<string> => this.#response().text();
  json = (): Promise<unknown> => this.#response().json();
  arrayBuffer = (): Promise<ArrayBuffer> => this.#response().arrayBuffer();
  blob = (): Promise<Blob> => this.#response().blob();
  clone = (): Response => this.#response().clone();
}

function connectTimeoutError(ms: number): Error {
  return Object.assign(new Error(`connect timeout after ${ms} ms`), { code: "UND_ERR_CONNECT_TIMEOUT" });
}

/**
 * A `fetch` over `node:http`/`node:https` with keep-alive agents: faster than undici's `fetch`
 * (figures in docs/decisions/0020-keep-alive-node-http-adapter.md). Unlike `fetch` it sends the
 * request's `Host` header as given (the endpoint override's signed host) and enforces a connect
 * timeout (error code `UND_ERR_CONNECT_TIMEOUT`, classified as "not sent"). Request bodies are
 * buffered (they are small XML documents); the response body streams.
 * @internal
 */
export function createNodeHttpFetch(options: NodeHttpFetchOptions = {}): FetchLike {
  const maxSockets = 64;
  const connectMs = options.connectMs ?? null;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets, noDelay: true });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets, noDelay: true });

  const fetchViaHttp = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const signal = request.signal;
    signal?.throwIfAborted();
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    let body: Buffer | undefined;
    if (request.body !== null) {
      body = Buffer.from(await request.arrayBuffer());
      headers["content-length"] = String(body.byteLength);
    } else if (request.method !== "GET" && request.method !== "HEAD") {
      headers["content-length"] = "0";
    }
    const secure = url.protocol === "https:";
    const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown): void => {
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      const req = (secure ? https : http).request(
        {
          protocol: url.protocol,
          hostname,
          port: url.port || (secure ? 443 : 80),
          path: `${url.pathname}${url.search}`,
          method: request.method,
          headers,
          agent: secure ? httpsAgent : httpAgent,
          ...(secure && isIP(hostname) === 0 && { servername: hostname }),
        },
        (res) => {
          const responseHeaders = new Headers();
          const raw = res.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i] as string, raw[i + 1] as string);
          const status = res.statusCode ?? 0;
          const init = { status, statusText: res.statusMessage ?? "", headers: responseHeaders };
          if (NO_BODY_STATUSES.has(status)) {
            res.resume();
            settled = true;
            resolve(new Response(null, init));
            return;
          }
          // Bodies here are small XML documents: buffer them (cheaper than a stream per response),
          // but never beyond MAX_BUFFERED_BYTES; a longer body is handed over as a stream.
          const chunks: Buffer[] = [];
          let size = 0;
          let ended = false;
          const onData = (chunk: Buffer): void => {
            chunks.push(chunk);
            size += chunk.byteLength;
            if (size > MAX_BUFFERED_BYTES) handOver();
          };
          const onEnd = (): void => {
            ended = true;
            settled = true;
            const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
            resolve(body.byteLength === 0 ? new Response(null, init) : (new BufferedResponse(body, init) as never));
          };
          const onBroken = (error?: unknown): void => {
            if (ended) return;
            const reason =
              error ??
              (signal?.aborted
                ? signal.reason
                : Object.assign(new Error("the connection closed before the body ended"), { code: "ECONNRESET" }));
            if (!settled) {
              // Hand over what arrived, then the error, so the reader sees a truncated body.
              settled = true;
              const head = Buffer.concat(chunks, size);
              resolve(
                new Response(
                  new ReadableStream<Uint8Array>({
                    start(controller) {
                      if (head.byteLength > 0) controller.enqueue(new Uint8Array(head));
                      controller.error(reason);
                    },
                  }),
                  init,
                ),
              );
            }
          };
          const handOver = (): void => {
            res.off("data", onData);
            res.off("end", onEnd);
            res.off("error", onBroken);
            res.off("close", onClose);
            settled = true;
            const head = chunks.splice(0);
            resolve(new Response(streamOf(res, head, signal), init));
          };
          const onClose = (): void => onBroken();
          res.on("data", onData);
          res.on("end", onEnd);
          res.on("error", onBroken);
          res.on("close", onClose);
        },
      );
      req.on("error", fail);
      if (signal) {
        const onAbort = (): void => {
          req.destroy();
          fail(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        req.on("close", () => signal.removeEventListener("abort", onAbort));
      }
      if (connectMs !== null) {
        req.on("socket", (socket) => {
          if (!socket.connecting) return;
          const timer = setTimeout(() => req.destroy(connectTimeoutError(connectMs)), connectMs);
          socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
          socket.once("close", () => clearTimeout(timer));
        });
      }
      req.end(body);
    });
  };
  return fetchViaHttp;
}

/**
 * The default `fetch` under the `node` condition: the `node:http` keep-alive transport (faster than
 * undici's `fetch`, honours `Host` and the connect timeout).
 * @internal
 */
export function defaultFetch(options: { readonly connectMs: number | null }): FetchLike {
  return createNodeHttpFetch({ connectMs: options.connectMs });
}
