import { type CreateJobRequest, resolveEndpoint } from "@cibatch/ci-client";
import { redactAuthorization, signRequest } from "@cibatch/signer";
import { decode, encodeCreateJobRequest, JobParamSchema, validateCreateJobRequest } from "@cibatch/xml-model";
import { CliError } from "../cli-error.js";
import { type Json, jobToJson } from "../output/job-json.js";
import type { CommandContext, CommandHandler } from "../support/context.js";
import { buildCreateRequest, createSkeleton, requestedType } from "../support/create-request.js";
import { noteDecodeWarnings } from "../support/decode-warnings.js";
import { jsonErrorOffset } from "../support/json-position.js";
import { readInput } from "../support/read-input.js";
import { waitForState } from "./jobs-wait.js";

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Where a JSON syntax error is, as `line L, column C`, and what the parser said. */
function jsonErrorAt(raw: string, error: Error): string {
  const reason = error.message
    .replace(/\s*\(line \d+ column \d+\)/, "")
    .replace(/ in JSON at position \d+/, "")
    .replace(/, "[\s\S]*" is not valid JSON$/, "")
    .replace(/^JSON\.parse: /, "");
  const offset = jsonErrorOffset(raw);
  if (offset === undefined) return reason;
  const before = raw.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}: ${reason}`;
}

/** Every placeholder of both skeletons: only these may be left empty ("not given"); other empty values are data. */
const PLACEHOLDERS: Record<string, unknown> = (() => {
  const workflow = createSkeleton("Workflow");
  const job = createSkeleton("Job");
  return { ...workflow, ...job, Operation: { ...(workflow.Operation as object), ...(job.Operation as object) } };
})();

/** Drops the skeleton's placeholders left empty (`""`), and the skeleton's objects that end up empty. */
function pruneEmpty(value: unknown, template: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  if (template === null || typeof template !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const placeholder = (template as Record<string, unknown>)[key];
    if (placeholder === undefined) {
      out[key] = item;
      continue;
    }
    const pruned = pruneEmpty(item, placeholder);
    const emptyObject =
      pruned !== null && typeof pruned === "object" && !Array.isArray(pruned) && Object.keys(pruned).length === 0;
    if (pruned === "" || (emptyObject && typeof placeholder === "object")) continue;
    out[key] = pruned;
  }
  return out;
}

/**
 * Reads an input document as the user meant it: unfilled (empty) placeholders are absent, and `WorkflowIds` may
 * be an array as well as the API's one comma-separated string.
 */
function normaliseDocument(raw: unknown): unknown {
  const document = pruneEmpty(raw, PLACEHOLDERS);
  if (document === null || typeof document !== "object" || Array.isArray(document)) return document;
  const operation = (document as Record<string, unknown>).Operation;
  if (operation === null || typeof operation !== "object") return document;
  const ids = (operation as Record<string, unknown>).WorkflowIds;
  if (!Array.isArray(ids)) return document;
  if (!ids.every((id) => typeof id === "string")) {
    throw new CliError(
      "USAGE",
      "Operation.WorkflowIds: give workflow ids as strings (an array or one comma-separated string)",
    );
  }
  return { ...document, Operation: { ...operation, WorkflowIds: ids.map((id) => id.trim()).join(",") } };
}

/** Which flag sets each element of the request (for messages about a value the user gave as a flag). */
const FLAG_OF: Readonly<Record<string, string>> = {
  Name: "--name",
  Type: "--type",
  Input: "--prefix, --object, --manifest or --url-file",
  "Operation.WorkflowIds": "--workflow-ids",
  "Operation.Tag": "--tag",
  "Operation.JobParam": "--template-id or --job-param-xml",
  "Operation.TimeInterval": "--start/--end",
  "Operation.TimeInterval.Start": "--start",
  "Operation.TimeInterval.End": "--end",
  "Operation.QueueId": "--queue-id",
  "Operation.JobLevel": "--job-level",
  "Operation.Output": "--output-region, --output-bucket and --output-object",
  "Operation.Output.Region": "--output-region",
  "Operation.Output.Bucket": "--output-bucket",
  "Operation.Output.Object": "--output-object",
  "Operation.CallBackMqConfig": "--mq-region, --mq-mode and --mq-name",
};

/**
 * One validation problem in the user's terms: the flag when there is no input document (or the flag was given),
 * else the element path in the document (and the flag that would also set it).
 */
function problemLine(path: string, message: string, hasDocument: boolean): string {
  const element = path.replace(/^Request\.?/, "");
  const flag = FLAG_OF[element];
  const field = element.split(".").at(-1) ?? element;
  const said = message.replace(new RegExp(`^(Output\\.)?${field}\\b\\s*`), "");
  if (flag === undefined) return `${element || "the request"}: ${message}`;
  if (!hasDocument) return `${flag}: ${said}`;
  return `${element} (or ${flag}): ${said}`;
}

async function readDocument(ctx: CommandContext): Promise<unknown> {
  const jsonFile = text(ctx.options.cliInputJson);
  const yamlFile = text(ctx.options.cliInputYaml);
  if (jsonFile !== undefined && yamlFile !== undefined)
    throw new CliError("USAGE", "give --cli-input-json or --cli-input-yaml, not both");
  if (jsonFile !== undefined) {
    const raw = await readInput(ctx.io, jsonFile, "--cli-input-json");
    try {
      return normaliseDocument(JSON.parse(raw) as unknown);
    } catch (cause) {
      if (cause instanceof CliError) throw cause;
      throw new CliError(
        "USAGE",
        `--cli-input-json ${jsonFile}: not valid JSON at ${jsonErrorAt(raw, cause as Error)}`,
        {
          cause,
        },
      );
    }
  }
  if (yamlFile !== undefined) {
    const raw = await readInput(ctx.io, yamlFile, "--cli-input-yaml");
    const { parse } = await import("yaml");
    try {
      return normaliseDocument(parse(raw) as unknown);
    } catch (cause) {
      if (cause instanceof CliError) throw cause;
      throw new CliError("USAGE", `--cli-input-yaml ${yamlFile}: not valid YAML (${(cause as Error).message})`, {
        cause,
      });
    }
  }
  return undefined;
}

async function readJobParam(ctx: CommandContext): Promise<Record<string, unknown> | undefined> {
  const file = text(ctx.options.jobParamXml);
  if (file === undefined) return undefined;
  const raw = (await readInput(ctx.io, file, "--job-param-xml")).trim();
  const xml = /^<JobParam[\s>/]/.test(raw) ? raw : `<JobParam>${raw}</JobParam>`;
  try {
    return { ...decode(JobParamSchema, xml, { root: "JobParam" }) } as Record<string, unknown>;
  } catch (cause) {
    throw new CliError("USAGE", `--job-param-xml ${file}: not a valid XML fragment (${(cause as Error).message})`, {
      cause,
    });
  }
}

/**
 * The input template with every value empty (`""`), so a template sent unedited is refused instead of creating a
 * job; `Type` keeps its value, since it says which template this is.
 */
function blankLeaves(value: unknown, type: string): unknown {
  if (Array.isArray(value)) return value.map((item) => blankLeaves(item, type));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, key === "Type" ? type : blankLeaves(item, type)]),
    );
  }
  return typeof value === "string" ? "" : value;
}

async function dryRun(ctx: CommandContext, request: CreateJobRequest): Promise<number> {
  const body = encodeCreateJobRequest(request);
  const { bucket, region, endpointUrl } = ctx.settings;
  if (bucket.value === undefined || region.value === undefined) {
    throw new CliError(
      "CONFIG",
      "--dry-run needs --bucket and --region (or CIBATCH_BUCKET and CIBATCH_REGION) to build the URL",
    );
  }
  const endpoint = resolveEndpoint({
    bucket: bucket.value,
    region: region.value,
    ...(endpointUrl.value !== undefined && { endpoint: endpointUrl.value }),
  });
  const url = `${endpoint.url}/inventorytriggerjob`;
  const headers: Record<string, string> = {
    host: endpoint.signedHost,
    "content-type": "application/xml",
    "content-length": String(Buffer.byteLength(body)),
  };
  let signedNote: string | undefined;
  let parts: { httpString: string; stringToSign: string } | undefined;
  try {
    const { credentials } = await ctx.credentials();
    const signed = await signRequest({
      method: "POST",
      url,
      headers: { host: endpoint.signedHost, "content-type": "application/xml" },
      credentials,
      now: ctx.now(),
    });
    for (const [name, value] of Object.entries(signed.headers)) {
      headers[name] = name === "authorization" ? redactAuthorization(value) : "[REDACTED]";
    }
    parts = { httpString: signed.parts.httpString, stringToSign: signed.parts.stringToSign };
  } catch (error) {
    signedNote = `not signed: ${(error as Error).message.split("\n")[0]}`;
  }
  if (ctx.format === "json" || ctx.format === "yaml") {
    await ctx.emit({
      data: {
        DryRun: true,
        Method: "POST",
        Url: url,
        Headers: headers,
        Body: body,
        ...(parts && { HttpString: parts.httpString, StringToSign: parts.stringToSign }),
      },
    });
  } else {
    const lines = [`POST ${url}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), "", body, ""];
    ctx.io.stdout.write(lines.join("\n"));
  }
  ctx.note(`cibatch: dry run: nothing was sent${signedNote ? ` (${signedNote})` : "; the signature is redacted"}`);
  return 0;
}

