import { CredentialsError } from "../errors/credentials-error.js";
import type { CredentialsFileSystem } from "./types.js";

/**
 * What reading a profile file needs from the host, outside Node (browsers, workers): there is no
 * file system, so this rejects with a `CredentialsError` (`FILE_UNREADABLE`). Nothing here imports `node:*`,
 * so a browser bundle of an app that imports the package builds with a bundler's defaults.
 * @internal
 */
export async function loadNodeModules(): Promise<{
  readonly fs: CredentialsFileSystem;
  readonly homedir: () => string;
  readonly join: (...parts: string[]) => string;
}> {
  throw new CredentialsError(
    "No profile file outside Node: there is no file system to read. Pass the `credentials` option instead.",
    { code: "FILE_UNREADABLE", source: "profile" },
  );
}
