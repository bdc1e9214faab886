import { apiTimeSourceText, CreateJobRequestSchema, fromJsonValue } from "@cibatch/xml-model";
import { CliError } from "../cli-error.js";
import type { Json } from "../output/job-json.js";
import { parseTime } from "./duration.js";

type Fields = Record<string, unknown>;

/** Flags that only an independent-node (`Job`) request has, with their spelling for messages. */
const NODE_ONLY_FLAGS: readonly (readonly [string, string])[] = [
  ["tag", "--tag"],
  ["templateId", "--template-id"],
  ["jobParamXml", "--job-param-xml"],
  ["outputRegion", "--output-region"],
  ["outputBucket", "--output-bucket"],
  ["outputObject", "--output-object"],
  ["queueId", "--queue-id"],
  ["queueType", "--queue-type"],
  ["jobLevel", "--job-level"],
  ["userData", "--user-data"],
  ["callback", "--callback"],
  ["callbackFormat", "--callback-format"],
  ["callbackType", "--callback-type"],
  ["mqRegion", "--mq-region"],
  ["mqMode", "--mq-mode"],
  ["mqName", "--mq-name"],
];

const text = (options: Readonly<Fields>, name: string): string | undefined =>
  typeof options[name] === "string" ? (options[name] as string) : undefined;

function objectAt(value: unknown, what: string): Fields {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new CliError("USAGE", `${what} must be an object`);
  return { ...(value as Fields) };
}

/** The form the create pages document for `TimeInterval` (`%Y-%m-%dT%H:%M:%S%z`): kept as written when a time has it. */
const DOCUMENTED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/;

function timeField(value: unknown, path: string, now: number): Date | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (value instanceof Date) {
    // A time printed by `jobs describe` goes back exactly as the service sent it; any other spelling (`+08:00`, `Z`)
    // is sent in the documented form.
    return DOCUMENTED_TIME.test(apiTimeSourceText(value) ?? "") ? value : new Date(value.getTime());
  }
  if (typeof value !== "string") throw new CliError("USAGE", `${path} must be an ISO 8601 time string`);
  return parseTime(value, path, now);
}

/**
 * Fields of a job as `jobs describe`/`jobs list -o json` print it that a create request does not have: the service
 * sets them. They are dropped from an input document, so a printed job can be edited and created again.
 */
const JOB_DETAIL_ONLY = new Set([
  "Code",
  "Message",
  "JobId",
  "State",
  "CreationTime",
  "StartTime",
  "EndTime",
  "Progress",
  "Tag",
  "QueueId",
]);

/**
 * The create-request fields of an input document: the document itself, or the one job of a `jobs describe -o json`
 * answer (`{ "Jobs": [job] }`), without the fields only a job detail has.
 */
function requestFields(document: Fields): Fields {
  let fields = document;
  const jobs = document.Jobs;
  if (Array.isArray(jobs) && document.Name === undefined && document.Operation === undefined) {
    if (jobs.length !== 1)
      throw new CliError(
        "USAGE",
        `the input document lists ${jobs.length} jobs; give one job (e.g. jq '.Jobs[0]') to create it again`,
      );
    fields = objectAt(jobs[0], "Jobs[0]");
  }
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!JOB_DETAIL_ONLY.has(key)) out[key] = value;
  }
  return out;
}

/**
 * The template `--generate-skeleton` prints: a valid request of the chosen variant, with the documentation's
 * sample values, in the shape `--cli-input-json` reads (API field names, ISO times).
 *
 * @param type - `Workflow` or `Job`.
 * @returns The template.
 * @example
 * ```ts
 * import { createSkeleton } from "./create-request.js";
 * createSkeleton("Workflow").Type; // "Workflow"
 * ```
 * @internal
 */
