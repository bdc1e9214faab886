import { createReadStream } from "node:fs";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";

/**
 * The largest input file accepted: 1 MiB, the size cap of a create request and of its answer. Anything larger
 * cannot be a valid request, so it is refused as soon as that many bytes were read (a device such as
 * `/dev/urandom` never ends).
 */
export const MAX_INPUT_BYTES: number = 1024 * 1024;

async function collect(
  chunks: AsyncIterable<string | Uint8Array>,
  flag: string,
  file: string,
  maxBytes: number,
): Promise<string> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let text = "";
  let bytes = 0;
  for await (const chunk of chunks) {
    const data = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    bytes += data.byteLength;
    if (bytes > maxBytes) {
      throw new CliError(
        "USAGE",
        `${flag} ${file}: larger than ${maxBytes / 1024} KiB, the most a create request can carry; give the request itself, not a data file`,
      );
    }
    text += decoder.decode(data, { stream: true });
  }
  text += decoder.decode();
  // A UTF-8 byte order mark (Windows editors write one) is not part of the document.
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * Reads a file argument, or standard input for `-`, as UTF-8 without a leading byte order mark. Stops and refuses
 * input larger than `maxBytes` before reading it whole.
 *
 * @param io - Where stdin comes from.
 * @param file - A path, or `-`.
 * @param flag - The flag's name, for the error message.
 * @param maxBytes - The size limit (default {@link MAX_INPUT_BYTES}).
 * @returns The text.
 * @throws CliError `USAGE` when the file cannot be read, is too large, or stdin is absent.
 * @example
 * ```ts
 * import { readInput } from "./read-input.js";
 * declare const io: import("../io.js").CliIo;
 * const text = await readInput(io, "job.json", "--cli-input-json");
 * ```
 * @internal
 */
export async function readInput(io: CliIo, file: string, flag: string, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  if (file === "-") {
    if (io.stdin === undefined) throw new CliError("USAGE", `${flag} -: there is no standard input to read`);
    return collect(io.stdin, flag, file, maxBytes);
  }
  try {
    return await collect(createReadStream(file, { highWaterMark: 64 * 1024 }), flag, file, maxBytes);
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    throw new CliError(
      "USAGE",
      `${flag} ${file}: cannot read the file (${(cause as NodeJS.ErrnoException).code ?? "error"})`,
      { cause },
    );
  }
}
