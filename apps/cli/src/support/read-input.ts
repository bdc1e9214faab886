import { readFile } from "node:fs/promises";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";

/**
 * Reads a file argument, or standard input for `-`.
 *
 * @param io - Where stdin comes from.
 * @param file - A path, or `-`.
 * @param flag - The flag's name, for the error message.
 * @returns The text.
 * @throws CliError `USAGE` when the file cannot be read or stdin is absent.
 * @example
 * ```ts
 * import { readInput } from "./read-input.js";
 * declare const io: import("../io.js").CliIo;
 * const text = await readInput(io, "job.json", "--cli-input-json");
 * ```
 * @internal
 */
export async function readInput(io: CliIo, file: string, flag: string): Promise<string> {
  if (file === "-") {
    if (io.stdin === undefined) throw new CliError("USAGE", `${flag} -: there is no standard input to read`);
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of io.stdin)
      text += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    throw new CliError(
      "USAGE",
      `${flag} ${file}: cannot read the file (${(cause as NodeJS.ErrnoException).code ?? "error"})`,
      { cause },
    );
  }
}
