import type { CredentialsFileSystem } from "./types.js";

/**
 * What reading a profile file needs from the host: the file system, the home directory and path
 * joining. Under the `node` condition: `node:fs/promises`, `node:os` and `node:path`, imported on
 * first use.
 * @internal
 */
export async function loadNodeModules(): Promise<{
  readonly fs: CredentialsFileSystem;
  readonly homedir: () => string;
  readonly join: (...parts: string[]) => string;
}> {
  const [fs, os, path] = await Promise.all([import("node:fs/promises"), import("node:os"), import("node:path")]);
  return {
    fs: { readFile: (file, encoding) => fs.readFile(file, encoding), stat: (file) => fs.stat(file) },
    homedir: os.homedir,
    join: path.join,
  };
}
