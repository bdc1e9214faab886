import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_ACCOUNT, DEMO_JOB_ID } from "@cibatch/testing-fakes/node";
import { afterAll, describe, expect, it } from "vitest";
import { BASE_ENV, type Result } from "../cli.fixture.js";
import { run } from "../run.js";

const temp = mkdtempSync(join(tmpdir(), "cibatch-fake-cmd-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface RunningFake {
  readonly url: string;
  stdout(): string;
  stderr(): string;
  /** Handlers subscribed through io.onSignal and not yet unsubscribed. */
  subscribers(): number;
  /** Delivers a signal the way the terminal would, and resolves with the exit status. */
  stop(signal: string): Promise<number>;
}

/** Runs `cibatch fake ...` in-process, with its own io and signals; resolves once its URL is out. */
async function startFake(
  argv: readonly string[],
  env: Record<string, string | undefined> = BASE_ENV,
): Promise<RunningFake> {
  let stdout = "";
  let stderr = "";
  const handlers = new Set<(signal: string) => void>();
  let announce: (url: string) => void = () => undefined;
  const announced = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const done = run(["fake", ...argv], {
    stdout: {
      write: (text) => {
        stdout += text;
        const first = /^(\S+)\n/.exec(stdout);
        if (first) announce(first[1] as string);
        return true;
      },
    },
    stderr: { write: (text) => (stderr += text) },
    env,
    homedir: () => "/nonexistent/cibatch-home",
    onSignal: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  });
  const url = await Promise.race([
    announced,
    done.then((code) => {
      throw new Error(`cibatch fake exited ${code} before printing its URL: ${stderr}`);
    }),
  ]);
  return {
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    subscribers: () => handlers.size,
    async stop(signal) {
      for (const handler of [...handlers]) handler(signal);
      return done;
    },
  };
}

/** Runs a command against a listening URL over real HTTP, on the real clock (the fake checks the signature time). */
async function overHttp(argv: readonly string[], env: Record<string, string | undefined>): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    env,
    homedir: () => "/nonexistent/cibatch-home",
  });
  return { code, stdout, stderr };
}

