import type { CliIo } from "../io.js";

/**
 * Reads answers line by line from standard input, one iterator for the whole conversation (so several questions
 * can be asked). Secret answers switch the terminal to raw mode when the io can (no echo), reading until Enter.
 *
 * @example
 * ```ts
 * import { Prompter } from "./prompt.js";
 * declare const io: import("../io.js").CliIo;
 * const prompter = new Prompter(io);
 * const region = await prompter.ask("Region [ap-beijing]: ");
 * ```
 * @internal
 */
export class Prompter {
  readonly #io: CliIo;
  readonly #iterator: AsyncIterator<string | Uint8Array> | undefined;
  readonly #decoder = new TextDecoder();
  #buffer = "";
  #ended = false;

  /**
   * @param io - Standard input and error.
   */
  constructor(io: CliIo) {
    this.#io = io;
    this.#iterator = io.stdin?.[Symbol.asyncIterator]();
  }

  async #pull(): Promise<boolean> {
    if (this.#ended || this.#iterator === undefined) return false;
    const { value, done } = await this.#iterator.next();
    if (done) {
      this.#ended = true;
      return false;
    }
    this.#buffer += typeof value === "string" ? value : this.#decoder.decode(value, { stream: true });
    return true;
  }

  /**
   * Writes `question` on stderr and resolves with the answer line (trimmed), or undefined when input ended.
   *
   * @param question - The prompt.
   * @param options - `secret`: do not echo the answer (raw mode, when the io offers it).
   * @returns The answer.
   */
  async ask(question: string, options: { secret?: boolean } = {}): Promise<string | undefined> {
    this.#io.stderr.write(question);
    const raw = options.secret === true && this.#io.setRawMode !== undefined;
    if (raw) this.#io.setRawMode?.(true);
    try {
      for (;;) {
        const end = this.#buffer.search(/[\r\n]/);
        if (end !== -1) {
          let line = this.#buffer.slice(0, end);
          this.#buffer = this.#buffer.slice(
            this.#buffer[end] === "\r" && this.#buffer[end + 1] === "\n" ? end + 2 : end + 1,
          );
          if (raw) {
            this.#io.stderr.write("\n");
            // Raw mode delivers Backspace as DEL; apply it.
            while (line.includes("\x7f")) line = line.replace(/[^\x7f]?\x7f/, "");
          }
          return line.trim();
        }
        if (raw && this.#buffer.includes("\x03")) return undefined;
        if (!(await this.#pull())) {
          const rest = this.#buffer;
          this.#buffer = "";
          this.#io.stderr.write("\n");
          return rest.trim() === "" ? undefined : rest.trim();
        }
      }
    } finally {
      if (raw) this.#io.setRawMode?.(false);
    }
  }

  /** Lets go of standard input. */
  async close(): Promise<void> {
    await this.#iterator?.return?.();
  }
}
