import { CiClient, type CredentialChain, redactText, type TimeoutOptions } from "@cibatch/ci-client";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import type { Settings } from "../settings/settings.js";

/**
 * What {@link createClient} needs.
 *
 * @example
 * ```ts
 * import type { ClientInputs } from "./make-client.js";
 * declare const inputs: ClientInputs;
 * console.log(inputs.settings.bucket.value);
 * ```
 * @internal
 */
export interface ClientInputs {
  readonly settings: Settings;
  readonly io: CliIo;
  readonly chain: CredentialChain;
  readonly timeouts: TimeoutOptions;
  readonly debug: boolean;
  readonly note: (line: string) => void;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly version: string;
}

function compact(fields: Readonly<Record<string, unknown>> | undefined): string {
  if (fields === undefined) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
  }
  return parts.length > 0 ? ` ${parts.join(" ")}` : "";
}

/**
 * Builds the `CiClient` from the resolved settings: bucket and region are required (exit 3 with what to set);
 * `--endpoint-url` changes where requests go, not the signed `Host`. With `--debug` every attempt is traced on
 * stderr, redacted (the client redacts headers and URLs; the line is redacted once more as a whole).
 *
 * @param inputs - Settings, io, credentials chain, timeouts, debug.
 * @returns The client.
 * @throws CliError `CONFIG` when bucket or region is missing.
 * @example
 * ```ts
 * import { createClient } from "./make-client.js";
 * declare const inputs: import("./make-client.js").ClientInputs;
 * const client = createClient(inputs);
 * ```
 * @internal
 */
export function createClient(inputs: ClientInputs): CiClient {
  const { settings } = inputs;
  const bucket = settings.bucket.value;
  const region = settings.region.value;
  const profile = settings.profile.value ?? "default";
  if (bucket === undefined) {
    throw new CliError(
      "CONFIG",
      `no bucket: pass --bucket <name-appid>, set CIBATCH_BUCKET, or add "bucket = ..." to [${profile}] in ~/.cibatch/config`,
    );
  }
  if (region === undefined) {
    throw new CliError(
      "CONFIG",
      `no region: pass --region (e.g. ap-beijing), set CIBATCH_REGION, or add "region = ..." to [${profile}] in ~/.cibatch/config`,
    );
  }
  const write = (line: string): void => inputs.note(redactText(line));
  return new CiClient({
    bucket,
    region,
    endpoint: settings.endpointUrl.value,
    credentials: inputs.chain,
    fetch: inputs.io.fetch,
    timeouts: inputs.timeouts,
    clock: { now: inputs.now, sleep: inputs.sleep },
    userAgent: `cibatch-cli/${inputs.version}`,
    logger: {
      ...(inputs.debug && {
        debug: (message: string, fields?: Readonly<Record<string, unknown>>) =>
          write(`[debug] ${message}${compact(fields)}`),
      }),
      warn: (message: string) => write(`cibatch: warning: ${message}`),
    },
  });
}
