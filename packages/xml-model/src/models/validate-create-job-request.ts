import type { FieldMap, LiteralSchema, ObjectSchema, OptionalSchema, RepeatedSchema, SchemaNode } from "../schema.js";
import { UNKNOWN_KEY } from "../xml-node.js";
import { DOCUMENTED_JOB_TAGS, JOB_TAGS } from "./common.js";
import { type CreateJobRequest, CreateJobRequestSchema } from "./create-job-request.js";

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
 * const options: ValidateCreateJobRequestOptions = { onWarning: (p) => console.warn(`${p.path}: ${p.message}`) };
 * ```
 */
export interface ValidateCreateJobRequestOptions {
  /**
   * How many of `Manifest`, `UrlFile`, `Prefix`, `Object` must be set. The create pages list the four as
   * alternative ways to name the objects of one job; none is always a problem.
   *
   * @defaultValue "exactly-one"
   */
  readonly inputRule?: "at-least-one" | "exactly-one";
  /**
   * Called for what the docs do not make certain but a user should hear about (an unknown `Tag`), which does not
   * block the request.
   */
  readonly onWarning?: ((problem: ValidationProblem) => void) | undefined;
}

/**
 * Longest job name: 128 characters (the create pages' request table, `Name`).
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

// The create pages' request table, `Name`: the Chinese page allows Chinese characters, letters, digits, "—" and
// "_"; the English page letters, digits, hyphens and underscores. Both are accepted.
const NAME_CHARSET = /^[\p{Script=Han}A-Za-z0-9_\-—]+$/u;

// The independent-node page's `Operation` table, `Output`: required unless the tag is one of these four.
const NO_OUTPUT_TAGS: ReadonlySet<string> = new Set([
  "VideoTag",
  "ExtractDigitalWatermark",
  "MediaInfo",
  "QualityEstimate",
]);

// The independent-node page's `Output` table, `Object`: required unless the tag is one of these (`VoiceSpearte` is
// the page's own spelling of `VoiceSeparate` in its tag table).
const NO_OUTPUT_OBJECT_TAGS: ReadonlySet<string> = new Set([
  "Snapshot",
  "VoiceSeparate",
  "VoiceSpearte",
  "StreamExtract",
]);

const DOCUMENTED_TAGS: ReadonlySet<string> = new Set(DOCUMENTED_JOB_TAGS);
const KNOWN_TAGS: ReadonlySet<string> = new Set(JOB_TAGS);

const INPUT_SOURCES = ["Manifest", "UrlFile", "Prefix", "Object"] as const;

/**
 * Checks a create request against what the batch-job pages make certain and returns **every** problem at once,
 * each with its element path (an empty array means valid). Nothing else is refused: the service decides the rest.
 *
 * - types: every field has its model's type (text, integer, `Date`, object, array) at any depth, and no field the
 *   model does not have (elements no model names go in `$unknown`);
 * - required elements (the pages' tables): `Name`, `Input`, `Operation`; `WorkflowIds` (workflow); `Tag` and
 *   `JobParam` (independent node); `Region`/`Bucket` of `Output`; `Index`/`Object` of each
 *   `StreamExtract`; `MqRegion`/`MqMode`/`MqName` of `CallBackMqConfig`; `Type`/`Message`/`Version` of
 *   `JobParam.DigitalWatermark`;
 * - `Name`: at most 128 characters, only Chinese characters, letters, digits, `-`, `—` and `_`;
 * - `Type`: `Workflow`, `Job` or absent;
 * - `Input`: exactly one of `Manifest`, `UrlFile`, `Prefix`, `Object` (or at least one, with
 *   `inputRule: "at-least-one"`);
 * - independent node, only for the tags the page lists: `Output` unless the tag is `VideoTag`,
 *   `ExtractDigitalWatermark`, `MediaInfo` or `QualityEstimate`; `Output.Object` unless it is `Snapshot`,
 *   `VoiceSeparate` or `StreamExtract`; `Output.StreamExtract` for `StreamExtract`;
 * - `JobLevel` 0, 1 or 2; `CallBackMqConfig` when `CallBackType` is `TDMQ`.
 *
 * Warnings through `onWarning`, which never block: a tag that no page or SDK lists (an SDK-only tag such as
 * `ImageInspect` passes silently, without the `Output` rules), and a missing `QueueId` (the independent-node page
 * marks it required, yet the service creates jobs without it, as the SDKs do).
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
  const full = (path: string): string => `Request${path === "" ? "" : `.${path}`}`;
  const report = (path: string, message: string): void => {
    problems.push({ path: full(path), message });
  };
  // The value may come from JavaScript or from a lenient source: read it defensively.
  const value = request as unknown as Record<string, unknown>;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report("", "a create request must be an object");
    return problems;
  }
  const type = value.Type;
  // The create pages' request table, `Type`: `Job` on the independent-node page, `Workflow` (or none) on the other.
  if (type !== undefined && type !== "Workflow" && type !== "Job") {
    report("Type", `Type must be "Workflow" or "Job" (or absent for Workflow), not ${JSON.stringify(type)}`);
    return problems;
  }
  checkTypes(CreateJobRequestSchema.variants[type ?? "Workflow"], value, "", report);
  checkName(value.Name, report);
  checkInput(value.Input, options?.inputRule ?? "exactly-one", report);
  const operation = value.Operation;
  if (typeof operation !== "object" || operation === null) return problems;
  const op = operation as Record<string, unknown>;
  if (type === "Job") {
    checkNodeOperation(op, report, (path, message) => options?.onWarning?.({ path: full(path), message }));
    const tag = op.Tag;
    if (typeof tag === "string" && tag.trim() !== "" && !KNOWN_TAGS.has(tag)) {
      options?.onWarning?.({
        path: full("Operation.Tag"),
        message: `Tag ${JSON.stringify(tag)} is not one the batch-job pages or the SDKs list; it is sent as given`,
      });
    }
  } else if (typeof op.WorkflowIds === "string" && op.WorkflowIds.trim() === "") {
    // The workflow page's `Operation` table: `WorkflowIds` is required.
    report("Operation.WorkflowIds", "WorkflowIds is required for a Workflow job");
  }
  return problems;
}

type Report = (path: string, message: string) => void;

function nonEmpty(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

/** Checks `value` against the model's schema: types at any depth, required fields, no field the model lacks. */
function checkTypes(schema: SchemaNode, value: unknown, path: string, report: Report): void {
  const at = (name: string): string => (path === "" ? name : `${path}.${name}`);
  switch (schema.kind) {
    case "optional":
      checkTypes((schema as OptionalSchema<SchemaNode>).item, value, path, report);
      return;
    case "repeated":
      if (!Array.isArray(value)) {
        report(path, `${label(path)} must be a list`);
        return;
      }
      value.forEach((item, index) => {
        checkTypes((schema as RepeatedSchema<SchemaNode>).item, item, `${path}[${index}]`, report);
      });
      return;
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) {
        report(path, `${label(path)} must be an object`);
        return;
      }
      const object = schema as ObjectSchema<FieldMap>;
      const record = value as Record<string, unknown>;
      for (const name of object.requiredNames) {
        if (record[name] === undefined) report(at(name), `${name} is required`);
      }
      for (const [name, field] of Object.entries(record)) {
        if (field === undefined || name === UNKNOWN_KEY) continue;
        const fieldSchema = object.byName.get(name);
        if (fieldSchema === undefined) {
          report(at(name), `${name} is not an element of ${label(path)} (elements no model names go in $unknown)`);
        } else checkTypes(fieldSchema, field, at(name), report);
      }
      return;
    }
    case "text":
    case "enum":
      if (typeof value !== "string") report(path, `${label(path)} must be text, not ${describe(value)}`);
      return;
    case "literal":
      if (value !== (schema as LiteralSchema<string>).value) {
        report(path, `${label(path)} must be ${JSON.stringify((schema as LiteralSchema<string>).value)}`);
      }
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isSafeInteger(value)) {
        report(path, `${label(path)} must be an integer, not ${describe(value)}`);
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") report(path, `${label(path)} must be true or false, not ${describe(value)}`);
      return;
    case "time":
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        report(path, `${label(path)} must be a valid time (such as 2022-06-27T15:23:10+0800), not ${describe(value)}`);
      }
      return;
    default:
      return;
  }
}

function label(path: string): string {
  return path === "" ? "the request" : path;
}

function describe(value: unknown): string {
  if (value instanceof Date) return "an invalid Date";
  return JSON.stringify(value) ?? String(value);
}

function checkName(name: unknown, report: Report): void {
  // The create pages' request table, `Name`: required, at most 128 characters of the charset above.
  if (typeof name !== "string") return; // reported by the type check
  if (name.trim() === "") {
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
  // The create pages' `Input` table: `Manifest`, `UrlFile`, `Prefix`, `Object`, each a way to name the objects.
  if (typeof input !== "object" || input === null || Array.isArray(input)) return; // reported by the type check
  const record = input as Record<string, unknown>;
  const set = INPUT_SOURCES.filter((source) => nonEmpty(record[source]));
  if (set.length === 0) {
    report("Input", `Input needs one of ${INPUT_SOURCES.join(", ")}`);
  } else if (rule === "exactly-one" && set.length > 1) {
    report("Input", `Input must have exactly one of ${INPUT_SOURCES.join(", ")}, not ${set.join(" and ")}`);
  }
}

function checkNodeOperation(op: Record<string, unknown>, report: Report, warn: Report): void {
  const tag = op.Tag;
  // The independent-node page's `Operation` table: `Tag` is required.
  if (typeof tag === "string" && tag.trim() === "") report("Operation.Tag", "Tag must not be empty");
  // The same table marks `QueueId` required too, but every SDK leaves it out and the Python SDK's own test creates a
  // job without it successfully: not certain, so a warning (docs/decisions/0042-queue-id-warns.md).
  if (op.QueueId === undefined || (typeof op.QueueId === "string" && op.QueueId.trim() === "")) {
    warn(
      "Operation.QueueId",
      "the independent-node page marks QueueId required; without it the service picks the queue (the SDKs send none)",
    );
  }
  // The same table, `JobLevel`: valid values 0, 1 and 2.
  const level = op.JobLevel;
  if (typeof level === "number" && level !== 0 && level !== 1 && level !== 2) {
    report("Operation.JobLevel", `JobLevel must be 0, 1 or 2, not ${JSON.stringify(level)}`);
  }
  // The same table, `CallBackMqConfig`: required when `CallBackType` is `TDMQ`.
  if (op.CallBackType === "TDMQ" && op.CallBackMqConfig === undefined) {
    report("Operation.CallBackMqConfig", "CallBackMqConfig is required when CallBackType is TDMQ");
  }
  checkDigitalWatermark(op.JobParam, report);
  const tagText = typeof tag === "string" ? tag : "";
  if (!DOCUMENTED_TAGS.has(tagText)) return; // the Output rules are the page's, for the page's tags
  const output = op.Output;
  if (output === undefined) {
    if (!NO_OUTPUT_TAGS.has(tagText)) report("Operation.Output", `Output is required for Tag ${tagText}`);
    return;
  }
  if (typeof output !== "object" || output === null) return; // reported by the type check
  const out = output as Record<string, unknown>;
  // The independent-node page's `Output` table.
  if (typeof out.Region === "string" && out.Region.trim() === "") {
    report("Operation.Output.Region", "Output.Region must not be empty");
  }
  if (typeof out.Bucket === "string" && out.Bucket.trim() === "") {
    report("Operation.Output.Bucket", "Output.Bucket must not be empty");
  }
  if (!nonEmpty(out.Object) && !NO_OUTPUT_OBJECT_TAGS.has(tagText)) {
    report("Operation.Output.Object", `Output.Object is required for Tag ${tagText}`);
  }
  if (tagText === "StreamExtract" && (!Array.isArray(out.StreamExtract) || out.StreamExtract.length === 0)) {
    report("Operation.Output.StreamExtract", "Output.StreamExtract is required for Tag StreamExtract");
  }
}

function checkDigitalWatermark(jobParam: unknown, report: Report): void {
  // The independent-node page's `DigitalWatermark` table: `Type`, `Message` and `Version` are required.
  if (typeof jobParam !== "object" || jobParam === null) return;
  const watermark = (jobParam as Record<string, unknown>).DigitalWatermark;
  if (typeof watermark !== "object" || watermark === null) return;
  for (const name of ["Type", "Message", "Version"]) {
    if (!nonEmpty((watermark as Record<string, unknown>)[name])) {
      report(`Operation.JobParam.DigitalWatermark.${name}`, `DigitalWatermark.${name} is required`);
    }
  }
}
