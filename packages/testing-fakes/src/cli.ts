import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { parseArgs } from "node:util";
import { type FakeAccount, parseAccountFlag } from "./accounts.js";
import { manualClock, realClock } from "./clock.js";
import { CONTROL_TOKEN_HEADER } from "./control-api.js";
import { DEMO_ACCOUNT } from "./demo-seed.js";
import { FakeCiError, isFakeCiError } from "./errors.js";
import type { SeedJob } from "./job-types.js";
import { createFakeCi, type NodeFakeCiOptions } from "./node-fake.js";
import { parseTransition } from "./transition.js";

/**
 * What {@link runFakeCli} talks to: output streams and the termination signals. Tests pass their own.
 *
 * @example
 * ```ts
 * import type { FakeCliIo } from "@cibatch/testing-fakes/node";
 * const lines: string[] = [];
 * const io: FakeCliIo = {
 *   stdout: { write: (text) => lines.push(text) },
 *   stderr: { write: () => true },
 *   onSignal: (handler) => {
 *     setTimeout(() => handler("SIGTERM"), 10);
 *     return () => undefined;
 *   },
 * };
 * ```
 */
export interface FakeCliIo {
  /** Where the URL line and the JSON details go. */
  readonly stdout: {
    /** Writes text as is. */
    write(text: string): unknown;
  };
  /** Where notes and errors go. */
  readonly stderr: {
    /** Writes text as is. */
    write(text: string): unknown;
  };
  /**
   * Subscribes to SIGINT/SIGTERM; returns an unsubscribe function.
   * Default: `process.once("SIGINT" | "SIGTERM")`.
   */
  readonly onSignal?: (handler: (signal: string) => void) => () => void;
}

/**
 * The usage text of `cibatch-fake`.
 *
 * @example
 * ```ts
 * import { FAKE_CLI_USAGE } from "@cibatch/testing-fakes/node";
 * console.log(FAKE_CLI_USAGE);
 * ```
 */
export const FAKE_CLI_USAGE: string = `Usage: cibatch-fake [options]

Runs a fake Tencent Cloud CI batch-job service (/inventorytriggerjob) that verifies signatures for real.
Prints its URL as the first line on stdout, then one JSON line with details; stops on SIGINT/SIGTERM.

Options:
  --host <host>              address to bind (default 127.0.0.1)
  --port <port>              port to bind (default 0: a free port)
  --account <b-appid:id:key[:token]>
                             accept these credentials for that bucket's APPID (repeatable);
                             default: the demo account ${DEMO_ACCOUNT.secretId}
  --jobs <demo|FILE>         jobs to start with: the built-in demo set, or a JSON file of jobs
                             (wire names: {"Name", "Type", "State", "Input", "Operation", ...})
  --seed <demo|FILE>         the old name of --jobs (deprecated)
  --state <FILE>             load state from FILE at start, write it back on change and on exit
  --random-seed <n>          integer seed of ids and fault dice (default: random, printed)
  --clock <real|manual>      clock (default real; manual moves through POST /_fake/clock)
  --transition <mode>        immediate | manual | afterMs:<n> | afterDescribes:<n> (default afterDescribes:2)
  --auth-errors <cos|ci>     error table for signature failures (default cos)
  --allow-any-signature      accept any signature (explicit opt-out of verification)
  --bucket <bucket-appid>    bucket for non-CI Host headers (default examplebucket-1250000000)
  --region <region>          region for non-CI Host headers (default ap-beijing)
  --control-token <token>    require ${CONTROL_TOKEN_HEADER} on /_fake/ requests
  -h, --help                 show this help
`;

function defaultOnSignal(handler: (signal: string) => void): () => void {
  const onInt = (): void => handler("SIGINT");
  const onTerm = (): void => handler("SIGTERM");
  process.once("SIGINT", onInt);
  process.once("SIGTERM", onTerm);
  return () => {
    process.off("SIGINT", onInt);
    process.off("SIGTERM", onTerm);
  };
}

function readJobsFile(flag: string, file: string): SeedJob[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (cause) {
    throw new FakeCiError("UsageError", `${flag} ${file}: cannot read a JSON file of jobs`, { cause });
  }
  const jobs = Array.isArray(json) ? json : (json as { jobs?: unknown } | null)?.jobs;
  if (!Array.isArray(jobs))
    throw new FakeCiError("UsageError", `${flag} ${file}: expected a JSON array of jobs or {"jobs": [...]}`);
  return jobs as SeedJob[];
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function checkHost(host: string): string {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (isIP(bare) !== 0 || HOST_NAME.test(bare)) return bare;
  throw new FakeCiError(
    "UsageError",
    `--host ${JSON.stringify(host)} is not an address to bind; give an IP address (127.0.0.1, ::1, 0.0.0.0) or a host name`,
  );
}

function checkRandomSeed(value: string): number {
  const seed = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(seed)) {
    throw new FakeCiError("UsageError", `--random-seed ${value} is not an integer; give one like --random-seed 42`);
  }
  return seed;
}

