import { homedir as osHomedir } from "node:os";
import { join } from "node:path";

/**
 * Where `configure` writes keys: `TENCENTCLOUD_CREDENTIALS_FILE` (a leading `~/` is the home directory), else
 * `~/.tencentcloud/credentials`, the file Tencent Cloud's tools read.
 *
 * @param env - The environment.
 * @param homedir - Returns the home directory.
 * @returns The path.
 * @example
 * ```ts
 * import { credentialsFilePath } from "./credentials-file.js";
 * credentialsFilePath({}, () => "/home/me"); // "/home/me/.tencentcloud/credentials"
 * ```
 * @internal
 */
export function credentialsFilePath(env: Readonly<Record<string, string | undefined>>, homedir?: () => string): string {
  const home = (homedir ?? osHomedir)();
  const named = env.TENCENTCLOUD_CREDENTIALS_FILE;
  if (named) return named.replace(/^~(?=\/)/, home);
  return join(home, ".tencentcloud", "credentials");
}
