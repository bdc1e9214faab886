import type { CommandHandler } from "../support/context.js";

/**
 * `cibatch fake`: runs the embedded fake CI service (`@cibatch/testing-fakes`, the same as `cibatch-fake`) with
 * the demo data unless `--jobs` says otherwise (`--seed` is its deprecated name). stdout gets its URL, then one JSON line; stderr gets the demo
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
  const { runFakeCli, DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION } = await import("@cibatch/testing-fakes/node");
  const o = ctx.options;
  const argv: string[] = [];
  const pass = (flag: string, value: unknown): void => {
    if (typeof value === "string") argv.push(flag, value);
  };
  pass("--host", o.host);
  pass("--port", o.port);
  for (const account of Array.isArray(o.account) ? (o.account as string[]) : []) argv.push("--account", account);
  if (typeof o.seed === "string") {
    if (typeof o.jobs === "string") {
      ctx.io.stderr.write("cibatch fake: give --jobs only (--seed is its old name)\n");
      return 2;
    }
    ctx.note(`cibatch: --seed is deprecated and will be removed; use --jobs ${o.seed}`);
  }
  const jobs = typeof o.jobs === "string" ? o.jobs : typeof o.seed === "string" ? o.seed : "demo";
  if (jobs !== "none") argv.push("--jobs", jobs);
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
  return runFakeCli(argv, {
    stdout,
    stderr: ctx.io.stderr,
    ...(ctx.io.onSignal && { onSignal: ctx.io.onSignal }),
  });
};
