import { readFile } from "node:fs/promises";
import { maskSecretId } from "@cibatch/ci-client";
import { parse } from "ini";
import { CliError } from "../cli-error.js";
import { credentialsFilePath } from "../settings/credentials-file.js";
import type { CommandHandler } from "../support/context.js";
import { configValue, profileOf } from "./configure-set.js";

/**
 * `cibatch configure get <key>`: prints the value the profile's file sets for `key` (what `configure set` wrote;
 * `configure list` shows the effective values with their sources). A `secret_id` is printed masked; the secret
 * key and token are never printed. A key that is not set exits 3 with nothing on stdout.
 *
 * @example
 * ```ts
 * import { execute } from "./configure-get.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const key = String(ctx.args[0]);
  const profile = profileOf(ctx);
  if (key === "secret_key" || key === "token") {
    throw new CliError("USAGE", `${key} is never printed; \`cibatch configure list\` shows whether one is set`);
  }
  let value: string | undefined;
  if (key === "secret_id") {
    const file = credentialsFilePath(ctx.io.env, ctx.io.homedir);
    try {
      const section = (parse(await readFile(file, "utf8")) as Record<string, Record<string, unknown>>)[profile];
      value = typeof section?.secret_id === "string" ? maskSecretId(section.secret_id) : undefined;
    } catch {
      value = undefined;
    }
  } else value = await configValue(ctx, key);
  if (value === undefined) throw new CliError("CONFIG", `${key} is not set in profile [${profile}]`);
  ctx.io.stdout.write(`${value}\n`);
  return 0;
};
