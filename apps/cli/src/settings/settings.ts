import { readFile } from "node:fs/promises";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { type ConfigKey, configFilePath, readConfigProfile } from "./config-file.js";
import { credentialsFilePath } from "./credentials-file.js";
import { closestRegion, KNOWN_REGIONS } from "./regions.js";

/**
 * A resolved setting and where it came from (`--bucket`, `env CIBATCH_BUCKET`, `~/.cibatch/config [default]`,
 * `default`).
 *
 * @example
 * ```ts
 * import type { Setting } from "./settings.js";
 * const region: Setting = { value: "ap-beijing", source: "env CIBATCH_REGION" };
 * ```
 * @internal
 */
export interface Setting {
  readonly value: string | undefined;
  readonly source: string;
}

/**
 * Every setting the CLI resolves: flag > environment > profile in the config file > built-in default.
 *
 * @example
 * ```ts
 * import type { Settings } from "./settings.js";
 * declare const settings: Settings;
 * console.log(settings.bucket.value, settings.bucket.source);
 * ```
 * @internal
 */
export interface Settings {
  readonly profile: Setting;
  readonly region: Setting;
  readonly bucket: Setting;
  readonly endpointUrl: Setting;
  readonly output: Setting;
  readonly color: Setting;
  /** The config file consulted (it may not exist). */
  readonly configFile: string;
}

/**
 * The global flags that feed {@link resolveSettings}, as the parser gives them.
 *
 * @example
 * ```ts
 * import type { SettingFlags } from "./settings.js";
 * const flags: SettingFlags = { bucket: "examplebucket-1250000000" };
 * ```
 * @internal
 */
export interface SettingFlags {
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
  readonly bucket?: string | undefined;
  readonly endpointUrl?: string | undefined;
  readonly output?: string | undefined;
  readonly color?: string | boolean | undefined;
}

function pick(
  flag: [string, string | undefined],
  envNames: readonly string[],
  env: CliIo["env"],
  config: { key: ConfigKey; values: Partial<Record<ConfigKey, string>>; label: string },
): Setting {
  if (flag[1] !== undefined) return { value: flag[1], source: flag[0] };
  for (const name of envNames) {
    const value = env[name];
    if (value !== undefined && value !== "") return { value, source: `env ${name}` };
  }
  const fromConfig = config.values[config.key];
  if (fromConfig !== undefined) return { value: fromConfig, source: config.label };
  return { value: undefined, source: "(not set)" };
}

/**
 * Resolves profile, region, bucket, endpoint, output and colour with their sources. Reads the config file (a
 * missing file is fine).
 *
 * @param flags - The global flags given.
 * @param io - Environment and home directory.
 * @param options - `profileMustExist` (default true): a profile named by `--profile` or `TENCENTCLOUD_PROFILE`
 *   must have a section in the config or the credentials file (exit 3 otherwise).
 * @returns The settings.
 * @example
 * ```ts
 * import { resolveSettings } from "./settings.js";
 * declare const io: import("../io.js").CliIo;
 * const settings = await resolveSettings({ region: "ap-beijing" }, io);
 * ```
 * @internal
 */
export async function resolveSettings(
  flags: SettingFlags,
  io: CliIo,
  options: { readonly profileMustExist?: boolean } = {},
): Promise<Settings> {
  const env = io.env;
  const profile: Setting =
    flags.profile !== undefined
      ? { value: flags.profile, source: "--profile" }
      : env.TENCENTCLOUD_PROFILE
        ? { value: env.TENCENTCLOUD_PROFILE, source: "env TENCENTCLOUD_PROFILE" }
        : { value: "default", source: "default" };
  const name = profile.value ?? "default";
  if (!/^[\w.-]+$/.test(name)) throw new CliError("USAGE", `--profile ${name}: use letters, digits, '.', '_' and '-'`);
  const file = configFilePath(env, io.homedir);
  const { values, found } = await readConfigProfile(file, name);
  if (
    options.profileMustExist !== false &&
    profile.source !== "default" &&
    found !== true &&
    !(await credentialsHaveProfile(env, io.homedir, name))
  ) {
    throw new CliError(
      "CONFIG",
      `the profile "${name}" (${profile.source}) could not be found in ${env.CIBATCH_CONFIG_FILE ? file : "~/.cibatch/config"} or the credentials file; check the name, or add a [${name}] section (cibatch configure --profile ${name})`,
    );
  }
  const label = `${env.CIBATCH_CONFIG_FILE ? file : "~/.cibatch/config"} [${name}]`;
  const color = flags.color === false ? "off" : flags.color === true ? undefined : flags.color;
  return {
    profile,
    region: pick(["--region", flags.region], ["CIBATCH_REGION", "TENCENTCLOUD_REGION"], env, {
      key: "region",
      values,
      label,
    }),
    bucket: pick(["--bucket", flags.bucket], ["CIBATCH_BUCKET"], env, { key: "bucket", values, label }),
    endpointUrl: pick(["--endpoint-url", flags.endpointUrl], ["CIBATCH_ENDPOINT_URL"], env, {
      key: "endpoint_url",
      values,
      label,
    }),
    output: pick(["--output", flags.output], ["CIBATCH_OUTPUT"], env, { key: "output", values, label }),
    color: pick([flags.color === false ? "--no-color" : "--color", color], [], env, { key: "color", values, label }),
    configFile: file,
  };
}

