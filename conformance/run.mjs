#!/usr/bin/env node
// Runs the conformance suite on every runtime: Node 20, 22 and 24, Bun, Deno, headless Chromium and workerd.
// Usage: node run.mjs [--out DIR] [--only name,name]   (after `pnpm build` of the packages; `pnpm conformance`
// at the repository root builds them first). Each runtime prints its own table; DIR gets one JSON report per
// runtime in vitest's report shape; the last line is "N passed, M failed". A runtime that cannot be installed or
// started counts as a failed suite, never as skipped.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { out: { type: "string" }, only: { type: "string" } } });
const outDir = resolve(values.out ?? join(here, "out"));
const only = values.only ? new Set(values.only.split(",")) : undefined;
const dist = join(here, "dist");
const MARKER = "CONFORMANCE_REPORT ";
const RUN_TIMEOUT_MS = 180_000;
// Development aids only, never set in CI: CONFORMANCE_ESBUILD_CONDITIONS=@cibatch/source bundles the sources
// instead of dist; CONFORMANCE_ESBUILD_EXTERNAL=node:* shows how the page would run if the bundle needed no node:*.
const EXTRA = {
  ...(process.env.CONFORMANCE_ESBUILD_CONDITIONS
    ? { conditions: process.env.CONFORMANCE_ESBUILD_CONDITIONS.split(",") }
    : {}),
  ...(process.env.CONFORMANCE_ESBUILD_EXTERNAL
    ? { external: process.env.CONFORMANCE_ESBUILD_EXTERNAL.split(",") }
    : {}),
};
mkdirSync(outDir, { recursive: true });
mkdirSync(dist, { recursive: true });

// ---- bundles ------------------------------------------------------------------------------------------------
for (const pkg of ["signer", "xml-model", "ci-client", "testing-fakes"]) {
  if (!existsSync(join(here, "..", "packages", pkg, "dist", "index.js"))) {
    console.error(`packages/${pkg} is not built: run \`pnpm conformance\` at the repository root (it builds first)`);
    process.exit(2);
  }
}
// Node, Bun and Deno resolve the packages themselves (each with its own export conditions).
await build({
  entryPoints: {
    local: join(here, "src/entry-local.ts"),
    remote: join(here, "src/entry-remote.ts"),
    "fake-setup": join(here, "src/fake-setup.ts"),
    "run-suite": join(here, "src/run-suite.ts"),
  },
  outdir: dist,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "es2022",
  logLevel: "warning",
});
// The browser page: esbuild's defaults for the browser (no flags, nothing marked external), minified. Built by
// the chromium runtime: a page that cannot be bundled fails that runtime only.
let pageSize;
async function buildPage() {
  const page = await build({
    entryPoints: [join(here, "src/entry-browser.ts")],
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
    ...EXTRA,
  });
  const js = page.outputFiles[0].contents;
  pageSize = { minified: js.byteLength, gzip: gzipSync(js, { level: 9 }).byteLength };
  return js;
}

// The workerd module: everything bundled, with the conditions workers use.
async function buildWorker() {
  await build({
    entryPoints: { worker: join(here, "src/entry-worker.ts") },
    outdir: dist,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    format: "esm",
    target: "es2022",
    logLevel: "silent",
    ...EXTRA,
    ...(EXTRA.conditions ? { conditions: [...EXTRA.conditions, "workerd", "worker", "browser"] } : {}),
  });
}

const { formatTable } = await import("./dist/run-suite.mjs");

// ---- helpers ------------------------------------------------------------------------------------------------

/** Starts `command` in a process group of its own, so that stopping it also stops what its bin shim started. */
function spawnGroup(command, args, options) {
  return spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options, detached: true });
}

