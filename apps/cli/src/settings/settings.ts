import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { type ConfigKey, configFilePath, readConfigProfile } from "./config-file.js";

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
 * @returns The settings.
 * @example
 * ```ts
 * import { resolveSettings } from "./settings.js";
 * declare const io: import("../io.js").CliIo;
 * const settings = await resolveSettings({ region: "ap-beijing" }, io);
 * ```
 * @internal
 */
export async function resolveSettings(flags: SettingFlags, io: CliIo): Promise<Settings> {
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
  const { values } = await readConfigProfile(file, name);
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
