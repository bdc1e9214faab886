import { readFile } from "node:fs/promises";
import { maskSecretId } from "@cibatch/ci-client";
import { parse } from "ini";
import { CliError } from "../cli-error.js";
import { configFilePath } from "../settings/config-file.js";
import { credentialsFilePath } from "../settings/credentials-file.js";
import { writeProfile } from "../settings/write-profile.js";
import type { CommandHandler } from "../support/context.js";
import { Prompter } from "../support/prompt.js";
import { checkValue, configValue, profileOf } from "./configure-set.js";

async function storedKeys(file: string, profile: string): Promise<Record<string, unknown>> {
  try {
    const section = (parse(await readFile(file, "utf8")) as Record<string, unknown>)[profile];
    return section !== null && typeof section === "object" ? (section as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * `cibatch configure`: asks for the profile's region, bucket, output format and keys (as `aws configure` does);
 * Enter keeps the value shown in brackets. Settings go to `~/.cibatch/config`, the SecretId and SecretKey to the
 * credentials file, both written with mode 0600; the SecretKey is not echoed. Needs a terminal: under
 * `--no-input`, `CI=true` or a pipe it is a usage error pointing at `configure set`.
 *
 * @example
 * ```ts
 * import { execute } from "./configure.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  if (!ctx.interactive) {
    throw new CliError(
      "USAGE",
      "`cibatch configure` asks questions and needs a terminal; use `cibatch configure set <key> <value>` instead",
    );
  }
  const profile = profileOf(ctx);
  const configFile = configFilePath(ctx.io.env, ctx.io.homedir);
  const credentialsFile = credentialsFilePath(ctx.io.env, ctx.io.homedir);
  const keys = await storedKeys(credentialsFile, profile);
  const prompter = new Prompter(ctx.io);
  const settings: Record<string, string> = {};
  const credentials: Record<string, string> = {};
  try {
    ctx.note(`Configuring profile [${profile}]; press Enter to keep the value in brackets.`);
    for (const [key, label] of [
      ["region", "Region (e.g. ap-beijing)"],
      ["bucket", "Bucket (<name>-<appid>)"],
      ["output", "Output format (json, table, text, yaml)"],
    ] as const) {
      const current = await configValue(ctx, key);
      for (;;) {
        const answer = await prompter.ask(`${label} [${current ?? "none"}]: `);
        if (answer === undefined) throw new CliError("DECLINED", "configure stopped: nothing was written");
        if (answer === "") break;
        try {
          checkValue(key, answer, ctx.note);
          settings[key] = answer;
          break;
        } catch (error) {
          ctx.note(`cibatch: ${(error as Error).message}`);
        }
      }
    }
    const secretId = typeof keys.secret_id === "string" ? keys.secret_id : undefined;
    const id = await prompter.ask(`SecretId [${secretId ? maskSecretId(secretId) : "none"}]: `);
    if (id === undefined) throw new CliError("DECLINED", "configure stopped: nothing was written");
    if (id !== "") credentials.secret_id = id;
    const hasKey = typeof keys.secret_key === "string";
    const key = await prompter.ask(`SecretKey [${hasKey ? "****, kept" : "none"}] (not shown): `, { secret: true });
    if (key === undefined) throw new CliError("DECLINED", "configure stopped: nothing was written");
    if (key !== "") credentials.secret_key = key;
  } finally {
    await prompter.close();
  }
  if (Object.keys(settings).length > 0) await writeProfile(configFile, profile, settings);
  if (Object.keys(credentials).length > 0) await writeProfile(credentialsFile, profile, credentials);
  const written = [
    Object.keys(settings).length > 0 ? `${Object.keys(settings).join(", ")} to ${configFile}` : "",
    Object.keys(credentials).length > 0
      ? `${Object.keys(credentials).join(", ")} to ${credentialsFile} (mode 0600)`
      : "",
  ].filter(Boolean);
  ctx.note(written.length > 0 ? `cibatch: wrote ${written.join("; ")}.` : "cibatch: nothing changed.");
  return 0;
};
