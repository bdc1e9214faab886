import { isCiError } from "../errors/ci-error.js";
import { CredentialsError, isCredentialsError } from "../errors/credentials-error.js";
import { createCredentials } from "./create-credentials.js";
import { readEnvCredentials } from "./from-env.js";
import { type FromProfileFileOptions, resolveProfileFile } from "./from-profile-file.js";
import type { CredentialProvider, CredentialsInput, ResolvedCredentials } from "./types.js";

/**
 * Options of {@link defaultCredentialChain}: explicit credentials, plus everything the profile-file
 * step accepts (the `env` map is also where the environment step reads).
 * @public
 */
export interface DefaultCredentialChainOptions extends FromProfileFileOptions {
  /**
   * Credentials given by the caller; when set, the chain uses nothing else. A function is called on
   * every chain call (so it can refresh; {@link refreshingProvider} returns such a function).
   */
  readonly credentials?: CredentialsInput | (() => Promise<CredentialsInput>);
}

/**
 * The default chain: a {@link CredentialProvider} that can also say where its credentials came from.
 * @public
 */
export interface CredentialChain extends CredentialProvider {
  /** Resolves to the credentials and their source (`"explicit"`, `"env"`, `"profile:<name> (<file>)"`). */
  resolve(): Promise<ResolvedCredentials>;
}

/**
 * Finds credentials the way every cibatch tool does; the first source that has them wins:
 *
 * 1. explicit: the `credentials` option (an object or a provider function);
 * 2. env: `TENCENTCLOUD_SECRET_ID` + `TENCENTCLOUD_SECRET_KEY` (+ `TENCENTCLOUD_SESSION_TOKEN` or `TENCENTCLOUD_TOKEN`);
 * 3. profile file: the profile from `profile` / `TENCENTCLOUD_PROFILE` / `default`, in `file` /
 *    `TENCENTCLOUD_CREDENTIALS_FILE` / `~/.tencentcloud/credentials` / `/etc/tencentcloud/credentials`.
 *
 * CVM instance roles and TKE OIDC are not supported yet.
 *
 * A source that is absent is skipped; a source that is present but broken (one env variable of the
 * two, a world-readable file, a missing profile) stops the chain with its own error rather than
 * silently falling through to other credentials. The environment and the file are read once: the
 * result is cached, and concurrent first calls share one lookup (a failed lookup is retried on the
 * next call). An explicit provider function is called every time.
 *
 * @param options - Explicit credentials, profile selection and injected dependencies.
 * @returns The chain; call it for credentials, or `chain.resolve()` for credentials and source.
 *
 * Errors (rejections, all {@link CredentialsError}): `NO_CREDENTIALS` when no source has credentials
 * (`tried` lists each source and why it was skipped), or the error of the broken source.
 * @public
 */
export function defaultCredentialChain(options: DefaultCredentialChainOptions = {}): CredentialChain {
  const explicit = options.credentials;
  let resolve: () => Promise<ResolvedCredentials>;
  if (typeof explicit === "function") {
    resolve = async () => ({
      credentials: createCredentials(await callExplicit(explicit), "explicit"),
      source: "explicit",
    });
  } else if (explicit !== undefined) {
    const resolved: ResolvedCredentials = { credentials: createCredentials(explicit, "explicit"), source: "explicit" };
    resolve = () => Promise.resolve(resolved);
  } else {
    let memo: Promise<ResolvedCredentials> | undefined;
    resolve = () => {
      if (memo === undefined) {
        const lookup = lookUp(options);
        memo = lookup;
        lookup.catch(() => {
          if (memo === lookup) memo = undefined;
        });
      }
      return memo;
    };
  }
  const chain = async () => (await resolve()).credentials;
  Object.defineProperties(chain, {
    source: { value: "default-chain", enumerable: true },
    resolve: { value: resolve },
  });
  return chain as CredentialChain;
}

async function callExplicit(provider: () => Promise<CredentialsInput>): Promise<CredentialsInput> {
  try {
    return await provider();
  } catch (cause) {
    if (isCiError(cause)) throw cause;
    throw new CredentialsError("The credentials provider given as the `credentials` option failed (see `cause`).", {
      code: "PROVIDER_FAILED",
      source: "explicit",
      cause,
    });
  }
}

async function lookUp(options: FromProfileFileOptions): Promise<ResolvedCredentials> {
  const tried = ["explicit: no `credentials` option given"];
  try {
    return { credentials: readEnvCredentials(options.env ?? process.env), source: "env" };
  } catch (error) {
    tried.push(`env: ${skipped(error)}`);
  }
  try {
    return await resolveProfileFile(options);
  } catch (error) {
    tried.push(`profile file: ${skipped(error)}`);
  }

  tried.push("CVM instance role: not supported yet");
  throw new CredentialsError(
    [
      "No Tencent Cloud credentials found. Tried, in order:",
      ...tried.map((line, index) => `  ${index + 1}. ${line}`),
      "To fix: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or add a [default] section with secret_id and secret_key to ~/.tencentcloud/credentials (chmod 600), or pass credentials explicitly.",
    ].join("\n"),
    { code: "NO_CREDENTIALS", tried },
  );
}

/** Returns why a source was skipped, or rethrows when the source is present but broken. */
function skipped(error: unknown): string {
  if (isCredentialsError(error) && error.code === "NOT_CONFIGURED") return error.message;
  throw error;
}
