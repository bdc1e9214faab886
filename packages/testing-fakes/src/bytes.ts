const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** @internal UTF-8 bytes of a string (Web API only, so the core runs wherever `fetch` does). */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** @internal A string from UTF-8 bytes (malformed sequences become U+FFFD). */
export function utf8Text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** @internal The chunks joined into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** @internal Base64 of bytes (standard alphabet, padded). */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.byteLength; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
