import { loadNodeModules } from "#host-file-system";
import { CredentialsError } from "../errors/credentials-error.js";
import { createCredentials, createProvider } from "./create-credentials.js";
import {
  type CredentialProvider,
  type CredentialsFileSystem,
  type CredentialsLogger,
  defaultLogger,
  type Environment,
  type ResolvedCredentials,
} from "./types.js";

const PROFILE_VARIABLE = "TENCENTCLOUD_PROFILE";
const FILE_VARIABLE = "TENCENTCLOUD_CREDENTIALS_FILE";
const SYSTEM_FILE = "/etc/tencentcloud/credentials";

/**
 * Options of {@link fromProfileFile} (and of the file step of {@link defaultCredentialChain}).
 * @public
 */
export interface FromProfileFileOptions {
  /**
   * The INI section to read.
   * @defaultValue `TENCENTCLOUD_PROFILE`, else `"default"`
   */
  readonly profile?: string;
  /**
   * The credentials file; a leading `~/` means the home directory.
   * @defaultValue `TENCENTCLOUD_CREDENTIALS_FILE`, else `~/.tencentcloud/credentials`, else `/etc/tencentcloud/credentials`
   */
  readonly file?: string;
  /**
   * The environment that `TENCENTCLOUD_PROFILE` and `TENCENTCLOUD_CREDENTIALS_FILE` are read from.
   * @defaultValue `process.env`
   */
  readonly env?: Environment;
  /**
   * Returns the home directory.
   * @defaultValue `os.homedir`
   */
  readonly homedir?: () => string;
  /**
   * The file-system calls.
   * @defaultValue `node:fs/promises`
   */
  readonly fs?: CredentialsFileSystem;
  /**
   * Receives the warning about a group-readable file.
   * @defaultValue `process.emitWarning`
   */
  readonly logger?: CredentialsLogger;
  /**
   * The platform; permission bits are not checked on `"win32"`, where they mean nothing.
   * @defaultValue `process.platform`
   */
  readonly platform?: string;
}

/**
 * Reads a named profile from an INI credentials file, as written by Tencent's tools:
 *
 * ```ini
 * [default]
 * secret_id = AKID...
 * secret_key = ...
 *
 * [prod]
 * secret_id = AKID...
 * secret_key = ...
 * token = ...        ; optional, for temporary credentials
 * ```
 *
 * The file is refused when other users may read or write it (`mode & 0o007`); a group-readable file
 * is used with a warning. The file is read at every call.
 *
 * @param options - Profile, file and injected dependencies.
 * @returns A provider whose `source` is `"profile"`.
 *
 * Errors (rejections, all {@link CredentialsError}): `NOT_CONFIGURED` (no file at the default
 * locations), `FILE_NOT_FOUND` (the named file is missing), `FILE_UNREADABLE`, `FILE_INSECURE`,
 * `PROFILE_NOT_FOUND` (lists the sections found), `PROFILE_INCOMPLETE`, `INVALID_CREDENTIALS`.
 * @public
 */
export function fromProfileFile(options: FromProfileFileOptions = {}): CredentialProvider {
  return createProvider("profile", async () => (await resolveProfileFile(options)).credentials);
}

