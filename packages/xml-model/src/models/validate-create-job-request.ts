import type { CreateJobRequest } from "./create-job-request.js";

/**
 * One problem found by {@link validateCreateJobRequest}.
 *
 * @public
 * @example
 * ```ts
 * import type { ValidationProblem } from "@cibatch/xml-model";
 *
 * const problem: ValidationProblem = { path: "Request.Name", message: "Name must not be empty" };
 * ```
 */
export interface ValidationProblem {
  /** The element path, e.g. `Request.Operation.Output.Object`. */
  readonly path: string;
  /** What is wrong and what the API expects. */
  readonly message: string;
}

/**
 * Options of {@link validateCreateJobRequest}.
 *
 * @public
 * @example
 * ```ts
 * import type { ValidateCreateJobRequestOptions } from "@cibatch/xml-model";
 *
 * const options: ValidateCreateJobRequestOptions = { inputRule: "exactly-one" };
 * ```
 */
export interface ValidateCreateJobRequestOptions {
  /**
   * How many of `Manifest`, `UrlFile`, `Prefix`, `Object` must be set. The docs do not say whether they
   * exclude each other (api.md §12.6); none is always a problem.
   *
   * @defaultValue "at-least-one"
   */
  readonly inputRule?: "at-least-one" | "exactly-one";
}

/**
 * Longest job name (api.md §3.1): 128 characters.
 *
 * @public
 * @example
 * ```ts
 * import { MAX_JOB_NAME_LENGTH } from "@cibatch/xml-model";
 *
 * const name = "nightly-transcode".slice(0, MAX_JOB_NAME_LENGTH);
 * ```
 */
export const MAX_JOB_NAME_LENGTH = 128;

// zh doc: Chinese, letters, digits, "—" and "_"; en doc: letters, digits, hyphens, underscores.
const NAME_CHARSET = /^[\p{Script=Han}A-Za-z0-9_\-—]+$/u;

/** Tags whose jobs write no output object, so `Output` may be omitted (api.md §3.1). */
const NO_OUTPUT_TAGS: ReadonlySet<string> = new Set([
  "VideoTag",
  "ExtractDigitalWatermark",
  "MediaInfo",
  "QualityEstimate",
]);

/** Tags whose `Output` needs no `Object` (they use `SpriteObject`, `AuObject` or `StreamExtract`). */
const NO_OUTPUT_OBJECT_TAGS: ReadonlySet<string> = new Set([
  "Snapshot",
  "VoiceSeparate",
  "VoiceSpearte",
  "StreamExtract",
]);

const INPUT_SOURCES = ["Manifest", "UrlFile", "Prefix", "Object"] as const;

/**
 * Checks a create request against the rules of api.md §3 and returns **every** problem at once, each with
 * its element path (an empty array means valid):
 *
 * - `Name`: not empty, at most 128 characters, only Chinese characters, letters, digits, `-`, `—` and `_`;
 * - `Type`: `Workflow`, `Job` or absent;
 * - `Input`: at least one (or, with `inputRule: "exactly-one"`, exactly one) of `Manifest`, `UrlFile`,
 *   `Prefix`, `Object`;
 * - Workflow: `WorkflowIds` not empty;
 * - Job: `Tag` and `JobParam` present; `Output` unless the tag is `VideoTag`, `ExtractDigitalWatermark`,
 *   `MediaInfo` or `QualityEstimate`; `Output.Region`/`Bucket` not empty; `Output.Object` unless the tag is
 *   `Snapshot`, `VoiceSeparate` or `StreamExtract`; `Output.StreamExtract` for `StreamExtract`;
 *   `JobLevel` 0, 1 or 2; `CallBackMqConfig` when `CallBackType` is `TDMQ`;
 * - `TimeInterval`: valid dates, `Start` not after `End`.
 *
 * Unknown tags are accepted (the server decides, api.md §3.3).
 *
 * @public
 * @example
 * ```ts
 * import { validateCreateJobRequest } from "@cibatch/xml-model";
 *
 * const problems = validateCreateJobRequest({
 *   Name: "",
 *   Type: "Job",
 *   Input: {},
 *   Operation: { Tag: "Transcode", JobParam: {}, JobLevel: 5 },
 * });
 * // [{ path: "Request.Name", ... }, { path: "Request.Input", ... }, { path: "Request.Operation.JobLevel", ... },
 * //  { path: "Request.Operation.Output", ... }]
 * ```
 */
