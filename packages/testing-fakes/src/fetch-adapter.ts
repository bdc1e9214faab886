import { concatBytes } from "./bytes.js";
import type { FakeClock } from "./clock.js";
import type { FakeReply, FakeRequest } from "./reply.js";

/** @internal Reads a Fetch `Request` into the core's shape, reading at most `limit` body bytes. */
export async function fromFetchRequest(request: Request, limit: number): Promise<FakeRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  headers.host ??= url.host;
  let body: Uint8Array = new Uint8Array(0);
  let bodyTooLarge = false;
  const declared = Number(headers["content-length"]);
  if (request.body) {
    if (Number.isFinite(declared) && declared > limit) {
      bodyTooLarge = true;
      await request.body.cancel().catch(() => undefined);
    } else {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = request.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          bodyTooLarge = true;
          await reader.cancel().catch(() => undefined);
          break;
        }
        chunks.push(value);
      }
      body = bodyTooLarge ? new Uint8Array(0) : concatBytes(chunks);
    }
  }
  return {
    method: request.method.toUpperCase(),
    target: `${url.pathname}${url.search}`,
    headers,
    body,
    bodyTooLarge,
    signal: request.signal,
    fromLoopback: true,
  };
}

function networkError(message: string, code: string): TypeError {
  const cause = Object.assign(new Error(message), { code });
  return new TypeError("fetch failed", { cause });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/**
 * @internal Turns a reply into a Fetch `Response` the way a real connection would deliver it: `reset` rejects like
 * undici's "fetch failed" (cause `ECONNRESET`), `hang` never settles until the request's signal aborts, `truncate`
 * errors the body stream after the given bytes, `slow` dribbles chunks on the fake clock.
 */
export function toFetchResponse(
  reply: FakeReply,
  clock: FakeClock,
  signal: AbortSignal | undefined,
): Promise<Response> {
  const headers = new Headers(reply.headers);
  headers.set("content-length", String(reply.body.byteLength));
  const init = { status: reply.status, headers };
  const delivery = reply.delivery;
  switch (delivery.kind) {
    case "reset":
      return Promise.reject(networkError("socket hang up", "ECONNRESET"));
    case "hang":
      return new Promise<Response>((_resolve, reject) => {
        if (signal?.aborted) reject(abortError(signal));
        signal?.addEventListener("abort", () => reject(abortError(signal)), { once: true });
      });
    case "truncate": {
      const head = reply.body.subarray(0, delivery.bytes);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          if (head.byteLength > 0) controller.enqueue(head);
          controller.error(
            Object.assign(new TypeError("terminated"), {
              cause: networkError("other side closed", "UND_ERR_SOCKET").cause,
            }),
          );
        },
      });
      return Promise.resolve(new Response(stream, init));
    }
    case "slow": {
      let offset = 0;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (offset > 0) await clock.sleep(delivery.intervalMs, signal);
          const chunk = reply.body.subarray(offset, offset + delivery.chunkBytes);
          offset += delivery.chunkBytes;
          if (chunk.byteLength > 0) controller.enqueue(chunk);
          if (offset >= reply.body.byteLength) controller.close();
        },
      });
      return Promise.resolve(new Response(reply.body.byteLength === 0 ? null : stream, init));
    }
    default:
      return Promise.resolve(new Response(reply.body.byteLength === 0 ? null : reply.body, init));
  }
}
