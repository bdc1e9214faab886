import { readFile } from "node:fs/promises";
import { homedir as osHomedir } from "node:os";
import { join } from "node:path";
import { CliError } from "../cli-error.js";

/** The keys a profile of `~/.cibatch/config` may set. */
const KEYS = ["region", "bucket", "endpoint_url", "output", "color"] as const;

/**
 * A key of a `~/.cibatch/config` profile.
 *
 * @example
 * ```ts
 * import type { ConfigKey } from "./config-file.js";
 * const key: ConfigKey = "endpoint_url";
 * ```
 * @internal
 */
export type ConfigKey = (typeof KEYS)[number];

/**
 * One profile of the CLI config file, and where it was read from.
 *
 * @example
 * ```ts
 * import type { ConfigProfile } from "./config-file.js";
 * const none: ConfigProfile = { file: "/home/me/.cibatch/config", values: {} };
 * ```
 * @internal
 */
export interface ConfigProfile {
  readonly file: string;
  readonly values: Partial<Record<ConfigKey, string>>;
  /** Whether the file has a section for the profile. */
  readonly found?: boolean;
}

/**
 * Where the CLI config lives: `CIBATCH_CONFIG_FILE`, else `~/.cibatch/config`.
 *
 * @param env - The environment.
 * @param homedir - Returns the home directory.
 * @returns The path.
 * @example
 * ```ts
 * import { configFilePath } from "./config-file.js";
 * configFilePath({}, () => "/home/me"); // "/home/me/.cibatch/config"
 * ```
 * @internal
 */
export function configFilePath(env: Readonly<Record<string, string | undefined>>, homedir?: () => string): string {
  const named = env.CIBATCH_CONFIG_FILE;
  if (named) return named;
  return join((homedir ?? osHomedir)(), ".cibatch", "config");
}

/**
 * Reads one profile (`[default]`, `[prod]`, ...) of the INI config file. A missing file or section is empty; an
 * unreadable or malformed file is a configuration error (exit 3).
 *
 * @param file - The path.
 * @param profile - The section.
 * @returns The profile's known keys.
 * @example
 * ```ts
 * import { readConfigProfile } from "./config-file.js";
 * const { values } = await readConfigProfile("/home/me/.cibatch/config", "default");
 * console.log(values.region);
 * ```
 * @internal
 */
export async function readConfigProfile(file: string, profile: string): Promise<ConfigProfile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return { file, values: {} };
    throw new CliError("CONFIG", `cannot read the config file ${file}: ${(cause as Error).message}`, { cause });
  }
  // Loaded only when there is a file to read (most runs in CI and tests have none).
  const { parse } = await import("ini");
  const sections = parse(text) as Record<string, unknown>;
  // `ini` nests dotted section names ([team.prod]); look them up the same way.
  let section: unknown = sections[profile];
  if (section === undefined && profile.includes(".")) {
    section = profile
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], sections);
  }
  const values: Partial<Record<ConfigKey, string>> = {};
  const found = section !== null && typeof section === "object";
  if (found) {
    for (const key of KEYS) {
      const value = (section as Record<string, unknown>)[key];
      if (typeof value === "string" && value.trim() !== "") values[key] = value.trim();
    }
  }
  return { file, values, found };
}
