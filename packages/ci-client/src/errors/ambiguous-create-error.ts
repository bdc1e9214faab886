import type { JobsDetail } from "@cibatch/xml-model";
import { CiError, isCiError } from "./ci-error.js";
import { redactCause } from "./redact.js";

/**
 * Why a create ended ambiguous: `NO_MATCH` (reconciliation listed the jobs several times and found
 * none), `SEVERAL_MATCHES` (more than one job matches; see `candidates`), `LIST_FAILED` (the list
 * calls failed; see `cause`), `ABORTED` (the caller stopped the call after the request was sent).
 * @public
 */
export type AmbiguousCreateReason = "NO_MATCH" | "SEVERAL_MATCHES" | "LIST_FAILED" | "ABORTED";

/**
 * Options of the {@link AmbiguousCreateError} constructor; each field is documented on the class.
 * @public
 */
export interface AmbiguousCreateErrorOptions {
  readonly jobName: string;
  readonly jobType?: string | undefined;
  readonly sentAt: Date;
  readonly reason: AmbiguousCreateReason;
  readonly requestId?: string | undefined;
  readonly attempts: number;
  readonly candidates: readonly JobsDetail[];
  readonly bucket?: string | undefined;
  readonly region?: string | undefined;
  readonly cause?: unknown;
}

const REASONS: Readonly<Record<AmbiguousCreateReason, string>> = {
  NO_MATCH: "no matching job was listed yet",
  SEVERAL_MATCHES: "several jobs match the request",
  LIST_FAILED: "listing the jobs to check failed",
  ABORTED: "the call was aborted after the request was sent",
};

/** Quotes a value for a POSIX shell. */
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * A create request failed in a way that leaves its outcome unknown (a 5xx, a timeout or a broken
 * connection after sending, a malformed success body), and reconciliation could not settle it:
 * the batch job **may** exist. Creates are never resent blindly, because a second batch job over
 * the same objects is expensive. The message shows the `cibatch jobs list` command to check;
 * `candidates` holds the jobs that might be this one. Never retryable; the CLI exits with 10.
 *
 * The job's name and type are `jobName` and `jobType` (`name` is the error class name).
 * @public
 */
export class AmbiguousCreateError extends CiError {
  override readonly name = "AmbiguousCreateError" as const;
  /** Always `AMBIGUOUS_CREATE`. */
  override readonly code = "AMBIGUOUS_CREATE" as const;
  /** Never retryable: check with a list first. */
  readonly retryable = false as const;
  /** The job's `Name`. */
  readonly jobName: string;
  /** The job's `Type`, if it was given. */
  declare readonly jobType?: string;
  /** When the create was sent. */
  readonly sentAt: Date;
  /** Why the outcome is unknown. */
  readonly reason: AmbiguousCreateReason;
  /** How many create attempts were made. */
  readonly attempts: number;
  /** Jobs that might be this one. */
  readonly candidates: readonly JobsDetail[];
  /** The request id of the last response, if any. */
  declare readonly requestId?: string;
  /** The bucket, if known. */
  declare readonly bucket?: string;
  /** The region, if known. */
  declare readonly region?: string;

  /**
   * @param options - The job, when it was sent, why it is ambiguous, and the candidates.
   */
  constructor(options: AmbiguousCreateErrorOptions) {
    const since = new Date(options.sentAt.getTime() - 60_000);
    const command = [
      "cibatch jobs list",
      `--name ${shellQuote(options.jobName)}`,
      `--type ${(options.jobType ?? "Workflow").toLowerCase()}`,
      Number.isNaN(since.getTime()) ? "" : `--since ${since.toISOString()}`,
      options.bucket === undefined ? "" : `--bucket ${shellQuote(options.bucket)}`,
      options.region === undefined ? "" : `--region ${shellQuote(options.region)}`,
    ]
      .filter(Boolean)
      .join(" ");
    const count = options.candidates.length;
    const message =
      `Creating job "${options.jobName}" may or may not have succeeded: the job MAY exist ` +
      `(${REASONS[options.reason]}${count > 0 ? `; ${count} candidate${count === 1 ? "" : "s"}` : ""}` +
      `${options.requestId === undefined ? "" : `; request id ${options.requestId}`}). ` +
      `Do not simply retry, which could start a second batch job. Check with: ${command}`;
    super(message, {
      code: "AMBIGUOUS_CREATE",
      category: "ambiguous-create",
      ...("cause" in options && { cause: redactCause(options.cause) }),
    });
    this.jobName = options.jobName;
    this.sentAt = new Date(options.sentAt.getTime());
    this.reason = options.reason;
    this.attempts = options.attempts;
    this.candidates = Object.freeze([...options.candidates]);
    if (options.jobType !== undefined) this.jobType = options.jobType;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.bucket !== undefined) this.bucket = options.bucket;
    if (options.region !== undefined) this.region = options.region;
  }
}

/**
 * Whether `value` is an {@link AmbiguousCreateError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"AmbiguousCreateError"`.
 * @public
 */
export function isAmbiguousCreateError(value: unknown): value is AmbiguousCreateError {
  return isCiError(value) && value.name === "AmbiguousCreateError";
}
