/**
 * The bytes of a body, or why reading stopped with what was read: `too-large` (past the cap) or
 * `broken` (the stream failed: cut short, reset, aborted; `cause` is its error).
 * @internal
 */
export type BodyReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly kind: "too-large" | "broken"; readonly bytes: Uint8Array; readonly cause?: unknown };

const EMPTY = new Uint8Array(0);

/** Where the Node adapter leaves a body it has already read whole, so that it is not streamed again. @internal */
export const BUFFERED_BODY: unique symbol = Symbol("cibatch.bufferedBody");

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a response body while streaming, stopping (and cancelling the stream) as soon as it passes
 * `maxBytes` (`fetch`'s `.text()` has no cap). A declared `Content-Length` above
 * the cap fails at once; a body shorter than its declared `Content-Length` counts as broken.
 * @internal
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<BodyReadResult> {
  const buffered = (response as { [BUFFERED_BODY]?: Uint8Array })[BUFFERED_BODY];
  if (buffered !== undefined && buffered.byteLength <= maxBytes) return { ok: true, bytes: buffered };
  const body = response.body;
  if (body === null) return { ok: true, bytes: EMPTY };
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    return { ok: false, kind: "too-large", bytes: EMPTY };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, kind: "too-large", bytes: concat(chunks, size - value.byteLength) };
      }
      chunks.push(value);
    }
  } catch (cause) {
    return { ok: false, kind: "broken", bytes: concat(chunks, size), cause };
  }
  const bytes = chunks.length === 0 ? EMPTY : concat(chunks, size);
  if (Number.isFinite(declared) && declared > size) {
    return { ok: false, kind: "broken", bytes, cause: new Error(`body ended after ${size} of ${declared} bytes`) };
  }
  return { ok: true, bytes };
}
