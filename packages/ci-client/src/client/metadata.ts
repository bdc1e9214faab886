import type { CiError } from "../errors/ci-error.js";

/**
 * What every operation result carries about the HTTP exchange behind it, as `$metadata`.
 *
 * @example
 * ```ts
 * import { CiClient } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const job = await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
 * console.log(job.$metadata.requestId, job.$metadata.status, job.$metadata.attempts);
 * ```
 * @public
 */
export interface ResponseMetadata {
  /** `x-ci-request-id` of the response that produced the result (quote it to support). */
  readonly requestId?: string | undefined;
  /** The HTTP status of that response. */
  readonly status: number;
  /** How many attempts the call needed. */
  readonly attempts: number;
  /**
   * `createJob` only: `true` when the create failed ambiguously and the job was then found by
   * listing (reliability §2.2); `reconciledAfter` is the failure that made it ambiguous.
   */
  readonly reconciled?: boolean | undefined;
  /** `createJob` only: the ambiguous failure that reconciliation settled. */
  readonly reconciledAfter?: CiError | undefined;
}

/**
 * A result with its {@link ResponseMetadata}. On job objects (`describeJob`, `createJob`,
 * `waitForJob`) `$metadata` is non-enumerable, so the job serialises as the plain `JobsDetail`.
 *
 * @example
 * ```ts
 * import type { JobsDetail } from "@cibatch/xml-model";
 * import type { WithMetadata } from "@cibatch/ci-client";
 *
 * function requestIdOf(job: JobsDetail & WithMetadata): string | undefined {
 *   return job.$metadata.requestId;
 * }
 * ```
 * @public
 */
export interface WithMetadata {
  /** The HTTP exchange behind the result. */
  readonly $metadata: ResponseMetadata;
}

/**
 * Attaches `$metadata` to a value as a non-enumerable property.
 *
 * @param value - The object (a decoded job).
 * @param metadata - The metadata.
 * @returns The same object, typed with its metadata.
 *
 * @example
 * ```ts
 * import { withMetadata } from "./metadata.js";
 *
 * const job = withMetadata({ JobId: "b1" }, { status: 200, attempts: 1 });
 * JSON.stringify(job); // '{"JobId":"b1"}'
 * ```
 * @internal
 */
export function withMetadata<T extends object>(value: T, metadata: ResponseMetadata): T & WithMetadata {
  Object.defineProperty(value, "$metadata", { value: Object.freeze({ ...metadata }), enumerable: false });
  return value as T & WithMetadata;
}
