import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAKE_CLI_USAGE, runFakeCli } from "./cli.js";
import { CI_HOST, signedRequest } from "./client.fixture.js";
import { DEMO_ACCOUNT, DEMO_JOB_ID, demoJobs } from "./demo-seed.js";
import { createFakeCi } from "./node.js";
import { rawHttp } from "./raw-http.fixture.js";
import { DOCUMENTED_DESCRIBE_SAMPLE } from "./sample-response.fixture.js";

interface Running {
  readonly lines: string[];
  readonly url: string;
  readonly stderr: string[];
  stop(signal?: string): Promise<number>;
}

/** Starts the CLI in-process with injected output and signals; resolves once the URL line is out. */
async function start(argv: string[]): Promise<Running> {
  const lines: string[] = [];
  const stderr: string[] = [];
  let fire: ((signal: string) => void) | undefined;
  let gotUrl: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    gotUrl = resolve;
  });
  const done = runFakeCli(argv, {
    stdout: {
      write(text: string) {
        lines.push(...text.split("\n").filter(Boolean));
        if (lines.length === 1) gotUrl(lines[0] as string);
        return true;
      },
    },
    stderr: { write: (text: string) => stderr.push(text) },
    onSignal(handler) {
      fire = handler;
      return () => {
        fire = undefined;
      };
    },
  });
  const first = await Promise.race([url, done.then((code) => `exited ${code}: ${stderr.join("")}`)]);
  expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return {
    lines,
    url: first,
    stderr,
    stop(signal = "SIGTERM") {
      fire?.(signal);
      return done;
    },
  };
}

