import type { JobState } from "./job-state.js";
import type { TransitionMode } from "./transition.js";

/**
 * A job's `Input` node, as decoded from the create request and echoed in `JobsDetail`.
 *
 * @example
 * ```ts
 * import type { JobInputValue } from "@cibatch/testing-fakes";
 * const input: JobInputValue = { Prefix: "input" };
 * ```
 */
export type JobInputValue = Readonly<Record<string, unknown>>;

/**
 * A job's `Operation` node, as decoded from the create request and echoed in `JobsDetail`.
 *
 * @example
 * ```ts
 * import type { JobOperationValue } from "@cibatch/testing-fakes";
 * const operation: JobOperationValue = { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" };
 * ```
 */
export type JobOperationValue = Readonly<Record<string, unknown>>;

/**
 * How a job ends when it finishes on its own: `Success`, or `Failed` with a `Code` and `Message`.
 *
 * @example
 * ```ts
 * import type { JobOutcome } from "@cibatch/testing-fakes";
 * const outcome: JobOutcome = { state: "Failed", code: "ResourceNotFound", message: "input missing" };
 * ```
 */
export interface JobOutcome {
  /** The final state. */
  readonly state: "Success" | "Failed";
  /** `Code` of the job (a failed job defaults to `InternalError`). */
  readonly code?: string;
  /** `Message` of the job. */
  readonly message?: string;
}

/**
 * The fake-wide outcome rule: a fixed final state, or a function of the job (e.g. by name pattern).
 *
 * @example
 * ```ts
 * import type { OutcomeRule } from "@cibatch/testing-fakes";
 * const rule: OutcomeRule = (job) => (job.name.startsWith("fail") ? { state: "Failed" } : { state: "Success" });
 * ```
 */
export type OutcomeRule = "Success" | "Failed" | ((job: FakeJobView) => JobOutcome);

/**
 * A read-only snapshot of one job, as the fake holds it. Times are epoch milliseconds; `undefined` means the
 * service would print `-`.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * const job = fake.jobs.seed({ Name: "demo", Type: "Workflow", Input: { Prefix: "in/" }, Operation: { WorkflowIds: "w1" } });
 * console.log(job.state); // "Submitted"
 * ```
 */
export interface FakeJobView {
  /** The bucket (`<BucketName-APPID>`) whose namespace holds the job. */
  readonly bucket: string;
  /** The job id, `b` + 32 hex. */
  readonly jobId: string;
  /** `Name` of the create request. */
  readonly name: string;
  /** `Workflow`, `Job`, or `undefined` for a legacy request without `Type`. */
  readonly type: string | undefined;
  /** The current state. */
  readonly state: JobState;
  /** `Code` (`Success` unless the job failed). */
  readonly code: string;
  /** `Message` (`""` unless the job failed). */
  readonly message: string;
  /** `CreationTime`, epoch ms. */
  readonly creationTime: number;
  /** `StartTime` (entering `Running`), epoch ms; `undefined` until then. */
  readonly startTime: number | undefined;
  /** `EndTime` (a final state), epoch ms; `undefined` until then. */
  readonly endTime: number | undefined;
  /** `Input`, as received. */
  readonly input: JobInputValue;
  /** `Operation`, as received (echoed in every answer). */
  readonly operation: JobOperationValue;
  /** How many describe calls have named this job. */
  readonly describes: number;
}

/**
 * What {@link FakeJobs.seed} accepts: a job in any state, with any times, under the wire's names (as in a
 * `JobsDetail` element). Times are epoch ms, a CI time string (`2022-06-27T15:23:10+0800`) or `"-"`/`undefined`
 * for "not set". The fake's own settings (`bucket`, `transition`, `outcome`) keep camelCase.
 *
 * @example
 * ```ts
 * import type { SeedJob } from "@cibatch/testing-fakes";
 * const job: SeedJob = {
 *   JobId: "b3deffea2f84911ec9cb15254008618d9",
 *   Name: "demo",
 *   Type: "Workflow",
 *   State: "Running",
 *   CreationTime: "2022-06-27T15:23:10+0800",
 *   Input: { Prefix: "input" },
 *   Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * };
 * ```
 */
export interface SeedJob {
  /** Bucket namespace (default: the fake's default bucket). */
  readonly bucket?: string;
  /** Default: a fresh id from the fake's generator. */
  readonly JobId?: string;
  /** `Name` of the job. */
  readonly Name: string;
  /** `Workflow` or `Job`; absent for a legacy workflow job. */
  readonly Type?: string;
  /** Default `Submitted`. */
  readonly State?: JobState;
  /** Default `Success` (as the samples show for every non-failed job). */
  readonly Code?: string;
  /** Default empty. */
  readonly Message?: string;
  /** Default: the fake clock's now. */
  readonly CreationTime?: number | string;
  /** Epoch ms or an API time; default: set when the state needs it. */
  readonly StartTime?: number | string;
  /** Epoch ms or an API time; default: set when the state needs it. */
  readonly EndTime?: number | string;
  /** `Input` of the job. */
  readonly Input: JobInputValue;
  /** `Operation` of the job (`TimeInterval` times may be API time strings or epoch ms). */
  readonly Operation: JobOperationValue;
  /** Per-job override of the fake's transition mode (e.g. `manual` to pin a demo job). */
  readonly transition?: TransitionMode;
  /** Per-job override of the fake's outcome rule. */
  readonly outcome?: JobOutcome;
}
