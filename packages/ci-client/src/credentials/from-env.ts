import { CredentialsError } from "../errors/credentials-error.js";
import { createCredentials, createProvider } from "./create-credentials.js";
import type { CredentialProvider, Credentials, Environment } from "./types.js";

const SECRET_ID = "TENCENTCLOUD_SECRET_ID";
const SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
const SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";
const TOKEN = "TENCENTCLOUD_TOKEN";

/**
 * Options of {@link fromEnv}.
 * @public
 */
export interface FromEnvOptions {
  /**
   * The variables to read.
   * @defaultValue `process.env`, read at each call
   */
  readonly env?: Environment;
}

/**
 * Reads credentials from `TENCENTCLOUD_SECRET_ID` and `TENCENTCLOUD_SECRET_KEY`, with the token from
 * `TENCENTCLOUD_SESSION_TOKEN` (the Tencent Node SDK's name) or else `TENCENTCLOUD_TOKEN` (tccli's).
 * Empty variables count as unset. The variables are read at every call.
 *
 * @param options - The environment to read.
 * @returns A provider whose `source` is `"env"`.
 *
 * Errors (rejections, all {@link CredentialsError}): `NOT_CONFIGURED` when neither the id nor the key is set;
 * `ENV_INCOMPLETE` (naming the missing variable in `variable`) when only one of them is; `INVALID_CREDENTIALS`
 * for a value with whitespace or control characters.
 * @public
 */
export function fromEnv(options: FromEnvOptions = {}): CredentialProvider {
  return createProvider("env", async () => readEnvCredentials(options.env ?? process.env));
}

/** Reads the `TENCENTCLOUD_*` credential variables once (see {@link fromEnv}). @internal */
export function readEnvCredentials(env: Environment): Credentials {
  const secretId = nonEmpty(env[SECRET_ID]);
  const secretKey = nonEmpty(env[SECRET_KEY]);
  if (secretId === undefined && secretKey === undefined) {
    throw new CredentialsError(`${SECRET_ID} and ${SECRET_KEY} are not set.`, {
      code: "NOT_CONFIGURED",
      source: "env",
    });
  }
  if (secretId === undefined || secretKey === undefined) {
    const [missing, present] = secretId === undefined ? [SECRET_ID, SECRET_KEY] : [SECRET_KEY, SECRET_ID];
    throw new CredentialsError(
      `${present} is set but ${missing} is not: set both to use credentials from the environment, or unset ${present}.`,
      { code: "ENV_INCOMPLETE", source: "env", variable: missing },
    );
  }
  const sessionToken = nonEmpty(env[SESSION_TOKEN]) ?? nonEmpty(env[TOKEN]);
  return createCredentials({ secretId, secretKey, sessionToken }, "the environment");
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
