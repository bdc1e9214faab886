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
  readonly state: "Success" | "Failed";
  readonly code?: string;
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
 * const job = fake.jobs.seed({ name: "demo", type: "Workflow", input: { Prefix: "in/" }, operation: { WorkflowIds: "w1" } });
 * console.log(job.state); // "Submitted"
 * ```
 */
export interface FakeJobView {
  /** The bucket (`<BucketName-APPID>`) whose namespace holds the job. */
  readonly bucket: string;
  readonly jobId: string;
  readonly name: string;
  /** `Workflow`, `Job`, or `undefined` for a legacy request without `Type`. */
  readonly type: string | undefined;
  readonly state: JobState;
  readonly code: string;
  readonly message: string;
  readonly creationTime: number;
  readonly startTime: number | undefined;
  readonly endTime: number | undefined;
  readonly input: JobInputValue;
  readonly operation: JobOperationValue;
  /** How many describe calls have named this job. */
  readonly describes: number;
}

/**
 * What {@link FakeJobs.seed} accepts: a job in any state, with any times. Times are epoch ms, a CI time string
 * (`2022-06-27T15:23:10+0800`) or `"-"`/`undefined` for "not set".
 *
 * @example
 * ```ts
 * import type { SeedJob } from "@cibatch/testing-fakes";
 * const job: SeedJob = {
 *   jobId: "b3deffea2f84911ec9cb15254008618d9",
 *   name: "demo",
 *   type: "Workflow",
 *   state: "Running",
 *   creationTime: "2022-06-27T15:23:10+0800",
 *   input: { Prefix: "input" },
 *   operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
 * };
 * ```
 */
export interface SeedJob {
  /** Bucket namespace (default: the fake's default bucket). */
  readonly bucket?: string;
  /** Default: a fresh id from the fake's generator. */
  readonly jobId?: string;
  readonly name: string;
  readonly type?: string;
  /** Default `Submitted`. */
  readonly state?: JobState;
  /** Default `Success` (as the samples show for every non-failed job). */
  readonly code?: string;
  /** Default empty. */
  readonly message?: string;
  /** Default: the fake clock's now. */
  readonly creationTime?: number | string;
  readonly startTime?: number | string;
  readonly endTime?: number | string;
  readonly input: JobInputValue;
  readonly operation: JobOperationValue;
  /** Per-job override of the fake's transition mode (e.g. `manual` to pin a demo job). */
  readonly transition?: TransitionMode;
  /** Per-job override of the fake's outcome rule. */
  readonly outcome?: JobOutcome;
}