export function createSkeleton(type: "Workflow" | "Job"): { [key: string]: Json } {
  const interval = { Start: "2022-02-01T12:00:00+08:00", End: "2022-05-01T12:00:00+08:00" };
  if (type === "Workflow") {
    return {
      Name: "demo",
      Type: "Workflow",
      Input: { Prefix: "input/" },
      Operation: { TimeInterval: interval, WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    };
  }
  return {
    Name: "demo",
    Type: "Job",
    Input: { Prefix: "input/" },
    Operation: {
      TimeInterval: interval,
      Tag: "Transcode",
      JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
      Output: { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "output/${InventoryTriggerJobId}/out.mp4" },
      QueueId: "p893bcda225bf4945a378da6662e81a89",
      JobLevel: "0",
      UserData: "this is my inventorytriggerjob",
      CallBack: "https://www.callback.com",
    },
  };
}

/**
 * The job type the flags ask for: `--type`, else inferred (`--workflow-ids` → Workflow, `--tag` → Job), else the
 * input file's `Type`, else `undefined`.
 *
 * @param options - The `jobs create` flags.
 * @param base - The `--cli-input-json` object, if any.
 * @returns The type.
 * @throws CliError `USAGE` when `--workflow-ids` and `--tag` are both given.
 * @example
 * ```ts
 * import { requestedType } from "./create-request.js";
 * requestedType({ tag: "Snapshot" }, {}); // "Job"
 * ```
 * @internal
 */
export function requestedType(options: Readonly<Fields>, base: Readonly<Fields>): "Workflow" | "Job" | undefined {
  const flag = text(options, "type");
  if (flag !== undefined) return flag === "job" ? "Job" : "Workflow";
  const workflow = text(options, "workflowIds") !== undefined;
  const node = text(options, "tag") !== undefined;
  if (workflow && node)
    throw new CliError("USAGE", "give --workflow-ids (a workflow job) or --tag (an independent-node job), not both");
  if (workflow) return "Workflow";
  if (node) return "Job";
  if (base.Type === "Job" || base.Type === "Workflow") return base.Type;
  const operation = base.Operation as Fields | undefined;
  if (operation?.WorkflowIds !== undefined) return "Workflow";
  if (operation?.Tag !== undefined) return "Job";
  return undefined;
}

/**
 * Builds the create request from an optional input document and the flags (flags override its fields), with
 * times parsed to `Date`s and flag spellings mapped to API values (`json` → `JSON`, `tdmq` → `TDMQ`). It is not
 * validated here: the caller runs the model's validation and reports every problem at once.
 *
 * @param options - The `jobs create` flags.
 * @param input - The `--cli-input-json`/`--cli-input-yaml` object, or undefined.
 * @param jobParam - A `JobParam` decoded from `--job-param-xml`, or undefined.
 * @param now - The current time (relative times).
 * @returns The request, untyped until validated.
 * @example
 * ```ts
 * import { buildCreateRequest } from "./create-request.js";
 * buildCreateRequest({ name: "demo", prefix: "in/", workflowIds: "w1" }, undefined, undefined, Date.now());
 * ```
 * @internal
 */
export function buildCreateRequest(
  options: Readonly<Fields>,
  input: unknown,
  jobParam: Fields | undefined,
  now: number,
): Fields {
  const document = objectAt(input, "the input document");
  const base = requestFields(document);
  const type = requestedType(options, base);
  if (type === undefined) {
    throw new CliError(
      "USAGE",
      "say what to run: --workflow-ids <ids> for a workflow job, or --tag <tag> for an independent-node job",
    );
  }
  // Typed fields become the model's types (digit strings → JobLevel, API times → Dates that keep their text),
  // every other key becomes XML elements, so a job printed by `jobs describe -o json` is sent back unchanged.
  // Values that do not fit are left as they are for the validation to report.
  const request = fromJsonValue(CreateJobRequestSchema.variants[type], { ...base, Type: type }) as Fields;
  const name = text(options, "name");
  if (name !== undefined) request.Name = name;
  const sources = (["prefix", "object", "manifest", "urlFile"] as const).filter(
    (flag) => text(options, flag) !== undefined,
  );
  if (sources.length > 1)
    throw new CliError("USAGE", "give exactly one input: --prefix, --object, --manifest or --url-file");
  const sourceNode = { prefix: "Prefix", object: "Object", manifest: "Manifest", urlFile: "UrlFile" } as const;
  const source = sources[0];
  if (source !== undefined) request.Input = { [sourceNode[source]]: text(options, source) };
  const operation = objectAt(request.Operation, "Operation");
  const interval = objectAt(operation.TimeInterval, "Operation.TimeInterval");
  const start = timeField(
    text(options, "start") ?? interval.Start,
    text(options, "start") ? "--start" : "Operation.TimeInterval.Start",
    now,
  );
  const end = timeField(
    text(options, "end") ?? interval.End,
    text(options, "end") ? "--end" : "Operation.TimeInterval.End",
    now,
  );
  delete interval.Start;
  delete interval.End;
  if (start !== undefined) interval.Start = start;
  if (end !== undefined) interval.End = end;
  if (Object.keys(interval).length > 0) operation.TimeInterval = interval;
  else delete operation.TimeInterval;
  const set = (node: string, value: unknown): void => {
    if (value !== undefined) operation[node] = value;
  };
  if (type === "Workflow") {
    const nodeOnly = NODE_ONLY_FLAGS.filter(([flag]) => options[flag] !== undefined).map(([, name]) => name);
    if (nodeOnly.length > 0) {
      throw new CliError(
        "USAGE",
        `${nodeOnly.join(", ")} apply to independent-node jobs (--tag), not to workflow jobs`,
      );
    }
    set("WorkflowIds", text(options, "workflowIds"));
  } else {
    if (text(options, "workflowIds") !== undefined)
      throw new CliError("USAGE", "--workflow-ids applies to workflow jobs, not to --type job");
    set("Tag", text(options, "tag"));
    const param = jobParam ?? objectAt(operation.JobParam, "Operation.JobParam");
    const templateId = text(options, "templateId");
    if (templateId !== undefined) param.TemplateId = templateId;
    if (Object.keys(param).length > 0 || operation.JobParam !== undefined) operation.JobParam = param;
    const output = objectAt(operation.Output, "Operation.Output");
    if (text(options, "outputRegion") !== undefined) output.Region = text(options, "outputRegion");
    if (text(options, "outputBucket") !== undefined) output.Bucket = text(options, "outputBucket");
    if (text(options, "outputObject") !== undefined) output.Object = text(options, "outputObject");
    if (Object.keys(output).length > 0) operation.Output = output;
    set("QueueId", text(options, "queueId"));
    set("QueueType", text(options, "queueType"));
    const level = text(options, "jobLevel") ?? operation.JobLevel;
    if (level !== undefined) {
      const n = typeof level === "number" ? level : Number(level);
      operation.JobLevel = Number.isInteger(n) ? n : level;
    }
    set("UserData", text(options, "userData"));
    set("CallBack", text(options, "callback"));
    const format = text(options, "callbackFormat");
    if (format !== undefined) operation.CallBackFormat = format.toUpperCase();
    const callbackType = text(options, "callbackType");
    if (callbackType !== undefined) operation.CallBackType = callbackType === "tdmq" ? "TDMQ" : "Url";
    const mq = objectAt(operation.CallBackMqConfig, "Operation.CallBackMqConfig");
    if (text(options, "mqRegion") !== undefined) mq.MqRegion = text(options, "mqRegion");
    if (text(options, "mqMode") !== undefined) mq.MqMode = text(options, "mqMode");
    if (text(options, "mqName") !== undefined) mq.MqName = text(options, "mqName");
    if (Object.keys(mq).length > 0) operation.CallBackMqConfig = mq;
  }
  request.Operation = operation;
  return request;
}
