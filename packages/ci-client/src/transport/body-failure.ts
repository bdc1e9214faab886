import type { CiResponseErrorCode } from "../errors/ci-response-error.js";

/**
 * Reads one response header by lowercase name: `null` when absent.
 *
 * @example
 * ```ts
 * import type { HeaderReader } from "./body-failure.js";
 *
 * const headers = new Headers({ date: "Thu, 01 Jan 2026 00:00:00 GMT" });
 * const read: HeaderReader = (name) => headers.get(name);
 * ```
 * @internal
 */
export type HeaderReader = (name: string) => string | null;

/**
 * A body-read failure raised while an attempt reads its response (too large, truncated), turned
 * into a `CiResponseError` once the retry policy has decided on the attempt.
 *
 * @example
 * ```ts
 * import { BodyFailure } from "./body-failure.js";
 *
 * const failure = new BodyFailure("TOO_LARGE", 200, () => null, new Uint8Array(0), 1024, undefined);
 * failure.code; // "TOO_LARGE"
 * ```
 * @internal
 */
export class BodyFailure extends Error {
  override readonly name = "BodyFailure" as const;
  /** The `CiResponseError` code. */
  readonly code: CiResponseErrorCode;
  /** The response status. */
  readonly status: number;
  /** The response headers. */
  readonly header: HeaderReader;
  /** What was read before it stopped. */
  readonly bytes: Uint8Array;
  /** The cap that was passed, for `TOO_LARGE`. */
  readonly limitBytes: number | undefined;

  /**
   * @param code - `TOO_LARGE` or `TRUNCATED`.
   * @param status - The response status.
   * @param header - The response headers.
   * @param bytes - What was read.
   * @param limitBytes - The cap, for `TOO_LARGE`.
   * @param cause - The stream's error, if any.
   */
  constructor(
    code: CiResponseErrorCode,
    status: number,
    header: HeaderReader,
    bytes: Uint8Array,
    limitBytes: number | undefined,
    cause: unknown,
  ) {
    super(code, { cause });
    this.code = code;
    this.status = status;
    this.header = header;
    this.bytes = bytes;
    this.limitBytes = limitBytes;
  }
}
