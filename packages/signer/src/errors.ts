/**
 * Machine-readable reason of a {@link SignerError}.
 *
 * - `InvalidCredentials`: `secretId` or `secretKey` missing, empty or not a string.
 * - `InvalidKeyTime`: a KeyTime that is not `<start>;<end>` in integer Unix seconds, or whose end is before its start.
 * - `InvalidOption`: another option has a wrong type or value (`expiresIn`, `now`, `maxSkewSeconds`, ...).
 * - `InvalidMethod`: an empty method or one that is not an HTTP token.
 * - `InvalidUrl`: a relative or unparsable URL, or a path with a malformed percent-escape.
 * - `InvalidQuery`: a malformed percent-escape, a raw `+` or a signature parameter in the query.
 * - `InvalidHeader`: an empty or invalid header name, a CR or LF in a header value.
 * - `DuplicateHeader`: two headers whose names differ only in case, with different values.
 * - `DuplicateParam`: a query parameter given twice, or two keys equal after lower-casing.
 * - `MissingSignedHeader` / `MissingSignedParam`: `headersToSign` / `paramsToSign` names something the request lacks.
 * - `InvalidAuthorization`: {@link parseAuthorization} was given a malformed `Authorization` value.
 * - `CryptoUnavailable`: no Web Crypto (`globalThis.crypto.subtle`) in this runtime.
 *
 * @public
 * @example
 * ```ts
 * import { isSignerError, type SignerErrorCode } from "@cibatch/signer";
 *
 * function describe(error: unknown): SignerErrorCode | "other" {
 *   return isSignerError(error) ? error.code : "other";
 * }
 * ```
 */
export type SignerErrorCode =
  | "InvalidCredentials"
  | "InvalidKeyTime"
  | "InvalidOption"
  | "InvalidMethod"
  | "InvalidUrl"
  | "InvalidQuery"
  | "InvalidHeader"
  | "DuplicateHeader"
  | "DuplicateParam"
  | "MissingSignedHeader"
  | "MissingSignedParam"
  | "InvalidAuthorization"
  | "CryptoUnavailable";

/**
 * The one error class of `@cibatch/signer`: bad input to a signing or parsing function.
 *
 * The message says what was wrong and what to do. It never contains a secret key, a session
 * token, a signature or a header value: only names, positions and shapes.
 *
 * @public
 * @example
 * ```ts
 * import { SignerError, signRequest } from "@cibatch/signer";
 *
 * try {
 *   await signRequest({
 *     method: "GET",
 *     url: "/inventorytriggerjob",
 *     credentials: { secretId: "AKID...", secretKey: "..." },
 *   });
 * } catch (error) {
 *   if (error instanceof SignerError) console.error(error.code, error.message); // InvalidUrl ...
 * }
 * ```
 */
export class SignerError extends Error {
  /** Always `"SignerError"`. */
  override readonly name = "SignerError" as const;
  /** What was wrong, for programs. */
  readonly code: SignerErrorCode;

  /**
   * @param code - the machine-readable reason
   * @param message - what was wrong and what to do; must not contain secrets
   * @param options - `cause`: the underlying error, if any
   */
  constructor(code: SignerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * Whether `value` is a {@link SignerError}, also across realms or duplicate copies of the package
 * (it checks `name` and `code`, not the prototype).
 *
 * @public
 * @example
 * ```ts
 * import { isSignerError, parseAuthorization } from "@cibatch/signer";
 *
 * try {
 *   parseAuthorization("Bearer abc");
 * } catch (error) {
 *   if (isSignerError(error) && error.code === "InvalidAuthorization") console.log("not a q-sign header");
 * }
 * ```
 */
export function isSignerError(value: unknown): value is SignerError {
  return (
    value instanceof SignerError ||
    (value instanceof Error && value.name === "SignerError" && typeof (value as { code?: unknown }).code === "string")
  );
}
