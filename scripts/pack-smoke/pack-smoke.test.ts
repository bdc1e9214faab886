/**
 * The packed-install smoke test (`pnpm test:pack`, after `pnpm build`): what a user gets from npm, checked
 * before a release. Every published workspace package is packed with `pnpm pack` (which turns `workspace:^`
 * into versions) and the tarballs are installed together into a scratch project with npm; registry
 * dependencies come from the registry. Then, from that project:
 * - `import` of each package on Node 20 (the floor) and Node 24 (the current LTS);
 * - `require()` of each on Node 20.19+ (require(esm), as the READMEs promise CommonJS users);
 * - `tsc --noEmit` of a small consumer under `moduleResolution` `node16` and `bundler`;
 * - `npx cibatch --version`;
 * - `npx cibatch-fake` starts, answers a describe signed by the installed signer, and stops on SIGTERM.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

interface Published {
  readonly name: string;
  readonly dir: string;
  readonly version: string;
}

/** Every workspace package that is not private, from `pnpm ls` (the workspace's own list). */
function publishedPackages(): Published[] {
  const list = JSON.parse(
    execFileSync("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" }),
  ) as Array<{ name: string; path: string; version: string; private?: boolean }>;
  return list
    .filter((pkg) => pkg.private !== true && pkg.path !== root.replace(/\/$/, ""))
    .map((pkg) => ({ name: pkg.name, dir: pkg.path, version: pkg.version }));
}

const packages = publishedPackages();
let scratch: string;
let node24: string;

/** The environment without the `npm_*` variables that pnpm sets for its scripts (npm warns about pnpm's own). */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command: string, args: readonly string[]): string {
  return execFileSync(command, args, {
    cwd: scratch,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env,
    timeout: 120_000,
  });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "cibatch-pack-smoke-"));
  const tarballs = join(scratch, "tarballs");
  mkdirSync(tarballs);
  for (const pkg of packages) {
    execFileSync("pnpm", ["pack", "--pack-destination", tarballs], { cwd: pkg.dir, stdio: "ignore" });
  }
  const files = readdirSync(tarballs);
  const dependencies = Object.fromEntries(
    packages.map((pkg) => {
      const file = files.find((f) => f === `${pkg.name.replace("@", "").replace("/", "-")}-${pkg.version}.tgz`);
      if (file === undefined) throw new Error(`pnpm pack wrote no tarball for ${pkg.name} (found ${files.join(", ")})`);
      return [pkg.name, `file:tarballs/${file}`];
    }),
  );
  writeFileSync(
    join(scratch, "package.json"),
    JSON.stringify({
      name: "cibatch-pack-smoke",
      private: true,
      type: "module",
      dependencies: { ...dependencies, "@types/node": "^20.19.0" },
      // The packages depend on each other by version (^0.0.0): the tarballs answer those too.
      overrides: Object.fromEntries(packages.map((pkg) => [pkg.name, `$${pkg.name}`])),
    }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"]);
  // Node 24 from the npm registry (npx keeps it in its cache), as .ci/run takes it for the suite.
  node24 = run("npx", ["-y", "-p", "node@24", "-c", "command -v node"]).trim().split("\n").at(-1) ?? "node";
}, 600_000);

