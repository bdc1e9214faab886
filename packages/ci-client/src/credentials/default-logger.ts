import type { CredentialsLogger } from "./types.js";

/**
 * The logger used when none is given: a Node process warning with code `CIBATCH_CREDENTIALS`.
 *
 * @example
 * ```ts
 * defaultLogger.warn("The credentials file is group-readable");
 * ```
 * @internal
 */
export const defaultLogger: CredentialsLogger = {
  warn: (message) => process.emitWarning(message, { code: "CIBATCH_CREDENTIALS" }),
};
