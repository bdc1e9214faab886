import { CiError, isCiError } from "./ci-error.js";

/**
 * The caller aborted the call through its `signal`. `cause` is the signal's
 * reason. `sent` says whether a request may already have reached the server; for a create that
 * makes the outcome ambiguous, so `createJob` throws an `AmbiguousCreateError` (reason `ABORTED`)
 * instead, with this error as its `cause`.
 * @public
 */
export class CiAbortError extends CiError {
  override readonly name = "AbortError" as const;
  /** Always `ABORTED`. */
  override readonly code = "ABORTED" as const;
  /** Never retryable: the caller asked to stop. */
  readonly retryable = false as const;
  /** Whether a request may have reached the server before the abort. */
  readonly sent: boolean;
  /** How many attempts were started. */
  readonly attempts: number;

  /**
   * @param options - The abort reason (`cause`), whether a request was sent, and the attempts made.
   */
  constructor(options: { readonly cause: unknown; readonly sent: boolean; readonly attempts: number }) {
    super(
      `The call was aborted by its signal${options.sent ? " after a request was sent" : " before anything was sent"}. ` +
        "See `cause` for the reason.",
      { code: "ABORTED", category: "aborted", cause: options.cause },
    );
    this.sent = options.sent;
    this.attempts = options.attempts;
  }
}

/**
 * Whether `value` is a {@link CiAbortError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` with code `ABORTED`.
 * @public
 */
export function isCiAbortError(value: unknown): value is CiAbortError {
  return isCiError(value) && value.name === "AbortError" && value.code === "ABORTED";
}
