import { isIP } from "node:net";
import { CliError } from "../cli-error.js";
import type { CommandHandler } from "../support/context.js";

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Checks `--host` before anything is bound: an IPv4 or IPv6 address, or a host name. Digits and dots alone must
 * be an IPv4 address (`256.0.0.1` is not one).
 *
 * @param host - The flag's value.
 * @throws CliError `USAGE` naming the flag.
 */
function checkHost(host: string): void {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  const ok = /^[\d.]+$/.test(bare) ? isIP(bare) === 4 : bare.includes(":") ? isIP(bare) === 6 : HOSTNAME.test(bare);
  if (!ok) {
    throw new CliError(
      "USAGE",
      `--host ${host}: not an IP address or host name to listen on (e.g. 127.0.0.1, ::1, localhost)`,
    );
  }
}

/** System errors of `listen` that mean the address given cannot be used here. */
const ADDRESS_ERRORS = new Set(["EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN", "EADDRINUSE", "EACCES", "EAFNOSUPPORT"]);

/**
 * `cibatch fake`: runs the embedded fake CI service (`@cibatch/testing-fakes`, the same as `cibatch-fake`) with
 * the demo data unless `--seed` says otherwise. stdout gets its URL, then one JSON line; stderr gets the demo
 * credentials and the `export` lines that point `cibatch` at it. Serves until SIGINT/SIGTERM, then exits 0.
 *
 * @example
 * ```ts
 * import { execute } from "./fake.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const { runFakeCli, DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION } = await import("@cibatch/testing-fakes");
  const o = ctx.options;
  if (typeof o.host === "string") checkHost(o.host);
  const argv: string[] = [];
  const pass = (flag: string, value: unknown): void => {
    if (typeof value === "string") argv.push(flag, value);
  };
  pass("--host", o.host);
  pass("--port", o.port);
  for (const account of Array.isArray(o.account) ? (o.account as string[]) : []) argv.push("--account", account);
  const seed = typeof o.seed === "string" ? o.seed : "demo";
  if (seed !== "none") argv.push("--seed", seed);
  pass("--state", o.state);
  pass("--random-seed", o.randomSeed);
  pass("--clock", o.clock);
  pass("--transition", o.transition);
  pass("--auth-errors", o.authErrors);
  if (o.allowAnySignature === true) argv.push("--allow-any-signature");
  pass("--control-token", o.controlToken);
  const { bucket, region } = ctx.settings;
  if (bucket.source === "--bucket") pass("--bucket", bucket.value);
  if (region.source === "--region") pass("--region", region.value);
  let announced = false;
  const stdout = {
    write: (text: string): unknown => {
      const result = ctx.io.stdout.write(text);
      if (!announced && /^https?:\/\//.test(text)) {
        announced = true;
        const url = text.trim();
        const accounts = Array.isArray(o.account) && o.account.length > 0;
        ctx.note(
          [
            "cibatch: point cibatch at the fake with:",
            `  export CIBATCH_ENDPOINT_URL=${url} CIBATCH_BUCKET=${bucket.source === "--bucket" ? bucket.value : DEMO_BUCKET} CIBATCH_REGION=${region.source === "--region" ? region.value : DEMO_REGION}`,
            accounts
              ? "  export TENCENTCLOUD_SECRET_ID=<your --account id> TENCENTCLOUD_SECRET_KEY=<its key>"
              : `  export TENCENTCLOUD_SECRET_ID=${DEMO_ACCOUNT.secretId} TENCENTCLOUD_SECRET_KEY=${DEMO_ACCOUNT.secretKey}`,
          ].join("\n"),
        );
      }
      return result;
    },
  };
  try {
    return await runFakeCli(argv, {
      stdout,
      stderr: ctx.io.stderr,
      ...(ctx.io.onSignal && { onSignal: ctx.io.onSignal }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code === undefined || !ADDRESS_ERRORS.has(code)) throw error;
    const where = `${typeof o.host === "string" ? o.host : "127.0.0.1"}:${typeof o.port === "string" ? o.port : "0"}`;
    throw new CliError("USAGE", `--host/--port ${where}: cannot listen there (${code}); pick another address or port`, {
      cause: error,
    });
  }
};
