import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { BodyFailure, type HeaderReader } from "./body-failure.js";
import type { DirectSend } from "./exchange.js";

/**
 * What {@link createNodeDirectSend} sends with.
 *
 * @example
 * ```ts
 * import http from "node:http";
 * import https from "node:https";
 * import type { NodeDirectSendOptions } from "./node-direct-send.js";
 *
 * const options: NodeDirectSendOptions = {
 *   httpAgent: new http.Agent({ keepAlive: true }),
 *   httpsAgent: new https.Agent({ keepAlive: true }),
 *   connectMs: 5_000,
 * };
 * ```
 * @internal
 */
export interface NodeDirectSendOptions {
  /** The keep-alive agent for `http:`. */
  readonly httpAgent: http.Agent;
  /** The keep-alive agent for `https:`. */
  readonly httpsAgent: https.Agent;
  /** Connect (TCP + TLS) timeout in ms, or `null` for none. */
  readonly connectMs: number | null;
}

interface Origin {
  readonly secure: boolean;
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string | number;
  readonly servername: string | undefined;
}

const EMPTY = new Uint8Array(0);
const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

function connectTimeoutError(ms: number): Error {
  return Object.assign(new Error(`connect timeout after ${ms} ms`), { code: "UND_ERR_CONNECT_TIMEOUT" });
}

function resetError(): Error {
  return Object.assign(new Error("the connection closed before the body ended"), { code: "ECONNRESET" });
}

function concat(chunks: Buffer[], size: number): Uint8Array {
  if (chunks.length === 0) return EMPTY;
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

/**
 * The `node:http`/`node:https` sender behind the default Node `fetch`, without `Request` or
 * `Response` objects: it writes the signed headers as given (`Host` included), reads the body under
 * the cap for its status (a declared `Content-Length` above the cap fails before reading), and
 * fails with a {@link BodyFailure} when the body is cut short. Errors carry Node's codes
 * (`ECONNREFUSED`, `ECONNRESET`, …; `UND_ERR_CONNECT_TIMEOUT` for the connect timeout) so the retry
 * policy classifies them as it does `fetch`'s.
 *
 * @param options - The agents and the connect timeout.
 * @returns The sender.
 *
 * @example
 * ```ts
 * import http from "node:http";
 * import https from "node:https";
 * import { createNodeDirectSend } from "./node-direct-send.js";
 *
 * const send = createNodeDirectSend({
 *   httpAgent: new http.Agent({ keepAlive: true }),
 *   httpsAgent: new https.Agent({ keepAlive: true }),
 *   connectMs: 5_000,
 * });
 * ```
 * @internal
 */
export function createNodeDirectSend(options: NodeDirectSendOptions): DirectSend {
  const { httpAgent, httpsAgent, connectMs } = options;
  const origins = new Map<string, Origin>();
  const originOf = (url: URL): Origin => {
    let origin = origins.get(url.origin);
    if (origin === undefined) {
      const secure = url.protocol === "https:";
      const hostname = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
      origin = {
        secure,
        protocol: url.protocol,
        hostname,
        port: url.port || (secure ? 443 : 80),
        servername: secure && isIP(hostname) === 0 ? hostname : undefined,
      };
      if (origins.size < 16) origins.set(url.origin, origin);
    }
    return origin;
  };

  return (request) =>
    new Promise((resolve, reject) => {
      const { signal } = request;
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      const url = new URL(request.url);
      const origin = originOf(url);
      const headers: Record<string, string> = { ...request.headers };
      let body: Buffer | undefined;
      if (request.body !== undefined) {
        body = Buffer.from(request.body, "utf8");
        headers["content-length"] = String(body.byteLength);
      } else if (request.method !== "GET" && request.method !== "HEAD") {
        headers["content-length"] = "0";
      }
      let settled = false;
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        reject(error);
      };
      const req = (origin.secure ? https : http).request(
        {
          protocol: origin.protocol,
          hostname: origin.hostname,
          port: origin.port,
          path: `${url.pathname}${url.search}`,
          method: request.method,
          headers,
          agent: origin.secure ? httpsAgent : httpAgent,
          ...(origin.servername !== undefined && { servername: origin.servername }),
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const raw = res.headers;
          const header: HeaderReader = (name) => {
            const value = raw[name];
            return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
          };
          request.onHeaders?.(status, header);
          if (NO_BODY_STATUSES.has(status)) {
            res.resume();
            settled = true;
            resolve({ status, header, bytes: EMPTY });
            return;
          }
          const cap = request.maxBytes(status);
          const declared = Number(raw["content-length"] ?? Number.NaN);
          if (declared > cap) {
            res.destroy();
            fail(new BodyFailure("TOO_LARGE", status, header, EMPTY, cap, undefined));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          let ended = false;
          res.on("data", (chunk: Buffer) => {
            if (settled) return;
            if (size + chunk.byteLength > cap) {
              res.destroy();
              fail(new BodyFailure("TOO_LARGE", status, header, concat(chunks, size), cap, undefined));
              return;
            }
            chunks.push(chunk);
            size += chunk.byteLength;
          });
          res.on("end", () => {
            ended = true;
            const bytes = concat(chunks, size);
            if (declared > size) {
              const cause = new Error(`body ended after ${size} of ${declared} bytes`);
              fail(new BodyFailure("TRUNCATED", status, header, bytes, undefined, cause));
              return;
            }
            settled = true;
            resolve({ status, header, bytes });
          });
          const broken = (error?: unknown): void => {
            if (ended || settled) return;
            if (signal.aborted) {
              fail(signal.reason);
              return;
            }
            const bytes = concat(chunks, size);
            fail(new BodyFailure("TRUNCATED", status, header, bytes, undefined, error ?? resetError()));
          };
          res.on("error", broken);
          res.on("close", () => broken());
        },
      );
      req.on("error", fail);
      signal.onAbort((reason) => {
        if (settled) return;
        req.destroy();
        fail(reason);
      });
      if (connectMs !== null) {
        req.on("socket", (socket) => {
          if (!socket.connecting) return;
          const timer = setTimeout(() => req.destroy(connectTimeoutError(connectMs)), connectMs);
          socket.once(origin.secure ? "secureConnect" : "connect", () => clearTimeout(timer));
          socket.once("close", () => clearTimeout(timer));
        });
      }
      req.end(body);
    });
}