describe("cibatch fake", () => {
  it("prints its URL and the demo credentials, answers a signed describe, and stops cleanly on SIGINT", async () => {
    const fake = await startFake(["--port", "0", "--random-seed", "5"]);
    try {
      expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const [urlLine, detailLine] = fake.stdout().split("\n");
      expect(urlLine).toBe(fake.url);
      expect(JSON.parse(detailLine as string)).toMatchObject({
        url: fake.url,
        randomSeed: 5,
        bucket: "examplebucket-1250000000",
        region: "ap-beijing",
        accounts: [DEMO_ACCOUNT.secretId],
      });
      expect(fake.stderr()).toContain(
        `  export CIBATCH_ENDPOINT_URL=${fake.url} CIBATCH_BUCKET=examplebucket-1250000000 CIBATCH_REGION=ap-beijing\n`,
      );
      expect(fake.stderr()).toContain(
        `  export TENCENTCLOUD_SECRET_ID=${DEMO_ACCOUNT.secretId} TENCENTCLOUD_SECRET_KEY=${DEMO_ACCOUNT.secretKey}\n`,
      );

      // The printed settings work: a signed describe of the demo job over HTTP.
      const described = await overHttp(["jobs", "describe", DEMO_JOB_ID, "-o", "json"], {
        ...BASE_ENV,
        CIBATCH_ENDPOINT_URL: fake.url,
      });
      expect(described.stderr).toBe("");
      expect(described.code).toBe(0);
      expect(JSON.parse(described.stdout).Jobs[0]).toMatchObject({ JobId: DEMO_JOB_ID, State: "Running" });
      // ... and a wrong key is refused: the fake really checks signatures.
      const refused = await overHttp(["jobs", "describe", DEMO_JOB_ID, "-o", "text"], {
        ...BASE_ENV,
        CIBATCH_ENDPOINT_URL: fake.url,
        TENCENTCLOUD_SECRET_KEY: `${DEMO_ACCOUNT.secretKey}x`,
      });
      expect(refused.code).toBe(4);
    } finally {
      const code = await fake.stop("SIGINT");
      expect(code).toBe(0);
    }
    expect(fake.stderr()).toContain("cibatch-fake: stopped on SIGINT\n");
    expect(fake.subscribers()).toBe(0);
    // Stopped means closed: nothing answers on that port any more.
    const after = await overHttp(["jobs", "describe", DEMO_JOB_ID, "--cli-total-timeout", "5"], {
      ...BASE_ENV,
      CIBATCH_ENDPOINT_URL: fake.url,
    });
    expect(after.code).toBe(6);
  });

  it("--seed still works as the old name of --jobs, with a deprecation note", async () => {
    const fake = await startFake(["--port", "0", "--seed", "none"]);
    try {
      expect(fake.stderr()).toContain("--seed is deprecated and will be removed; use --jobs none");
      const jobs = (await (await fetch(`${fake.url}/_fake/jobs`)).json()) as unknown[];
      expect(jobs).toEqual([]);
    } finally {
      expect(await fake.stop("SIGTERM")).toBe(0);
    }
  });

  it.each([
    [["--random-seed", "NaN"], /--random-seed NaN is not an integer/],
    [["--host", "not a host!"], /--host "not a host!" is not an address/],
    [["--jobs", "demo", "--seed", "demo"], /give --jobs only/],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const result = await overHttp(["fake", "--port", "0", ...argv], BASE_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("passes its flags on: --jobs none, --account, --bucket/--region, --state", async () => {
    const state = join(temp, "state.json");
    const account = "mybucket-1251000000:AKIDmine000000000000000000000000000:mySecretKey0000000000000000000000";
    const fake = await startFake(
      [
        "--jobs",
        "none",
        "--account",
        account,
        "--bucket",
        "mybucket-1251000000",
        "--region",
        "ap-shanghai",
        "--state",
        state,
        "--transition",
        "immediate",
        "--clock",
        "manual",
        "--auth-errors",
        "ci",
        "--control-token",
        "tok",
        "--host",
        "127.0.0.1",
      ],
      { CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-test/config" },
    );
    let code: number;
    let jobId = "";
    try {
      expect(JSON.parse(fake.stdout().split("\n")[1] as string)).toMatchObject({
        bucket: "mybucket-1251000000",
        region: "ap-shanghai",
        accounts: ["AKIDmine000000000000000000000000000"],
      });
      // The export lines follow the flags, and do not print someone's own key.
      expect(fake.stderr()).toContain(
        `export CIBATCH_ENDPOINT_URL=${fake.url} CIBATCH_BUCKET=mybucket-1251000000 CIBATCH_REGION=ap-shanghai\n`,
      );
      expect(fake.stderr()).toContain(
        "export TENCENTCLOUD_SECRET_ID=<your --account id> TENCENTCLOUD_SECRET_KEY=<its key>",
      );
      expect(fake.stderr()).not.toContain("mySecretKey");
      // No demo jobs: the demo job is not found.
      const env = {
        CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-test/config",
        CIBATCH_ENDPOINT_URL: fake.url,
        CIBATCH_BUCKET: "mybucket-1251000000",
        CIBATCH_REGION: "ap-shanghai",
        TENCENTCLOUD_SECRET_ID: "AKIDmine000000000000000000000000000",
        TENCENTCLOUD_SECRET_KEY: "mySecretKey0000000000000000000000",
      };
      const missing = await overHttp(["jobs", "describe", DEMO_JOB_ID, "-o", "text"], env);
      expect(missing.code).toBe(7);
      const created = await overHttp(
        ["jobs", "create", "--name", "kept-in-state", "--prefix", "p/", "--workflow-ids", "w1", "-o", "json"],
        env,
      );
      expect(created.code).toBe(0);
      jobId = JSON.parse(created.stdout).JobId;
    } finally {
      code = await fake.stop("SIGTERM");
    }
    expect(code).toBe(0);
    expect(fake.stderr()).toContain("stopped on SIGTERM");
    // --state reached the fake: the job created over HTTP was written to the file.
    const saved = readFileSync(state, "utf8");
    expect(saved).toContain(jobId);
    expect(saved).toContain("kept-in-state");
  });

  it("reports a bad flag value of the fake with exit 2", async () => {
    let stderr = "";
    const code = await run(["fake", "--port", "70000"], {
      stdout: { write: () => true },
      stderr: { write: (text) => (stderr += text) },
      env: BASE_ENV,
      onSignal: () => () => undefined,
    });
    expect(code).toBe(2);
    expect(stderr).toContain("--port 70000 is not a port");
  });

  it("a --host that is not an address, or cannot be bound here, is a usage error (exit 2)", async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): no machine has it.
    for (const host of ["256.0.0.1", "::zz", "192.0.2.1"]) {
      let stderr = "";
      const code = await run(["fake", "--host", host], {
        stdout: { write: () => true },
        stderr: { write: (text) => (stderr += text) },
        env: { ...BASE_ENV, NO_COLOR: "1" },
        onSignal: () => () => undefined,
      });
      expect(code, host).toBe(2);
      expect(stderr, host).toContain(host);
    }
  });
});
