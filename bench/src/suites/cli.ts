import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createFakeCi, DEMO_ACCOUNT, DEMO_JOB_ID, demoJobs } from "@cibatch/testing-fakes/node";
import { costMetric, interleavedRounds, type Metric, type Suite } from "../measure.js";

// bench/dist/suites/cli.js → the repository root → the CLI's built binary.
const BIN = fileURLToPath(new URL("../../../apps/cli/dist/bin.js", import.meta.url));
const ROUNDS = 7;

/** Spawns `node args` and resolves with its wall time in ms (the whole process, start to exit). */
function timed(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...args], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr}`));
    });
  });
}

/**
 * Whole-process time of `cibatch --help` and of `cibatch jobs describe <id>` against a fake listener started in
 * this process, beside `node -e 0` (the floor of any Node CLI), medians of interleaved rounds. Goal: `--help` at
 * most 2× `node -e 0` (the CLI loads only commander and the command table for help).
 */
export const cliSuite: Suite = {
  name: "cli",
  async run(): Promise<Metric[]> {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the CLI first (pnpm --filter @cibatch/cli build)`);
    const fake = createFakeCi({ randomSeed: 3, transition: { mode: "manual" }, journalLimit: 100 });
    for (const job of demoJobs()) fake.jobs.seed(job);
    const server = await fake.listen();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      CIBATCH_ENDPOINT_URL: server.url,
      CIBATCH_BUCKET: "examplebucket-1250000000",
      CIBATCH_REGION: "ap-beijing",
      TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
      TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
      CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-bench/config",
    };
    try {
      const results = await interleavedRounds(
        {
          node: () => timed(["-e", "0"], env),
          help: () => timed([BIN, "--help"], env),
          describe: () => timed([BIN, "jobs", "describe", DEMO_JOB_ID, "-o", "json"], env),
        },
        ROUNDS,
      );
      const node = results.node?.median ?? Number.NaN;
      const help = results.help?.median ?? Number.NaN;
      const describe = results.describe?.median ?? Number.NaN;
      return [
        costMetric(
          {
            id: "cli.help-process-ms",
            label: "whole-process time of `cibatch --help`",
            unit: "ms",
            ours: help,
            peerName: "node -e 0",
            peer: node,
            extra: { rounds: ROUNDS },
          },
          2,
        ),
        costMetric(
          {
            id: "cli.describe-process-ms",
            label: "whole-process time of `cibatch jobs describe` against a 127.0.0.1 fake (sign, send, decode, print)",
            unit: "ms",
            ours: describe,
            peerName: "node -e 0",
            peer: node,
            extra: { rounds: ROUNDS },
          },
          4,
        ),
      ];
    } finally {
      await server.close();
    }
  },
};