/** Errors of `listen()` that mean "this --host/--port cannot be bound", not a fault of the fake. */
const BIND_ERRORS: ReadonlySet<unknown> = new Set(["EADDRINUSE", "EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN", "EACCES"]);

/**
 * The `cibatch-fake` command as a function: parses `argv`, starts the fake, prints its URL (first line) and a JSON
 * line `{url, controlUrl, randomSeed, bucket, region, accounts}`, then serves until SIGINT/SIGTERM, closes, writes
 * the state file and resolves with the exit code (0; 2 for a usage error).
 *
 * @param argv - arguments without `node` and the script (`process.argv.slice(2)`)
 * @param io - output and signal hooks
 * @example
 * ```ts
 * import { runFakeCli } from "@cibatch/testing-fakes/node";
 * const code = await runFakeCli(["--port", "0", "--jobs", "demo"], { stdout: process.stdout, stderr: process.stderr });
 * process.exitCode = code;
 * ```
 */
export async function runFakeCli(argv: readonly string[], io: FakeCliIo): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    io.stderr.write(`cibatch-fake: ${(error as Error).message}\n\n${FAKE_CLI_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(FAKE_CLI_USAGE);
    return 0;
  }
  let fake: ReturnType<typeof createFakeCi>;
  try {
    const accounts: FakeAccount[] = (values.account ?? []).map(parseAccountFlag);
    const port = Number(values.port ?? "0");
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new FakeCiError("UsageError", `--port ${values.port} is not a port`);
    if (values.clock !== undefined && values.clock !== "real" && values.clock !== "manual") {
      throw new FakeCiError("UsageError", "--clock must be real or manual");
    }
    if (values["auth-errors"] !== undefined && values["auth-errors"] !== "cos" && values["auth-errors"] !== "ci") {
      throw new FakeCiError("UsageError", "--auth-errors must be cos or ci");
    }
    const host = checkHost(values.host ?? "127.0.0.1");
    const options: { -readonly [K in keyof NodeFakeCiOptions]: NodeFakeCiOptions[K] } = {
      clock: values.clock === "manual" ? manualClock(Date.now()) : realClock(),
      allowAnySignature: values["allow-any-signature"] === true,
    };
    if (accounts.length > 0) options.accounts = accounts;
    if (values["random-seed"] !== undefined) options.randomSeed = checkRandomSeed(values["random-seed"]);
    if (values.transition !== undefined) options.transition = parseTransition(values.transition);
    if (values["auth-errors"] !== undefined) options.authErrors = values["auth-errors"] as "cos" | "ci";
    if (values.bucket !== undefined) options.bucket = values.bucket;
    if (values.region !== undefined) options.region = values.region;
    if (values.state !== undefined) options.stateFile = values.state;
    if (values["control-token"] !== undefined) options.controlApi = { token: values["control-token"] };
    if (values.seed !== undefined) {
      if (values.jobs !== undefined) throw new FakeCiError("UsageError", "give --jobs only (--seed is its old name)");
      io.stderr.write(
        `cibatch-fake: --seed is deprecated and will be removed; use --jobs ${values.seed} (--random-seed seeds ids)\n`,
      );
    }
    const jobsFlag = values.jobs !== undefined ? "--jobs" : "--seed";
    const jobs = values.jobs ?? values.seed;
    if (jobs !== undefined) options.jobs = jobs === "demo" ? "demo" : readJobsFile(jobsFlag, jobs);
    // Jobs are seeded only into a fresh fake: a reloaded state already holds its jobs.
    fake = createFakeCi(options);
    const server = await fake.listen({ host, port });
    io.stdout.write(`${server.url}\n`);
    io.stdout.write(
      `${JSON.stringify({
        url: server.url,
        controlUrl: `${server.url}/_fake`,
        randomSeed: fake.randomSeed,
        bucket: fake.defaults.bucket,
        region: fake.defaults.region,
        accounts: fake.keys.list().map((a) => a.secretId),
      })}\n`,
    );
    if (accounts.length === 0) {
      io.stderr.write(
        `cibatch-fake: accepting the demo account ${DEMO_ACCOUNT.secretId} (secret key ${DEMO_ACCOUNT.secretKey}); pass --account to use your own\n`,
      );
    }
    const signal = await new Promise<string>((resolve) => {
      const off = (io.onSignal ?? defaultOnSignal)((name) => {
        off();
        resolve(name);
      });
    });
    await server.close();
    fake.state.flush();
    io.stderr.write(`cibatch-fake: stopped on ${signal}\n`);
    return 0;
  } catch (error) {
    if (isFakeCiError(error) || BIND_ERRORS.has((error as { code?: unknown }).code)) {
      io.stderr.write(`cibatch-fake: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      account: { type: "string", multiple: true },
      jobs: { type: "string" },
      seed: { type: "string" },
      state: { type: "string" },
      "random-seed": { type: "string" },
      clock: { type: "string" },
      transition: { type: "string" },
      "auth-errors": { type: "string" },
      "allow-any-signature": { type: "boolean" },
      bucket: { type: "string" },
      region: { type: "string" },
      "control-token": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
