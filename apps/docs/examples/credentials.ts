import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CiClient,
  type Credentials,
  defaultCredentialChain,
  fromProfileFile,
  maskCredentials,
  refreshingProvider,
} from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** The credential chain with an injected environment, a profile file, and short-lived keys that refresh. */
export async function main(env: ExampleEnv): Promise<string[]> {
  const log = env.log ?? console.log;
  const sources: string[] = [];

  // #region chain
  // What the client does when you pass no `credentials`: environment first, then the profile file.
  // `env` defaults to process.env; it is injected here.
  const chain = defaultCredentialChain({
    env: {
      TENCENTCLOUD_SECRET_ID: env.credentials.secretId,
      TENCENTCLOUD_SECRET_KEY: env.credentials.secretKey,
    },
  });
  const { credentials, source } = await chain.resolve();
  log(source, credentials); // "env" { secretId: '****0000', secretKey: '[REDACTED]' }
  // #endregion chain
  sources.push(source);

  const dir = await mkdtemp(join(tmpdir(), "cibatch-docs-"));
  try {
    // #region profile
    const file = join(dir, "credentials");
    await writeFile(
      file,
      `[prod]\nsecret_id = ${env.credentials.secretId}\nsecret_key = ${env.credentials.secretKey}\n`,
    );
    await chmod(file, 0o600); // a file other users can read is refused
    const prod = fromProfileFile({ profile: "prod", file });
    log(prod.source, maskCredentials(await prod()));
    // #endregion profile
    sources.push((await defaultCredentialChain({ env: {}, profile: "prod", file }).resolve()).source);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // #region refreshing
  // Temporary keys (STS): fetched on first use, refreshed in the background before `expiresAt`,
  // one fetch at a time however many calls wait.
  let fetches = 0;
  const temporary = refreshingProvider(async (): Promise<Credentials> => {
    fetches += 1;
    return { ...env.credentials, expiresAt: new Date(Date.now() + 30 * 60_000) };
  });
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: temporary,
  });
  await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
  await client.describeJob("b3deffea2f84911ec9cb15254008618d9");
  log(`${fetches} fetch for two calls`);
  // #endregion refreshing
  sources.push(`fetches=${fetches}`);
  return sources;
}
