import type { CiError } from "../errors/ci-error.js";

/**
 * Thrown by the transport instead of the failure when a create failed in a way that may have
 * created the job (reliability §2.1): the caller must reconcile, never resend.
 *
 * @example
 * ```ts
 * import { CiError } from "../errors/ci-error.js";
 * import { ReconcileRequired } from "./call-outcome.js";
 *
 * const signal = new ReconcileRequired(new CiError("boom", { code: "X" }), 1, undefined);
 * ```
 * @internal
 */
export class ReconcileRequired extends Error {
  override readonly name = "ReconcileRequired" as const;
  /** The failure that made the outcome unknown. */
  readonly failure: CiError;
  /** Attempts made. */
  readonly attempts: number;
  /** The request id of the last response, if any. */
  readonly requestId: string | undefined;

  /**
   * @param failure - The failure.
   * @param attempts - Attempts made.
   * @param requestId - The last response's request id.
   */
  constructor(failure: CiError, attempts: number, requestId: string | undefined) {
    super(`reconcile after: ${failure.message}`, { cause: failure });
    this.failure = failure;
    this.attempts = attempts;
    this.requestId = requestId;
  }
}

/**
 * Thrown by the transport when a retried cancel was refused after an earlier attempt may have
 * reached the server (reliability §1.1 note): the caller describes the job to see whether it is
 * cancelled.
 *
 * @example
 * ```ts
 * import { CiError } from "../errors/ci-error.js";
 * import { VerifyCancelRequired } from "./call-outcome.js";
 *
 * const signal = new VerifyCancelRequired(new CiError("refused", { code: "InvalidArgument" }), 2);
 * ```
 * @internal
 */
export class VerifyCancelRequired extends Error {
  override readonly name = "VerifyCancelRequired" as const;
  /** The refusal. */
  readonly failure: CiError;
  /** Attempts made. */
  readonly attempts: number;

  /**
   * @param failure - The refusal.
   * @param attempts - Attempts made.
   */
  constructor(failure: CiError, attempts: number) {
    super(`verify cancel after: ${failure.message}`, { cause: failure });
    this.failure = failure;
    this.attempts = attempts;
  }
}
