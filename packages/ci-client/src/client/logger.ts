/**
 * Where the client reports what it does: `debug` gets one line per attempt (method, redacted URL,
 * status, request id, duration, the retry decision), `warn` gets problems that did not stop the
 * call (a credentials refresh that failed in the background). Every field is passed through the
 * same redactor as the errors: no SecretKey, token or signature ever reaches a logger.
 *
 * @example
 * ```ts
 * import { CiClient, type CiLogger } from "@cibatch/ci-client";
 *
 * const logger: CiLogger = { debug: (message, fields) => console.debug(message, fields) };
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing", logger });
 * ```
 * @public
 */
export interface CiLogger {
  /** Per-attempt trace lines. */
  debug?(message: string, fields?: Readonly<Record<string, unknown>>): void;
  /** Problems that did not stop the call. */
  warn?(message: string, fields?: Readonly<Record<string, unknown>>): void;
}