/** Whether the Tencent Cloud credentials file (`TENCENTCLOUD_CREDENTIALS_FILE`, else the usual places) has `[profile]`. */
async function credentialsHaveProfile(
  env: CliIo["env"],
  homedir: (() => string) | undefined,
  profile: string,
): Promise<boolean> {
  const candidates = [credentialsFilePath(env, homedir)];
  if (!env.TENCENTCLOUD_CREDENTIALS_FILE) candidates.push("/etc/tencentcloud/credentials");
  for (const candidate of candidates) {
    try {
      const text = await readFile(candidate, "utf8");
      const { parse } = await import("ini");
      const sections = parse(text) as Record<string, unknown>;
      if (typeof sections[profile] === "object") return true;
    } catch {
      // A missing or unreadable file has no such profile; the credential chain reports unreadable files itself.
    }
  }
  return false;
}

const REGION = /^[a-z]{2}-[a-z]+(?:-[a-z0-9]+)?$/;
const BUCKET = /^[a-z0-9][a-z0-9-]*[a-z0-9]-[0-9]+$/;

/**
 * Checks the resolved settings' values. A bad value is a usage error (exit 2) when it came from a flag and a
 * configuration error (exit 3) naming the variable or the file when it came from the environment or the config
 * file. A well-formed region this version does not know is allowed (new regions appear) with a warning naming
 * the closest known one.
 *
 * @param settings - The settings.
 * @param warn - Receives warnings.
 * @throws CliError `USAGE` or `CONFIG`.
 * @example
 * ```ts
 * import { checkSettings, resolveSettings } from "./settings.js";
 * declare const io: import("../io.js").CliIo;
 * checkSettings(await resolveSettings({}, io), (line) => io.stderr.write(`${line}\n`));
 * ```
 * @internal
 */
export function checkSettings(settings: Settings, warn: (line: string) => void): void {
  const bad = (setting: Setting, what: string, advice: string): never => {
    const where = setting.source.startsWith("env ")
      ? `${setting.source.slice(4)}=${setting.value}`
      : setting.source.startsWith("--")
        ? `${setting.source} ${setting.value}`
        : `${setting.source.split(" [")[0]}: ${what} = ${setting.value}`;
    throw new CliError(setting.source.startsWith("--") ? "USAGE" : "CONFIG", `${where}: ${advice}`);
  };
  const { region, bucket, endpointUrl, output, color } = settings;
  if (region.value !== undefined) {
    if (!REGION.test(region.value)) bad(region, "region", `not a region; regions look like ap-beijing or ap-guangzhou`);
    else if (!KNOWN_REGIONS.includes(region.value)) {
      warn(
        `cibatch: warning: region ${region.value} (${region.source}) is not one this version knows; did you mean ${closestRegion(region.value)}?`,
      );
    }
  }
  if (bucket.value !== undefined && !BUCKET.test(bucket.value)) {
    bad(bucket, "bucket", "not a bucket name; a bucket is <name>-<appid>, e.g. examplebucket-1250000000");
  }
  if (endpointUrl.value !== undefined) {
    let ok = false;
    try {
      ok = ["http:", "https:"].includes(new URL(endpointUrl.value).protocol);
    } catch {
      ok = false;
    }
    if (!ok) bad(endpointUrl, "endpoint_url", "not an http:// or https:// URL, e.g. http://127.0.0.1:9000");
  }
  if (output.value !== undefined && !["json", "table", "text", "yaml"].includes(output.value.toLowerCase())) {
    bad(output, "output", "use json, table, text or yaml");
  }
  if (color.value !== undefined && !["auto", "on", "off", "always", "never"].includes(color.value.toLowerCase())) {
    bad(color, "color", "use auto, on or off");
  }
}