/** Kills a process group started by {@link spawnGroup} and waits for its leader to exit. */
async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
    return;
  }
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
  await exited;
}
function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawnGroup(command, args, { cwd: here, ...options });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    const timer = setTimeout(() => void stopGroup(child), options.timeoutMs ?? RUN_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      done({ code: -1, stdout, stderr: `${stderr}${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      void stopGroup(child); // anything the runtime's bin shim left behind
      done({ code: code ?? signal, stdout, stderr });
    });
  });
}

function parseReports(stdout) {
  const line = stdout.split("\n").find((l) => l.startsWith(MARKER));
  return line ? JSON.parse(line.slice(MARKER.length)) : undefined;
}

function npxNode(version) {
  const found = spawnSync("npx", ["-y", "-p", `node@${version}`, "-c", "command -v node"], { encoding: "utf8" });
  const path = found.stdout.trim().split("\n").pop();
  if (found.status !== 0 || !path)
    throw new Error(`cannot install Node ${version} from the npm registry: ${found.stderr}`);
  return path;
}

function nodeBinary(version) {
  return process.version.startsWith(`v${version}.`) ? process.execPath : npxNode(version);
}

function bunBinary() {
  // The npm package `bun` installs its binary in a postinstall script, which pnpm does not run: take the binary
  // from the platform package it depends on.
  const fromBun = createRequire(require.resolve("bun/package.json"));
  const arch = process.arch === "arm64" ? "aarch64" : process.arch;
  for (const name of [`@oven/bun-${process.platform}-${arch}`, `@oven/bun-${process.platform}-${arch}-baseline`]) {
    try {
      return join(dirname(fromBun.resolve(`${name}/package.json`)), "bin", "bun");
    } catch {}
  }
  throw new Error(`no Bun binary for ${process.platform}-${process.arch} in node_modules`);
}

const bin = (name) => join(here, "node_modules", ".bin", name);

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`nothing answers at ${url}: ${error.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// ---- the fake README's server examples, run as written (the port aside) on their own runtime -------------------
function readmeBlock(firstLine) {
  const text = readFileSync(join(here, "..", "packages", "testing-fakes", "README.md"), "utf8");
  const block = [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.startsWith(firstLine));
  if (!block) throw new Error(`the fake's README has no example starting with "${firstLine}"`);
  return block;
}

async function checkReadmeServer(url) {
  await waitForHttp(`${url}/_fake/jobs`, 30_000);
  const jobs = await (await fetch(`${url}/_fake/jobs`)).json();
  if (jobs.length !== 7) throw new Error(`expected the 7 demo jobs, found ${jobs.length}`);
  const { signRequest } = await import("@cibatch/signer");
  const { DEMO_ACCOUNT, DEMO_JOB_ID } = await import("@cibatch/testing-fakes");
  const target = `${url}/inventorytriggerjob/${DEMO_JOB_ID}`;
  const signed = await signRequest({ method: "GET", url: target, credentials: DEMO_ACCOUNT });
  const res = await fetch(target, { headers: signed.headers });
  const body = await res.text();
  if (res.status !== 200 || !body.includes("<Name>demo</Name>")) throw new Error(`describe: ${res.status} ${body}`);
}

/** Runs one README example as a child process on a free port and checks it serves the demo jobs. */
async function readmeServer(runtime, firstLine, start) {
  const port = await freePort();
  const started = performance.now();
  let child;
  let log = "";
  let error;
  try {
    child = await start(readmeBlock(firstLine).replaceAll("8080", String(port)), port);
    child.stdout?.on("data", (c) => {
      log += c;
    });
    child.stderr?.on("data", (c) => {
      log += c;
    });
    await checkReadmeServer(`http://127.0.0.1:${port}`);
  } catch (caught) {
    error = `${caught instanceof Error ? caught.message : String(caught)}\n${log}`;
  } finally {
    if (child) await stopGroup(child);
  }
  const result = {
    name: `the fake README's ${firstLine.slice(3).split(":")[0]} example serves the demo jobs`,
    ok: !error,
    ms: Math.round(performance.now() - started),
    ...(error ? { error } : {}),
  };
  const report = {
    runtime: `${runtime}, README example`,
    numPassedTests: error ? 0 : 1,
    numFailedTests: error ? 1 : 0,
    numPendingTests: 0,
    numTodoTests: 0,
    numFailedTestSuites: 0,
    results: [result],
  };
  console.log(`${formatTable(report)}\n`);
  return report;
}

function spawnScript(file, code, command, args) {
  writeFileSync(file, code);
  return spawnGroup(command, args, { cwd: here });
}

const readmeDeno = () =>
  readmeServer("deno", "// Deno:", async (code) =>
    spawnScript(join(dist, "readme-deno.mjs"), code, bin("deno"), [
      "run",
      "--allow-net",
      join(dist, "readme-deno.mjs"),
    ]),
  );

const readmeBun = () =>
  readmeServer("bun", "// Bun:", async (code) =>
    spawnScript(join(dist, "readme-bun.mjs"), code, bunBinary(), [join(dist, "readme-bun.mjs")]),
  );

const readmeWorkerd = () =>
  readmeServer("workerd", "// workerd", async (code, port) => {
    const dir = join(dist, "readme-workerd");
    mkdirSync(dir, { recursive: true });
    await build({
      stdin: { contents: code, resolveDir: here, sourcefile: "readme-worker.js" },
      outfile: join(dir, "worker.mjs"),
      bundle: true,
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      format: "esm",
      logLevel: "silent",
      ...EXTRA,
      ...(EXTRA.conditions ? { conditions: [...EXTRA.conditions, "workerd", "worker", "browser"] } : {}),
    });
    const config = readmeBlock("# workerd serve config.capnp").replaceAll("8080", String(port));
    writeFileSync(join(dir, "config.capnp"), config);
    return spawnGroup(bin("workerd"), ["serve", "config.capnp"], { cwd: dir });
  });

// ---- runtimes -----------------------------------------------------------------------------------------------
async function local(command, args) {
  const result = await run(command, args);
  const reports = parseReports(result.stdout);
  process.stdout.write(
    result.stdout
      .split("\n")
      .filter((l) => !l.startsWith(MARKER))
      .join("\n"),
  );
  if (!reports) throw new Error(`exited ${result.code} without a report\n${result.stderr.slice(-4000)}`);
  return reports;
}

async function chromium() {
  const pageJs = await buildPage();
  const { chromium: browserType } = await import("playwright-core");
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`no browser at ${executablePath} (apt-get install chromium)`);
  // The fake: Node's listener on one port. The page: this static server on another, so calls are cross-origin.
  const { startFake } = await import("@cibatch/testing-fakes/node");
  const { suiteFakeOptions } = await import("./dist/fake-setup.mjs");
  const fake = await startFake(suiteFakeOptions());
  const html = `<!doctype html><meta charset="utf-8"><title>cibatch conformance</title><script type="module" src="/page.js"></script>`;
  const site = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/page.js") res.writeHead(200, { "content-type": "text/javascript" }).end(pageJs);
    else if (path === "/") res.writeHead(200, { "content-type": "text/html" }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise((r) => site.listen(0, "127.0.0.1", r));
  const browser = await browserType.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const pageHandle = await browser.newPage();
    const errors = [];
    pageHandle.on("pageerror", (error) => errors.push(String(error)));
    pageHandle.on("console", (message) => {
      if (message.type() === "log") console.log(message.text());
      else if (message.type() === "error") errors.push(message.text());
    });
    const siteUrl = `http://127.0.0.1:${site.address().port}/?fake=${encodeURIComponent(fake.url)}`;
    await pageHandle.goto(siteUrl);
    const handle = await pageHandle
      .waitForFunction(() => globalThis.__conformance, undefined, { timeout: RUN_TIMEOUT_MS })
      .catch((error) => {
        throw new Error(`the page reported nothing: ${error.message}\n${errors.join("\n")}`);
      });
    return parseReports(await handle.jsonValue());
  } finally {
    await browser.close();
    site.close();
    await fake.close();
  }
}

async function workerd() {
  await buildWorker();
  const port = await freePort();
  const config = join(dist, "workerd.capnp");
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "conformance", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "conformance") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.mjs", esModule = embed "worker.mjs") ],
  compatibilityDate = "2026-01-01",
);
`,
  );
  const child = spawnGroup(bin("workerd"), ["serve", config], { cwd: dist });
  let log = "";
  child.stdout.on("data", (c) => {
    log += c;
  });
  child.stderr.on("data", (c) => {
    log += c;
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/_fake/clock`, 30_000).catch((error) => {
      throw new Error(`${error.message}\n${log}`);
    });
    const inside = await fetch(`${url}/__conformance`);
    if (!inside.ok) throw new Error(`the worker answered ${inside.status}: ${await inside.text()}\n${log}`);
    const reports = await inside.json();
    for (const report of reports) console.log(`${formatTable(report)}\n`);
    const served = await local(process.execPath, [
      join(dist, "remote.mjs"),
      url,
      "workerd, fake served by a workerd module (client on Node)",
    ]);
    return [...reports, ...served];
  } finally {
    // workerd drains open connections on SIGTERM; the suite is done, so it is stopped outright.
    await stopGroup(child);
  }
}

