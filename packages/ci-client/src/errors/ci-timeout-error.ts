import type { JobsDetail } from "@cibatch/xml-model";
import { CiError, isCiError } from "./ci-error.js";
import { describeRequest, type FailedRequest, type RequestSummary, redactCause, summarizeRequest } from "./redact.js";

/**
 * Which timeout expired: `connect` (TCP + TLS setup), `attempt` (one attempt, body included),
 * `total` (the call's deadline), `wait` (`waitForJob`'s timeout).
 * @public
 */
export type TimeoutKind = "connect" | "attempt" | "total" | "wait";

/** The `code` of a {@link CiTimeoutError}, one per {@link TimeoutKind}. @public */
export type CiTimeoutErrorCode = "CONNECT_TIMEOUT" | "ATTEMPT_TIMEOUT" | "TOTAL_TIMEOUT" | "WAIT_TIMEOUT";

/**
 * Options of the {@link CiTimeoutError} constructor; each field is documented on the class.
 * @public
 */
export interface CiTimeoutErrorOptions {
  readonly timeout: TimeoutKind;
  readonly ms: number;
  readonly sent?: boolean | undefined;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly request?: FailedRequest | undefined;
  readonly lastJob?: JobsDetail | undefined;
  readonly cause?: unknown;
}

const CODES: Readonly<Record<TimeoutKind, CiTimeoutErrorCode>> = {
  connect: "CONNECT_TIMEOUT",
  attempt: "ATTEMPT_TIMEOUT",
  total: "TOTAL_TIMEOUT",
  wait: "WAIT_TIMEOUT",
};

const SETTINGS: Readonly<Record<TimeoutKind, string>> = {
  connect: "connectTimeoutMs (CLI --cli-connect-timeout)",
  attempt: "attemptTimeoutMs (CLI --cli-read-timeout)",
  total: "deadlineMs (CLI --cli-total-timeout)",
  wait: "waitForJob's timeout (CLI --timeout)",
};

/**
 * A timeout expired. `timeout` says which one and `ms` how long it was; `sent` says whether the
 * request may have reached the server. The message names the option that sets it.
 * @public
 */
export class CiTimeoutError extends CiError {
  override readonly name = "CiTimeoutError" as const;
  /** `CONNECT_TIMEOUT`, `ATTEMPT_TIMEOUT` or `TOTAL_TIMEOUT`. */
  override readonly code: CiTimeoutErrorCode;
  /** Which timeout expired. */
  readonly timeout: TimeoutKind;
  /** The timeout's length in milliseconds. */
  readonly ms: number;
  /** Whether the request may have reached the server. */
  readonly sent: boolean;
  /** Whether trying again later could succeed. */
  readonly retryable: boolean;
  /** How many attempts were made. */
  readonly attempts: number;
  /** For `wait`: the job as the last successful poll saw it. */
  declare readonly lastJob?: JobsDetail;
  /** The request, redacted. */
  declare readonly request?: RequestSummary;

  /**
   * @param options - Which timeout, its length and context.
   */
  constructor(options: CiTimeoutErrorOptions) {
    const code = CODES[options.timeout];
    const request = options.request === undefined ? undefined : summarizeRequest(options.request);
    const sent = options.sent ?? options.timeout !== "connect";
    const last = options.lastJob;
    const message =
      options.timeout === "wait"
        ? `The wait timeout of ${options.ms} ms expired after ${options.attempts} poll${options.attempts === 1 ? "" : "s"}` +
          `${last ? `; job ${last.JobId} was last seen in state ${last.State}` : ""}. ` +
          `Raise ${SETTINGS.wait} (0 waits for ever), or check the job later.`
        : `The ${options.timeout} timeout of ${options.ms} ms expired${describeRequest(request)} ` +
          `after ${options.attempts} attempt${options.attempts === 1 ? "" : "s"}` +
          `${sent ? "; the request may have reached the server" : "; the request was not sent"}. ` +
          `Check the network, or raise ${SETTINGS[options.timeout]} (0 disables it).`;
    super(message, { code, category: "timeout", ...("cause" in options && { cause: redactCause(options.cause) }) });
    this.code = code;
    this.timeout = options.timeout;
    this.ms = options.ms;
    this.sent = sent;
    this.retryable = options.retryable;
    this.attempts = options.attempts;
    if (request !== undefined) this.request = request;
    if (options.lastJob !== undefined) this.lastJob = options.lastJob;
  }
}

/**
 * Whether `value` is a {@link CiTimeoutError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"CiTimeoutError"`.
 * @public
 */
export function isCiTimeoutError(value: unknown): value is CiTimeoutError {
  return isCiError(value) && value.name === "CiTimeoutError";
}