afterAll(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

describe("packed packages, installed with npm", () => {
  it("are the five published packages", () => {
    expect(packages.map((pkg) => pkg.name).sort()).toEqual([
      "@cibatch/ci-client",
      "@cibatch/cli",
      "@cibatch/signer",
      "@cibatch/testing-fakes",
      "@cibatch/xml-model",
    ]);
  });

  describe.each(packages.map((pkg) => pkg.name))("%s", (name) => {
    const importScript = `const m = await import(${JSON.stringify(name)}); console.log(Object.keys(m).length);`;

    it("imports on Node 20", () => {
      expect(Number(run(process.execPath, ["--input-type=module", "-e", importScript]))).toBeGreaterThan(0);
    });

    it("imports on Node 24", () => {
      expect(run(node24, ["--version"])).toMatch(/^v24\./);
      expect(Number(run(node24, ["--input-type=module", "-e", importScript]))).toBeGreaterThan(0);
    });

    it("loads with require() on Node 20.19+", () => {
      const script = `console.log(Object.keys(require(${JSON.stringify(name)})).length);`;
      const out = run(process.execPath, ["--no-warnings", "-e", script]);
      expect(Number(out)).toBeGreaterThan(0);
    });
  });

  describe.each(["node16", "bundler"])("a TypeScript consumer (moduleResolution %s)", (resolution) => {
    it("type-checks against the packed declarations", () => {
      const dir = join(scratch, `consumer-${resolution}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "consumer.ts"), CONSUMER);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            target: "es2023",
            lib: ["es2023"],
            module: resolution === "node16" ? "node16" : "esnext",
            moduleResolution: resolution,
            types: ["node"],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
          },
          files: ["consumer.ts"],
        }),
      );
      // package.json "type": "module" of the scratch project makes consumer.ts an ES module under node16.
      expect(run(process.execPath, [tsc, "-p", dir])).toBe("");
    });
  });

  it("npx cibatch --version prints the packed version", () => {
    const cli = packages.find((pkg) => pkg.name === "@cibatch/cli");
    expect(run("npx", ["--no-install", "cibatch", "--version"]).trim()).toBe(cli?.version);
  });

  it("npx cibatch-fake starts, answers a signed describe, and stops on SIGTERM", async () => {
    // In a process group of its own, so that the signal reaches npx and the fake it started alike.
    const fake = spawn("npx", ["--no-install", "cibatch-fake", "--jobs", "demo"], {
      cwd: scratch,
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const group = -(fake.pid as number);
    let stderr = "";
    fake.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      const url = await firstLine(fake);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = JSON.parse(run(process.execPath, ["--input-type=module", "-e", DESCRIBE, url])) as {
        status: number;
        body: string;
        jobId: string;
      };
      expect(answer.status).toBe(200);
      expect(answer.body).toContain(`<JobId>${answer.jobId}</JobId>`);
      // "close" comes once every holder of the output pipes, the fake included, has exited.
      const closed = new Promise<void>((resolve) => fake.once("close", () => resolve()));
      process.kill(group, "SIGTERM");
      await closed;
      expect(stderr).toContain("cibatch-fake: stopped on SIGTERM");
    } finally {
      try {
        process.kill(group, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
});

/** The first stdout line of a child process (rejects if it exits or stays silent for 30 s). */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error("no output in 30 s")), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf("\n");
      if (end !== -1) {
        clearTimeout(timer);
        resolve(text.slice(0, end));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before printing its URL`));
    });
  });
}

/** A consumer that touches each package's main types. */
const CONSUMER = `import { CiClient, type JobsDetail } from "@cibatch/ci-client";
import { run } from "@cibatch/cli";
import { type SignedRequest, signRequest } from "@cibatch/signer";
import { createFakeCi, DEMO_ACCOUNT } from "@cibatch/testing-fakes";
import { decode } from "@cibatch/xml-model";

export async function smoke(): Promise<string> {
  const signed: SignedRequest = await signRequest({
    method: "GET",
    url: "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob",
    credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
  });
  const jobs: JobsDetail[] = [];
  return [signed.authorization, typeof CiClient, typeof run, typeof createFakeCi, typeof decode, jobs.length].join();
}
`;

/** Signs a describe of the demo job with the installed signer and sends it to the fake at argv[1]. */
const DESCRIBE = `
import { request } from "node:http";
import { signRequest } from "@cibatch/signer";
import { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_JOB_ID, DEMO_REGION } from "@cibatch/testing-fakes";
const host = DEMO_BUCKET + ".ci." + DEMO_REGION + ".myqcloud.com";
const path = "/inventorytriggerjob/" + DEMO_JOB_ID;
const { headers } = await signRequest({
  method: "GET",
  url: "https://" + host + path,
  credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
});
const target = new URL(process.argv[1]);
const req = request({ host: target.hostname, port: target.port, path, headers: { ...headers, host } }, (res) => {
  let body = "";
  res.on("data", (chunk) => (body += chunk));
  res.on("end", () => console.log(JSON.stringify({ status: res.statusCode, body, jobId: DEMO_JOB_ID })));
});
req.end();
`;