describe("cibatch-fake (runFakeCli)", () => {
  it("prints the URL first, then a JSON line; serves the demo seed; stops on SIGTERM with 0", async () => {
    const cli = await start(["--port", "0", "--jobs", "demo", "--random-seed", "5", "--clock", "manual"]);
    const info = JSON.parse(cli.lines[1] as string);
    expect(info).toMatchObject({
      url: cli.url,
      controlUrl: `${cli.url}/_fake`,
      randomSeed: 5,
      bucket: "examplebucket-1250000000",
      region: "ap-beijing",
      accounts: [DEMO_ACCOUNT.secretId],
    });
    expect(cli.stderr.join("")).toContain(DEMO_ACCOUNT.secretId);

    // Describe the service documentation's job through the real CI host name and the demo credentials.
    const fake = createFakeCi({ accounts: [DEMO_ACCOUNT] });
    const clock = await (await fetch(`${cli.url}/_fake/clock`)).json();
    fake.clock.set((clock as { now: number }).now);
    const request = await signedRequest(fake, {
      target: `/inventorytriggerjob/${DEMO_JOB_ID}`,
      account: DEMO_ACCOUNT,
      host: CI_HOST,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    const res = await rawHttp(cli.url, { target: `/inventorytriggerjob/${DEMO_JOB_ID}`, headers });
    expect(res.status, res.body).toBe(200);
    const requestId = res.headers["x-ci-request-id"] as string;
    // Exactly the documented sample response, but for our own request id.
    expect(res.body).toBe(DOCUMENTED_DESCRIBE_SAMPLE.replace("NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==", requestId));

    const jobs = (await (await fetch(`${cli.url}/_fake/jobs`)).json()) as { state: string; type: string }[];
    expect(new Set(jobs.map((j) => j.state))).toEqual(
      new Set(["Submitted", "Running", "Success", "Failed", "Pause", "Cancel"]),
    );
    expect(new Set(jobs.map((j) => j.type))).toEqual(new Set(["Workflow", "Job"]));
    expect(await cli.stop("SIGINT")).toBe(0);
    expect(cli.stderr.join("")).toContain("stopped on SIGINT");
    await expect(fetch(`${cli.url}/_fake/clock`)).rejects.toThrow();
  });

  it("--state persists jobs and reloads them (without seeding again)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cibatch-fake-"));
    const file = join(dir, "state.json");
    const account = "examplebucket-1250000000:AKIDstate0000000000000000000000000:state-key";
    const first = await start(["--state", file, "--jobs", "demo", "--account", account, "--transition", "manual"]);
    await fetch(`${first.url}/_fake/jobs/${DEMO_JOB_ID}/advance`, {
      method: "POST",
      body: JSON.stringify({ state: "Success" }),
    });
    expect(await first.stop()).toBe(0);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved.jobs).toHaveLength(demoJobs().length);
    expect(JSON.stringify(saved)).not.toContain("state-key");

    const second = await start(["--state", file, "--jobs", "demo", "--account", account]);
    const jobs = (await (await fetch(`${second.url}/_fake/jobs`)).json()) as { jobId: string; state: string }[];
    expect(jobs).toHaveLength(demoJobs().length);
    expect(jobs.find((j) => j.jobId === DEMO_JOB_ID)?.state).toBe("Success");
    expect(JSON.parse(second.lines[1] as string).accounts).toEqual(["AKIDstate0000000000000000000000000"]);
    expect(await second.stop()).toBe(0);
  });

  it("--seed demo still works, with a deprecation note on stderr", async () => {
    const cli = await start(["--seed", "demo"]);
    expect(cli.stderr.join("")).toContain("--seed is deprecated and will be removed; use --jobs demo");
    const jobs = (await (await fetch(`${cli.url}/_fake/jobs`)).json()) as unknown[];
    expect(jobs).toHaveLength(demoJobs().length);
    expect(await cli.stop()).toBe(0);
  });

  it("--jobs FILE loads jobs (wire names) from JSON", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cibatch-fake-"));
    const file = join(dir, "seed.json");
    writeFileSync(
      file,
      JSON.stringify({
        jobs: [{ Name: "from_file", Type: "Workflow", Input: { Prefix: "x" }, Operation: { WorkflowIds: "w" } }],
      }),
    );
    const cli = await start(["--jobs", file, "--allow-any-signature", "--auth-errors", "ci", "--control-token", "t"]);
    const jobs = (await (
      await fetch(`${cli.url}/_fake/jobs`, { headers: { "x-fake-control-token": "t" } })
    ).json()) as { name: string }[];
    expect(jobs.map((j) => j.name)).toEqual(["from_file"]);
    const list = await fetch(`${cli.url}/inventorytriggerjob`);
    expect(list.status).toBe(200);
    expect(await cli.stop()).toBe(0);
  });

  it.each([
    [["--bogus"], /Unknown option/],
    [["--port", "99999"], /not a port/],
    [["--clock", "sundial"], /--clock/],
    [["--auth-errors", "xml"], /--auth-errors/],
    [["--transition", "later"], /unknown transition/],
    [["--account", "nope"], /--account/],
    [["--jobs", "/no/such/file.json"], /--jobs \/no\/such\/file.json: cannot read/],
    [["--random-seed", "NaN"], /--random-seed NaN is not an integer/],
    [["--random-seed", "1.5"], /not an integer/],
    [["--host", "not a host!"], /--host "not a host!" is not an address/],
    [["--host", "192.0.2.1"], /EADDRNOTAVAIL|address not available/],
    [["--jobs", "demo", "--seed", "demo"], /give --jobs only/],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const err: string[] = [];
    const code = await runFakeCli(argv, {
      stdout: { write: () => true },
      stderr: { write: (t: string) => err.push(t) },
    });
    expect(code).toBe(2);
    expect(err.join("")).toMatch(message);
  });

  it("--help prints the usage", async () => {
    const out: string[] = [];
    expect(
      await runFakeCli(["--help"], { stdout: { write: (t: string) => out.push(t) }, stderr: { write: () => true } }),
    ).toBe(0);
    expect(out.join("")).toBe(FAKE_CLI_USAGE);
  });
});
