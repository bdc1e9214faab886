import { type AttemptSignal, toAbortSignal } from "./attempt-limits.js";
import { BodyFailure, type HeaderReader } from "./body-failure.js";
import { readCappedBody } from "./read-body.js";
import type { FetchLike } from "./transport.js";

/**
 * One attempt's response, fully read: status, headers and the (capped) body bytes. No `Response`
 * object: building and cloning those is most of what a request costs on a fast path.
 *
 * @example
 * ```ts
 * import type { Exchange } from "./exchange.js";
 *
 * const ok: Exchange = { status: 200, header: () => null, bytes: new TextEncoder().encode("<Response/>") };
 * ```
 * @internal
 */
export interface Exchange {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly header: HeaderReader;
  /** The body, read under its cap. */
  readonly bytes: Uint8Array;
}

/**
 * One attempt as the transport hands it to a {@link DirectSend}: everything signed already.
 *
 * @example
 * ```ts
 * import type { DirectRequest } from "./exchange.js";
 *
 * const request: DirectRequest = {
 *   url: "http://127.0.0.1:9000/inventorytriggerjob/b1",
 *   method: "GET",
 *   headers: { host: "examplebucket-1250000000.ci.ap-beijing.myqcloud.com" },
 *   signal: { aborted: false, reason: undefined, onAbort: () => {} },
 *   maxBytes: () => 1024,
 * };
 * ```
 * @internal
 */
export interface DirectRequest {
  /** The full URL to connect to. */
  readonly url: string;
  /** The HTTP method. */
  readonly method: string;
  /** Every request header, lowercase names (`host` included). */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body, if any. */
  readonly body?: string | undefined;
  /** Aborts the attempt (per-attempt timeout, caller's signal, total deadline). */
  readonly signal: AttemptSignal;
  /** The body cap for a response of this status. */
  readonly maxBytes: (status: number) => number;
  /** Called once the status and headers have arrived, before the body is read. */
  readonly onHeaders?: ((status: number, header: HeaderReader) => void) | undefined;
}

/**
 * Sends one attempt and reads its body: resolves with the {@link Exchange}, rejects with the network
 * error, a {@link BodyFailure} (too large, truncated) or the signal's reason.
 *
 * @example
 * ```ts
 * import type { DirectSend } from "./exchange.js";
 *
 * const never: DirectSend = () => Promise.reject(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
 * ```
 * @internal
 */
export type DirectSend = (request: DirectRequest) => Promise<Exchange>;

/**
 * The property under which a `fetch` built by this package offers its {@link DirectSend}.
 *
 * @example
 * ```ts
 * import { DIRECT_SEND } from "./exchange.js";
 *
 * typeof DIRECT_SEND; // "symbol"
 * ```
 * @internal
 */
export const DIRECT_SEND: unique symbol = Symbol.for("@cibatch/ci-client.directSend");

/**
 * Reads a `fetch` response under the cap for its status, reporting its headers first.
 *
 * @param response - The response.
 * @param request - The attempt (signal, caps, header callback).
 * @returns The exchange.
 *
 * @example
 * ```ts
 * import { readExchange } from "./exchange.js";
 *
 * const exchange = await readExchange(new Response("<Response/>"), {
 *   signal: { aborted: false, reason: undefined, onAbort: () => {} },
 *   maxBytes: () => 1024,
 * });
 * exchange.bytes.byteLength; // 11
 * ```
 * @internal
 */
export async function readExchange(
  response: Response,
  request: { readonly signal: { readonly aborted: boolean; readonly reason: unknown } } & Pick<
    DirectRequest,
    "maxBytes" | "onHeaders"
  >,
): Promise<Exchange> {
  const { status, headers } = response;
  const header: HeaderReader = (name) => headers.get(name);
  request.onHeaders?.(status, header);
  const cap = request.maxBytes(status);
  const read = await readCappedBody(response, cap);
  if (!read.ok) {
    if (request.signal.aborted) throw request.signal.reason;
    if (read.kind === "too-large") throw new BodyFailure("TOO_LARGE", status, header, read.bytes, cap, undefined);
    throw new BodyFailure("TRUNCATED", status, header, read.bytes, undefined, read.cause);
  }
  return { status, header, bytes: read.bytes };
}

/**
 * The {@link DirectSend} of a `fetch` function: the one the `fetch` offers under
 * {@link DIRECT_SEND} (the `node:http` transport), else one `Request` per attempt through `fetch`.
 *
 * @param fetch - The client's `fetch`.
 * @returns The sender.
 *
 * @example
 * ```ts
 * import { directSendOf } from "./exchange.js";
 *
 * const send = directSendOf((input) => fetch(input));
 * ```
 * @internal
 */
export function directSendOf(fetch: FetchLike): DirectSend {
  const own = (fetch as FetchLike & { [DIRECT_SEND]?: DirectSend })[DIRECT_SEND];
  if (typeof own === "function") return own;
  return async (request) => {
    const response = await fetch(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined && { body: request.body }),
        signal: toAbortSignal(request.signal),
      }),
    );
    return readExchange(response, request);
  };
}
