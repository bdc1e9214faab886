#!/usr/bin/env node
// `pnpm demo`: a short narrated tour of the real `cibatch` binary against the embedded fake CI service.
// Plain JavaScript so it runs on Node 20 without a TypeScript runtime; the root script builds what it needs first.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createFakeCi,
  DEMO_ACCOUNT,
  DEMO_BUCKET,
  DEMO_JOB_ID,
  DEMO_REGION,
  demoJobs,
} from "@cibatch/testing-fakes/node";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const bold = (text) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\u001b[1m${text}\u001b[22m` : text);

// Created jobs move Submitted → Running → Success on a real clock, a few hundred ms per step.
const fake = createFakeCi({ transition: { mode: "afterMs", ms: 400 } });
for (const job of demoJobs()) fake.jobs.seed(job);
const server = await fake.listen({ port: 0 });

const env = {
  ...process.env,
  CIBATCH_ENDPOINT_URL: server.url,
  CIBATCH_BUCKET: DEMO_BUCKET,
  CIBATCH_REGION: DEMO_REGION,
  TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
  TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
  CIBATCH_CONFIG_FILE: fileURLToPath(new URL("./no-config", import.meta.url)),
};

/** Runs `cibatch args` (stdout shown, or captured with capture: true); rejects on a non-zero exit. */
function cibatch(args, { capture = false } = {}) {
  process.stdout.write(`${bold(`$ cibatch ${args.join(" ")}`)}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"],
    });
    let out = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (capture) process.stdout.write(out);
      if (code === 0) resolve(out);
      else reject(new Error(`cibatch ${args[0]} ${args[1] ?? ""} exited ${code}`));
    });
  });
}

function say(text) {
  process.stdout.write(`\n${bold(`▶ ${text}`)}\n`);
}

const started = Date.now();
let failed = false;
try {
  say(`A fake CI service is listening on ${server.url}, with the demo jobs and demo credentials.`);
  say("Describe the seed document's job (GET /inventorytriggerjob/<id>):");
  await cibatch(["jobs", "describe", DEMO_JOB_ID, "-o", "table"]);

  say("Create a workflow job (POST /inventorytriggerjob):");
  const created = JSON.parse(
    await cibatch(
      [
        "jobs",
        "create",
        "--name",
        "demo-run",
        "--prefix",
        "input/",
        "--workflow-ids",
        "w7476ff3564ee45b7b490d64bccaba6cc",
        "-o",
        "json",
      ],
      {
        capture: true,
      },
    ),
  );

  say("Watch it until it ends (one line per state change when not on a terminal):");
  await cibatch(["jobs", "watch", created.JobId, "--interval", "300ms", "-o", "text"]);

  say("List the jobs in the bucket as a table (NextToken is followed automatically):");
  await cibatch(["jobs", "list", "-o", "table"]);

  say("Cancel the submitted nightly job (--yes: no question asked):");
  await cibatch(["jobs", "cancel", "be4545ce55ba0412113701657c42f131d", "--yes", "-o", "table"]);

  say("Show how the describe request is signed (the tool for a SignatureDoesNotMatch):");
  await cibatch(["sign", "--method", "GET", "--path", `/inventorytriggerjob/${DEMO_JOB_ID}`, "-o", "text"]);

  say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s. The same commands against the real service:`);
  process.stdout.write(
    [
      "  export TENCENTCLOUD_SECRET_ID=AKID...  TENCENTCLOUD_SECRET_KEY=...   # or a profile in ~/.tencentcloud/credentials",
      "  export CIBATCH_BUCKET=<bucketname-appid>  CIBATCH_REGION=<region>    # e.g. examplebucket-1250000000, ap-beijing",
      "  cibatch jobs list -o table          # no --endpoint-url: https://<bucket>.ci.<region>.myqcloud.com",
      "",
    ].join("\n"),
  );
} catch (error) {
  failed = true;
  process.stderr.write(`demo: ${error.message}\n`);
} finally {
  await server.close();
}
process.exitCode = failed ? 1 : 0;