const RUNTIMES = [
  ["node20", () => local(nodeBinary(20), [join(dist, "local.mjs")])],
  ["node22", () => local(nodeBinary(22), [join(dist, "local.mjs")])],
  ["node24", () => local(nodeBinary(24), [join(dist, "local.mjs")])],
  ["bun", async () => [...(await local(bunBinary(), [join(dist, "local.mjs")])), await readmeBun()]],
  ["deno", async () => [...(await local(bin("deno"), ["run", "-A", join(dist, "local.mjs")])), await readmeDeno()]],
  ["chromium", chromium],
  ["workerd", async () => [...(await workerd()), await readmeWorkerd()]],
];

const summary = [];
for (const [name, start] of RUNTIMES) {
  if (only && !only.has(name)) continue;
  console.log(`\n=== conformance: ${name} ===`);
  let reports;
  let failure;
  try {
    reports = await start();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    console.log(`${name}: could not run: ${failure}`);
  }
  const passed = reports?.reduce((n, r) => n + r.numPassedTests, 0) ?? 0;
  const failed = reports?.reduce((n, r) => n + r.numFailedTests, 0) ?? 0;
  const report = {
    runtime: name,
    numPassedTests: passed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    numFailedTestSuites: failure ? 1 : 0,
    ...(failure ? { error: failure } : {}),
    reports: reports ?? [],
    ...(name === "chromium" ? { pageBundleBytes: pageSize } : {}),
  };
  writeFileSync(join(outDir, `conformance-${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  summary.push(report);
}

console.log("\n=== conformance summary ===");
for (const r of summary) {
  const status = r.numFailedTestSuites > 0 ? "could not run" : `${r.numPassedTests} passed, ${r.numFailedTests} failed`;
  console.log(`  ${r.runtime.padEnd(10)} ${status}`);
}
if (pageSize)
  console.log(`  browser page bundle (esbuild defaults, minified): ${pageSize.minified} B, ${pageSize.gzip} B gzip`);
const passed = summary.reduce((n, r) => n + r.numPassedTests, 0);
const failed = summary.reduce((n, r) => n + r.numFailedTests + r.numFailedTestSuites, 0);
console.log(`${passed} passed, ${failed} failed`);
// Idle keep-alive sockets of the runner's own fetch must not hold the exit.
process.exit(failed > 0 ? 1 : 0);
