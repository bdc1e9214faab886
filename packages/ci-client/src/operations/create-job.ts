import {
  type CreateJobRequest,
  decodeCreateJobResponse,
  encodeCreateJobRequest,
  type JobsDetail,
  validateCreateJobRequest,
} from "@cibatch/xml-model";
import type { ClientCore } from "../client/client-core.js";
import { type WithMetadata, withMetadata } from "../client/metadata.js";
import type { CallOptions } from "../client/options.js";
import { createJobTarget } from "../endpoint/request-target.js";
import { AmbiguousCreateError } from "../errors/ambiguous-create-error.js";
import { isCiAbortError } from "../errors/ci-abort-error.js";
import { isCiTimeoutError } from "../errors/ci-timeout-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { ReconcileRequired } from "../transport/call-outcome.js";
import { withNameNonce } from "./name-nonce.js";
import { reconcileCreate } from "./reconcile-create.js";

/** Cap on a create response body (reliability §5.4). */
const CREATE_MAX_BYTES = 1024 * 1024;

/**
 * Options of {@link CiClient.createJob}.
 *
 * @example
 * ```ts
 * import { CiClient, type CreateJobOptions } from "@cibatch/ci-client";
 *
 * const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing" });
 * const options: CreateJobOptions = { idempotencyNonce: true };
 * await client.createJob(
 *   { Name: "nightly", Type: "Workflow", Input: { Prefix: "in/" }, Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" } },
 *   options,
 * );
 * ```
 * @public
 */
export interface CreateJobOptions extends CallOptions {
  /**
   * Append `_` + 8 random lowercase base32 characters to `Name` (reliability §2.3), so that
   * reconciliation after an ambiguous failure cannot mistake an older job of the same name for
   * this one. Changes the visible name.
   *
   * @defaultValue false
   */
  readonly idempotencyNonce?: boolean | undefined;
}

/**
 * `POST /inventorytriggerjob`, both variants. Validates the request first (nothing is sent when it
 * is invalid). Resent only when the service certainly did not act; after an ambiguous failure the
 * job is looked for by listing, and returned with `$metadata.reconciled: true`, or an
 * `AmbiguousCreateError` is thrown.
 *
 * @param core - The client.
 * @param input - The create request.
 * @param options - Signal and name nonce.
 * @returns The created job.
 *
 * @example
 * ```ts
 * import { createJobCall } from "./create-job.js";
 *
 * declare const core: import("../client/client-core.js").ClientCore;
 * const job = await createJobCall(core, { Name: "demo", Input: { Prefix: "in/" }, Operation: { WorkflowIds: "w1" } }, {});
 * ```
 * @internal
 */
export async function createJobCall(
  core: ClientCore,
  input: CreateJobRequest,
  options: CreateJobOptions,
): Promise<JobsDetail & WithMetadata> {
  const request: CreateJobRequest =
    options.idempotencyNonce === true && typeof input?.Name === "string"
      ? { ...input, Name: withNameNonce(input.Name, core.random) }
      : input;
  const problems = validateCreateJobRequest(request);
  if (problems.length > 0) throw new ValidationError({ problems });
  const body = encodeCreateJobRequest(request);
  const target = createJobTarget();
  const scope = core.scope(options.signal);
  const sentAt = core.skew.signingTime();
  try {
    return await sendCreate();
  } finally {
    scope.close?.();
  }

  async function sendCreate(): Promise<JobsDetail & WithMetadata> {
    try {
      const result = await core.transport.send(
        {
          operation: "create",
          method: target.method,
          path: target.path,
          search: target.search,
          body,
          retry: target.retry,
          maxBodyBytes: CREATE_MAX_BYTES,
          expectBody: true,
          decode: (text) => decodeCreateJobResponse(text, { maxBytes: CREATE_MAX_BYTES }).JobsDetail,
        },
        scope,
      );
      return withMetadata(result.value, {
        requestId: result.requestId,
        status: result.status,
        attempts: result.attempts,
        reconciled: false,
      });
    } catch (error) {
      if (error instanceof ReconcileRequired) {
        const job = await reconcileCreate(
          core,
          { request, sentAt, attempts: error.attempts, requestId: error.requestId, failure: error.failure },
          scope,
        );
        return withMetadata(job, {
          requestId: error.requestId,
          status: 200,
          attempts: error.attempts,
          reconciled: true,
          reconciledAfter: error.failure,
        });
      }
      const abortedAfterSend =
        (isCiAbortError(error) && error.sent) || (isCiTimeoutError(error) && error.timeout === "total" && error.sent);
      if (abortedAfterSend) {
        throw new AmbiguousCreateError({
          jobName: request.Name,
          jobType: request.Type ?? "Workflow",
          sentAt: new Date(sentAt),
          reason: "ABORTED",
          attempts: error.attempts,
          candidates: [],
          bucket: core.endpoint.bucket,
          region: core.endpoint.region,
          cause: error,
        });
      }
      throw error;
    }
  }
}