export function validateCreateJobRequest(
  request: CreateJobRequest,
  options?: ValidateCreateJobRequestOptions,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path: `Request${path === "" ? "" : `.${path}`}`, message });
  };
  // The value may come from JavaScript or from a lenient source: read it defensively.
  const value = request as unknown as Record<string, unknown>;
  if (typeof value !== "object" || value === null) {
    report("", "a create request must be an object");
    return problems;
  }
  checkName(value.Name, report);
  const type = value.Type;
  if (type !== undefined && type !== "Workflow" && type !== "Job") {
    report("Type", `Type must be "Workflow" or "Job" (or absent for Workflow), not ${JSON.stringify(type)}`);
  }
  checkInput(value.Input, options?.inputRule ?? "at-least-one", report);
  const operation = value.Operation;
  if (typeof operation !== "object" || operation === null) {
    report("Operation", "Operation is required");
    return problems;
  }
  const op = operation as Record<string, unknown>;
  checkTimeInterval(op.TimeInterval, report);
  if (type === "Job") checkNodeOperation(op, report);
  else if (type === undefined || type === "Workflow") {
    if (!nonEmpty(op.WorkflowIds)) report("Operation.WorkflowIds", "WorkflowIds is required for a Workflow job");
  }
  return problems;
}

type Report = (path: string, message: string) => void;

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function checkName(name: unknown, report: Report): void {
  if (!nonEmpty(name)) {
    report("Name", "Name is required and must not be empty");
    return;
  }
  const length = [...name].length;
  if (length > MAX_JOB_NAME_LENGTH) {
    report("Name", `Name must be at most ${MAX_JOB_NAME_LENGTH} characters, not ${length}`);
  }
  if (!NAME_CHARSET.test(name)) {
    report("Name", "Name may contain only Chinese characters, letters, digits, '-', '—' and '_'");
  }
}

function checkInput(input: unknown, rule: "at-least-one" | "exactly-one", report: Report): void {
  if (typeof input !== "object" || input === null) {
    report("Input", "Input is required");
    return;
  }
  const record = input as Record<string, unknown>;
  const set = INPUT_SOURCES.filter((source) => nonEmpty(record[source]));
  if (set.length === 0) {
    report("Input", `Input needs one of ${INPUT_SOURCES.join(", ")}`);
  } else if (rule === "exactly-one" && set.length > 1) {
    report("Input", `Input must have exactly one of ${INPUT_SOURCES.join(", ")}, not ${set.join(" and ")}`);
  }
}

function checkTimeInterval(interval: unknown, report: Report): void {
  if (interval === undefined) return;
  if (typeof interval !== "object" || interval === null) {
    report("Operation.TimeInterval", "TimeInterval must be an object with optional Start and End dates");
    return;
  }
  const { Start: start, End: end } = interval as Record<string, unknown>;
  const valid = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());
  if (start !== undefined && !valid(start)) report("Operation.TimeInterval.Start", "Start must be a valid Date");
  if (end !== undefined && !valid(end)) report("Operation.TimeInterval.End", "End must be a valid Date");
  if (valid(start) && valid(end) && start.getTime() > end.getTime()) {
    report("Operation.TimeInterval", "Start must not be after End");
  }
}

function checkNodeOperation(op: Record<string, unknown>, report: Report): void {
  const tag = op.Tag;
  if (!nonEmpty(tag)) report("Operation.Tag", "Tag is required for a Job (independent node) job");
  if (typeof op.JobParam !== "object" || op.JobParam === null) {
    report("Operation.JobParam", "JobParam is required for a Job (independent node) job");
  }
  const level = op.JobLevel;
  if (level !== undefined && level !== 0 && level !== 1 && level !== 2) {
    report("Operation.JobLevel", `JobLevel must be 0, 1 or 2, not ${JSON.stringify(level)}`);
  }
  if (op.CallBackType === "TDMQ" && op.CallBackMqConfig === undefined) {
    report("Operation.CallBackMqConfig", "CallBackMqConfig is required when CallBackType is TDMQ");
  }
  const tagText = typeof tag === "string" ? tag : "";
  const output = op.Output;
  if (output === undefined) {
    if (nonEmpty(tag) && !NO_OUTPUT_TAGS.has(tagText)) {
      report("Operation.Output", `Output is required for Tag ${tagText}`);
    }
    return;
  }
  if (typeof output !== "object" || output === null) {
    report("Operation.Output", "Output must be an object");
    return;
  }
  const out = output as Record<string, unknown>;
  if (!nonEmpty(out.Region)) report("Operation.Output.Region", "Output.Region is required");
  if (!nonEmpty(out.Bucket)) report("Operation.Output.Bucket", "Output.Bucket is required");
  if (!nonEmpty(out.Object) && !NO_OUTPUT_OBJECT_TAGS.has(tagText)) {
    report("Operation.Output.Object", `Output.Object is required for Tag ${tagText || "(none)"}`);
  }
  if (tagText === "StreamExtract" && (!Array.isArray(out.StreamExtract) || out.StreamExtract.length === 0)) {
    report("Operation.Output.StreamExtract", "Output.StreamExtract is required for Tag StreamExtract");
  }
}
