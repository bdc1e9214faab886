import { CliError } from "../cli-error.js";
import { configFilePath, readConfigProfile } from "../settings/config-file.js";
import { credentialsFilePath } from "../settings/credentials-file.js";
import { checkSettings, type Setting, type Settings } from "../settings/settings.js";
import { writeProfile } from "../settings/write-profile.js";
import type { CommandContext, CommandHandler } from "../support/context.js";

/** The keys kept in the credentials file (mode 0600); the others go to the CLI config file. */
const CREDENTIAL_KEYS: readonly string[] = ["secret_id", "secret_key", "token"];

/** The profile `configure` works on (`--profile`, `TENCENTCLOUD_PROFILE`, else `default`). */
export function profileOf(ctx: CommandContext): string {
  return ctx.settings.profile.value ?? "default";
}

/**
 * Checks a value before it is written, the same way a flag with that value would be checked.
 *
 * @param key - The config key.
 * @param value - The value.
 * @param warn - Receives a warning (an unknown region).
 */
export function checkValue(key: string, value: string, warn: (line: string) => void): void {
  const unset: Setting = { value: undefined, source: "(not set)" };
  const given: Setting = { value, source: `configure ${key}` };
  const settings: Settings = {
    profile: unset,
    region: key === "region" ? given : unset,
    bucket: key === "bucket" ? given : unset,
    endpointUrl: key === "endpoint_url" ? given : unset,
    output: key === "output" ? given : unset,
    color: key === "color" ? given : unset,
    configFile: "",
  };
  try {
    checkSettings(settings, warn);
  } catch (error) {
    throw new CliError("USAGE", (error as Error).message.replace(/^configure \w+: \w+ = /, `${key} `), {
      cause: error,
    });
  }
}

/**
 * `cibatch configure set <key> <value>`: writes one key of the profile: the CLI's settings to `~/.cibatch/config`
 * (`CIBATCH_CONFIG_FILE`), keys (`secret_id`, `secret_key`, `token`) to the credentials file, both mode 0600.
 *
 * @example
 * ```ts
 * import { execute } from "./configure-set.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const key = String(ctx.args[0]);
  const value = String(ctx.args[1]).trim();
  const profile = profileOf(ctx);
  if (CREDENTIAL_KEYS.includes(key)) {
    const file = credentialsFilePath(ctx.io.env, ctx.io.homedir);
    await writeProfile(file, profile, { [key]: value === "" ? undefined : value });
    ctx.note(`cibatch: ${key} ${value === "" ? "removed from" : "written to"} [${profile}] in ${file} (mode 0600).`);
    return 0;
  }
  if (value !== "") checkValue(key, value, ctx.note);
  const file = configFilePath(ctx.io.env, ctx.io.homedir);
  await writeProfile(file, profile, { [key]: value === "" ? undefined : value });
  ctx.note(`cibatch: ${key} ${value === "" ? "removed from" : "set in"} [${profile}] in ${file}.`);
  return 0;
};

/**
 * The value of `key` in the profile's section of the CLI config file, if set.
 *
 * @param ctx - The command context.
 * @param key - A config key.
 * @returns The value, or undefined.
 */
export async function configValue(ctx: CommandContext, key: string): Promise<string | undefined> {
  const { values } = await readConfigProfile(configFilePath(ctx.io.env, ctx.io.homedir), profileOf(ctx));
  return values[key as keyof typeof values];
}