/**
 * `cibatch jobs create`: builds the request from `--cli-input-json`/`--cli-input-yaml` and the flags, validates
 * it (every problem at once, exit 2; what it only warns about, such as an unknown `Tag`, goes to stderr and is sent
 * as given), then creates the job (or, with `--dry-run`, prints the XML body and the
 * signed request with its signature redacted, sending nothing). `--generate-skeleton` prints a template.
 * An ambiguous failure the client could not reconcile exits 10 with the command to check.
 *
 * @example
 * ```ts
 * import { execute } from "./jobs-create.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  if (ctx.options.generateSkeleton === true || ctx.options.generateCliSkeleton === true) {
    const type = requestedType(ctx.options, {}) ?? "Workflow";
    const skeleton = blankLeaves(createSkeleton(type), type) as { [key: string]: Json };
    if (ctx.format === "yaml") await ctx.emit({ data: skeleton });
    else ctx.io.stdout.write(`${JSON.stringify(skeleton, null, 2)}\n`);
    return 0;
  }
  const document = await readDocument(ctx);
  const jobParam = await readJobParam(ctx);
  const request = buildCreateRequest(ctx.options, document, jobParam, ctx.now());
  // What validation is not certain about (an unknown Tag, no QueueId) is said on stderr and sent as given, also
  // under --dry-run, after the problems: a refused request reports only what refused it.
  const warnings: string[] = [];
  const problems = validateCreateJobRequest(request as unknown as CreateJobRequest, {
    inputRule: "exactly-one",
    onWarning: (p) => warnings.push(problemLine(p.path, p.message, document !== undefined)),
  });
  if (problems.length > 0) {
    const lines = problems.map((p) => `  - ${problemLine(p.path, p.message, document !== undefined)}`);
    throw new CliError("USAGE", `the job was not created:\n${lines.join("\n")}\nSee \`cibatch jobs create --help\`.`);
  }
  for (const line of warnings) ctx.note(`${ctx.stderrStyles.yellow("cibatch: warning:")} ${line}`);
  const valid = request as unknown as CreateJobRequest;
  if (ctx.options.dryRun === true) return dryRun(ctx, valid);
  const client = await ctx.client();
  const job = await client.createJob(valid, {
    signal: ctx.signal,
    idempotencyNonce: ctx.options.idempotencyNonce === true,
  });
  noteDecodeWarnings(ctx, job);
  if (job.$metadata.reconciled)
    ctx.note(
      `cibatch: the create answer was lost; found the job by listing (request id ${job.$metadata.requestId ?? "unknown"})`,
    );
  if (ctx.options.wait === true) {
    ctx.note(`cibatch: created job ${job.JobId}; waiting for it to end (Ctrl-C stops waiting, not the job).`);
    return waitForState(ctx, job.JobId, "success", { print: true });
  }
  await ctx.emit({
    data: jobToJson(job),
    detail: async ({ styles, maxWidth }) =>
      (await import("../output/job-views.js")).jobDetail(job, ctx.times, styles, maxWidth),
  });
  return 0;
};
