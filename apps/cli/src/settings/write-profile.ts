import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parse, stringify } from "ini";
import { CliError } from "../cli-error.js";

/**
 * Sets keys of one `[profile]` section of an INI file, creating the file (mode 0600, its folder 0700) or the
 * section as needed; an existing file is made 0600 too, since it may hold keys. An `undefined` value removes the
 * key. Comments in the file are not kept.
 *
 * @param file - The INI file.
 * @param profile - The section.
 * @param values - The keys to set.
 * @throws CliError `CONFIG` when the file cannot be read or written.
 * @example
 * ```ts
 * import { writeProfile } from "./write-profile.js";
 * await writeProfile("/home/me/.cibatch/config", "default", { region: "ap-beijing" });
 * ```
 * @internal
 */
export async function writeProfile(
  file: string,
  profile: string,
  values: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  let sections: Record<string, unknown> = {};
  try {
    sections = parse(await readFile(file, "utf8")) as Record<string, unknown>;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new CliError("CONFIG", `cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
  }
  const current = sections[profile];
  const section: Record<string, unknown> = current !== null && typeof current === "object" ? { ...current } : {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete section[key];
    else section[key] = value;
  }
  sections[profile] = section;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, stringify(sections, { whitespace: true }), { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (cause) {
    throw new CliError("CONFIG", `cannot write ${file}: ${(cause as Error).message}`, { cause });
  }
}