/** Reads the profile once and reports where it was found, as `profile:<name> (<file>)`. @internal */
export async function resolveProfileFile(options: FromProfileFileOptions): Promise<ResolvedCredentials> {
  const env = options.env ?? process.env;
  const node = await loadNodeModules();
  const homedir = options.homedir ?? node.homedir;
  const fs = options.fs ?? node.fs;
  const { join } = node;
  const profile = options.profile ?? nonEmpty(env[PROFILE_VARIABLE]) ?? "default";

  const named = options.file ?? nonEmpty(env[FILE_VARIABLE]);
  const candidates =
    named === undefined
      ? [join(homedir(), ".tencentcloud", "credentials"), SYSTEM_FILE]
      : [expandHome(named, homedir, join)];

  const file = await firstExisting(candidates, fs);
  if (file === undefined) {
    if (named === undefined) {
      throw new CredentialsError(`no credentials file at ${candidates.join(" or ")}.`, {
        code: "NOT_CONFIGURED",
        source: "profile",
      });
    }
    const origin = options.file === undefined ? ` (from ${FILE_VARIABLE})` : "";
    throw new CredentialsError(
      `The credentials file ${candidates[0]}${origin} does not exist. Create it or point ${FILE_VARIABLE} at an existing file.`,
      { code: "FILE_NOT_FOUND", source: "profile", file: String(candidates[0]) },
    );
  }

  checkPermissions(file, options);

  let text: string;
  try {
    text = await fs.readFile(file.path, "utf8");
  } catch (cause) {
    throw unreadable(file.path, cause);
  }

  // Loaded here, not at the top: the INI parser (the `ini` package) then stays out of browser
  // bundles, where this function is dead code, even when the package ships as shared chunks.
  const { parseProfileSections } = await import("./profile-sections.js");
  const sections = parseProfileSections(text);
  const section = sections.get(profile);
  if (section === undefined) {
    const found =
      sections.size === 0 ? "the file has no sections" : `sections found: ${[...sections.keys()].join(", ")}`;
    throw new CredentialsError(
      `Profile "${profile}" not found in ${file.path} (${found}). Add a [${profile}] section with secret_id and secret_key, or select another profile with ${PROFILE_VARIABLE}.`,
      { code: "PROFILE_NOT_FOUND", source: "profile", file: file.path, profile },
    );
  }
  const missing = ["secret_id", "secret_key"].filter((key) => section[key] === undefined || section[key] === "");
  if (missing.length > 0) {
    throw new CredentialsError(
      `Profile "${profile}" in ${file.path} has no ${missing.join(" or ")}. Add ${missing.map((key) => `${key} = ...`).join(" and ")} to the [${profile}] section.`,
      { code: "PROFILE_INCOMPLETE", source: "profile", file: file.path, profile },
    );
  }
  const source = `profile:${profile} (${file.path})`;
  const credentials = createCredentials(
    {
      // Non-string values (a bare key parses as `true`) are rejected by createCredentials.
      secretId: section.secret_id as string,
      secretKey: section.secret_key as string,
      sessionToken: section.token as string | undefined,
    },
    source,
  );
  return { credentials, source };
}

interface ExistingFile {
  readonly path: string;
  readonly mode: number;
}

async function firstExisting(paths: readonly string[], fs: CredentialsFileSystem): Promise<ExistingFile | undefined> {
  for (const path of paths) {
    let stats: { readonly mode: number; isFile(): boolean };
    try {
      stats = await fs.stat(path);
    } catch (cause) {
      const code = (cause as { code?: unknown } | null)?.code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw unreadable(path, cause);
    }
    if (!stats.isFile()) {
      throw new CredentialsError(`The credentials file ${path} is not a regular file.`, {
        code: "FILE_UNREADABLE",
        source: "profile",
        file: path,
      });
    }
    return { path, mode: stats.mode };
  }
  return undefined;
}

function checkPermissions(file: ExistingFile, options: FromProfileFileOptions): void {
  if ((options.platform ?? process.platform) === "win32") return;
  const mode = (file.mode & 0o777).toString(8).padStart(4, "0");
  if ((file.mode & 0o007) !== 0) {
    throw new CredentialsError(
      `Refusing to read the credentials file ${file.path}: other users can access it (mode ${mode}). Run: chmod 600 ${file.path}`,
      { code: "FILE_INSECURE", source: "profile", file: file.path },
    );
  }
  if ((file.mode & 0o070) !== 0) {
    (options.logger ?? defaultLogger).warn(
      `The credentials file ${file.path} is accessible to its group (mode ${mode}); run: chmod 600 ${file.path}`,
    );
  }
}

function unreadable(path: string, cause: unknown): CredentialsError {
  const code = (cause as { code?: unknown } | null)?.code;
  const reason = typeof code === "string" ? ` (${code})` : "";
  return new CredentialsError(
    `Could not read the credentials file ${path}${reason}; check that it is a file you own and can read.`,
    { code: "FILE_UNREADABLE", source: "profile", file: path, cause },
  );
}

function expandHome(path: string, homedir: () => string, join: (...parts: string[]) => string): string {
  return path === "~" || path.startsWith("~/") ? join(homedir(), path.slice(1)) : path;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
