import { type CreateJobRequest, resolveEndpoint } from "@cibatch/ci-client";
import { redactAuthorization, signRequest } from "@cibatch/signer";
import { decode, encodeCreateJobRequest, JobParamSchema, validateCreateJobRequest } from "@cibatch/xml-model";
import { CliError } from "../cli-error.js";
import { jobToJson } from "../output/job-json.js";
import { jobsTable, jobsText } from "../output/job-views.js";
import type { CommandContext, CommandHandler } from "../support/context.js";
import { buildCreateRequest, createSkeleton, requestedType } from "../support/create-request.js";
import { readInput } from "../support/read-input.js";
import { waitForState } from "./jobs-wait.js";

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

async function readDocument(ctx: CommandContext): Promise<unknown> {
  const jsonFile = text(ctx.options.cliInputJson);
  const yamlFile = text(ctx.options.cliInputYaml);
  if (jsonFile !== undefined && yamlFile !== undefined)
    throw new CliError("USAGE", "give --cli-input-json or --cli-input-yaml, not both");
  if (jsonFile !== undefined) {
    const raw = await readInput(ctx.io, jsonFile, "--cli-input-json");
    try {
      return JSON.parse(raw) as unknown;
    } catch (cause) {
      throw new CliError("USAGE", `--cli-input-json ${jsonFile}: not valid JSON (${(cause as Error).message})`, {
        cause,
      });
    }
  }
  if (yamlFile !== undefined) {
    const raw = await readInput(ctx.io, yamlFile, "--cli-input-yaml");
    const { parse } = await import("yaml");
    try {
      return parse(raw) as unknown;
    } catch (cause) {
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
 * it (every problem at once, exit 2), then creates the job (or, with `--dry-run`, prints the XML body and the
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
    const skeleton = createSkeleton(type);
    if (ctx.format === "yaml") await ctx.emit({ data: skeleton });
    else ctx.io.stdout.write(`${JSON.stringify(skeleton, null, 2)}\n`);
    return 0;
  }
  const document = await readDocument(ctx);
  const jobParam = await readJobParam(ctx);
  const request = buildCreateRequest(ctx.options, document, jobParam, ctx.now());
  const problems = validateCreateJobRequest(request as unknown as CreateJobRequest, { inputRule: "exactly-one" });
  if (problems.length > 0) {
    throw new CliError(
      "USAGE",
      `the create request is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
    );
  }
  const valid = request as unknown as CreateJobRequest;
  if (ctx.options.dryRun === true) return dryRun(ctx, valid);
  const client = await ctx.client();
  const job = await client.createJob(valid, {
    signal: ctx.signal,
    idempotencyNonce: ctx.options.idempotencyNonce === true,
  });
  await ctx.emit({ data: jobToJson(job), table: jobsTable([job], ctx.io.env.TZ), text: jobsText([job]) });
  if (job.$metadata.reconciled)
    ctx.note(
      `cibatch: the create answer was lost; found the job by listing (request id ${job.$metadata.requestId ?? "unknown"})`,
    );
  if (ctx.options.wait === true) return waitForState(ctx, job.JobId, "success", {});
  return 0;
};
