import { execFileSync, fork } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { Agent } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CiClient } from "@cibatch/ci-client";
import { signRequest } from "@cibatch/signer";
import { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION } from "@cibatch/testing-fakes";
import { XMLParser } from "fast-xml-parser";
import ky from "ky";
import { costMetric, interleavedRounds, type Metric, median, type Suite, throughputMetric } from "../measure.js";
import { nodeHttpGet } from "./node-http-get.js";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, "..", "..");

const JOB_ID = "b3deffea2f84911ec9cb15254008618d9";
const CI_HOST = `${DEMO_BUCKET}.ci.${DEMO_REGION}.myqcloud.com`;
const CREDENTIALS = { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey };
const ROUND_MS = 1_500;
const ROUNDS = 5;
/**
 * cos-js-sdk-v5 1.10.1 (the official browser SDK) in an esbuild bundle of a signer-only app, minified and gzipped:
 * measured once (the SDK cannot be bundled here without a browser build step of its own) and kept as a constant.
 */
const OFFICIAL_BROWSER_BUNDLE_GZIP = 48_937;

interface OfficialCos {
  request(params: Record<string, unknown>): Promise<unknown>;
}

/** Requests per second of `fn` from `concurrency` loops over `ms`. */
async function rate(fn: () => Promise<unknown>, concurrency: number, ms = ROUND_MS): Promise<number> {
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fn();
        count++;
      }
    }),
  );
  return count / ((performance.now() - start) / 1000);
}

async function startStaticServer(): Promise<{ port: number; stop: () => void }> {
  const child = fork(join(here, "ci-client-static-server.js"), [], { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve(Number(m)));
    child.once("error", reject);
  });
  return { port, stop: () => child.kill() };
}

async function describeRates(): Promise<Metric[]> {
  const server = await startStaticServer();
  try {
    const options = {
      bucket: DEMO_BUCKET,
      region: DEMO_REGION,
      endpoint: `http://127.0.0.1:${server.port}`,
      credentials: CREDENTIALS,
    };
    const ours = new CiClient(options);
    // The same client with the platform fetch as ky's fetch instead of the keep-alive node:http adapter.
    const oursOnFetch = new CiClient({ ...options, fetch: globalThis.fetch });
    const COS = require("cos-nodejs-sdk-v5") as new (options: Record<string, unknown>) => OfficialCos;
    const cos = new COS({
      SecretId: CREDENTIALS.secretId,
      SecretKey: CREDENTIALS.secretKey,
      Ip: `127.0.0.1:${server.port}`,
      Protocol: "http:",
    });
    const url = `http://${CI_HOST}/inventorytriggerjob/${JOB_ID}`;
    const path = `/inventorytriggerjob/${JOB_ID}`;
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const parser = new XMLParser();
    const plainUrl = `http://127.0.0.1:${server.port}/inventorytriggerjob/${JOB_ID}`;
    const contenders = {
      ours: async () => {
        const job = await ours.describeJob(JOB_ID);
        if (job.JobId !== JOB_ID) throw new Error("wrong job");
      },
      oursOnFetch: async () => {
        const job = await oursOnFetch.describeJob(JOB_ID);
        if (job.JobId !== JOB_ID) throw new Error("wrong job");
      },
      official: () => cos.request({ Method: "GET", Key: `inventorytriggerjob/${JOB_ID}`, Url: url }),
      fetch: async () => {
        const response = await fetch(plainUrl);
        await response.text();
      },
      // The floors of a client made of the parts ours is built from, without anything else (no
      // validation, retry, timeout, error typing or schema): node:http alone, then with our
      // signature and fast-xml-parser's parse of the body.
      nodeHttp: () => nodeHttpGet(agent, server.port, path, { host: CI_HOST }),
      nodeHttpSignParse: async () => {
        const signed = await signRequest({ method: "GET", url, credentials: CREDENTIALS });
        const body = await nodeHttpGet(agent, server.port, path, {
          host: CI_HOST,
          authorization: signed.authorization,
        });
        if (parser.parse(body).Response === undefined) throw new Error("no Response");
      },
    };
    const metrics: Metric[] = [];
    for (const concurrency of [1, 16]) {
      for (const fn of Object.values(contenders)) await rate(fn, concurrency, 300); // warm-up
      const measured = await interleavedRounds(
        Object.fromEntries(Object.entries(contenders).map(([name, fn]) => [name, () => rate(fn, concurrency)])),
        ROUNDS,
      );
      const label = concurrency === 1 ? "sequential" : `${concurrency}-way`;
      metrics.push(
        throughputMetric(
          {
            id: `ci-client.describe-rps-${concurrency === 1 ? "sequential" : "16"}`,
            label: `describe requests/s, ${label} (static server in its own process)`,
            unit: "req/s",
            ours: measured.ours?.median ?? 0,
            peerName: "cos-nodejs-sdk-v5 cos.request (Ip)",
            peer: measured.official?.median ?? 1,
            extra: {
              oursOnPlatformFetch: Math.round(measured.oursOnFetch?.median ?? 0),
              adapterVsPlatformFetch:
                Math.round(((measured.ours?.median ?? 0) / (measured.oursOnFetch?.median ?? 1)) * 100) / 100,
              plainFetch: Math.round(measured.fetch?.median ?? 0),
              nodeHttpFloor: Math.round(measured.nodeHttp?.median ?? 0),
              nodeHttpSignFxpFloor: Math.round(measured.nodeHttpSignParse?.median ?? 0),
              nodeHttpSignFxpFloorVsOfficial:
                Math.round(((measured.nodeHttpSignParse?.median ?? 0) / (measured.official?.median ?? 1)) * 100) / 100,
            },
          },
          concurrency === 1 ? 1.6 : 1.5,
        ),
      );
    }
    agent.destroy();
    return metrics;
  } finally {
    server.stop();
  }
}

/** Wall time of a fresh process, and the CPU time it used (user + system, from inside: robust to load). */
function timeProcess(args: string[]): { wallMs: number; cpuMs: number } {
  const start = performance.now();
  const out = execFileSync(process.execPath, args, { cwd: benchDir, stdio: ["ignore", "pipe", "ignore"] });
  const wallMs = performance.now() - start;
  return { wallMs, cpuMs: Number(out.toString("utf8").trim()) / 1000 };
}

const PRINT_CPU = "const u = process.cpuUsage(); console.log(u.user + u.system);";

function coldImport(): Metric {
  const runs = { base: [] as number[], ours: [] as number[], official: [] as number[] };
  const cpu = { base: [] as number[], ours: [] as number[], official: [] as number[] };
  const commands = {
    base: ["-e", PRINT_CPU],
    ours: ["--input-type=module", "-e", `await import('@cibatch/ci-client'); ${PRINT_CPU}`],
    official: ["-e", `require('cos-nodejs-sdk-v5'); ${PRINT_CPU}`],
  };
  for (let i = 0; i < 11; i++) {
    // Interleaved: base, ours, official, base, ... so that drift of the machine hits all three alike.
    for (const name of ["base", "ours", "official"] as const) {
      const { wallMs, cpuMs } = timeProcess(commands[name]);
      runs[name].push(wallMs);
      cpu[name].push(cpuMs);
    }
  }
  const base = median(runs.base);
  const cpuBase = median(cpu.base);
  return costMetric(
    {
      id: "ci-client.cold-import-ms",
      label: "cold import in a fresh process, minus `node -e 0`",
      unit: "ms",
      ours: median(runs.ours) - base,
      peerName: "require('cos-nodejs-sdk-v5')",
      peer: median(runs.official) - base,
      extra: {
        nodeBaselineMs: Math.round(base),
        oursCpuMs: Math.round(median(cpu.ours) - cpuBase),
        officialCpuMs: Math.round(median(cpu.official) - cpuBase),
      },
    },
    0.35,
  );
}

/** Bytes of a directory tree: apparent (file sizes) and on disk (allocated blocks, as `du` counts them). */
interface Usage {
  apparent: number;
  disk: number;
}

function addPath(usage: Usage, path: string): void {
  const stat = statSync(path);
  if (stat.isFile()) usage.apparent += stat.size;
  usage.disk += stat.blocks * 512;
}

function addTree(usage: Usage, dir: string): void {
  addPath(usage, dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) addTree(usage, path);
    else if (entry.isFile()) addPath(usage, path);
  }
}

/** A workspace package as it would be installed: the files `pnpm pack` ships, and their folders. */
function addPacked(usage: Usage, dir: string): void {
  const out = execFileSync("pnpm", ["pack", "--dry-run", "--json"], { cwd: dir, stdio: ["ignore", "pipe", "ignore"] });
  const packed = JSON.parse(out.toString("utf8")) as { files: { path: string }[] };
  const folders = new Set<string>(["."]);
  for (const { path } of packed.files) {
    addPath(usage, join(dir, path));
    for (let d = dirname(path); d !== "."; d = dirname(d)) folders.add(d);
  }
  for (const folder of folders) addPath(usage, join(dir, folder));
}

/**
 * The production-dependency closure of a package as installed: package count, apparent bytes and
 * disk usage. Workspace packages count what `pnpm pack` ships; others what is installed.
 */
function footprint(packageDir: string): { packages: number } & Usage {
  const seen = new Set<string>();
  const usage: Usage = { apparent: 0, disk: 0 };
  const visit = (dir: string): void => {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const manifest = JSON.parse(readFileSync(join(real, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    if (real.includes(join("node_modules", ".pnpm"))) addTree(usage, real);
    else addPacked(usage, real);
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      // Node's lookup: the nearest node_modules/<name> above the package (pnpm puts deps beside it).
      let resolved: string | undefined;
      for (let d = real; d !== dirname(d); d = dirname(d)) {
        const candidate = join(d, "node_modules", name);
        if (existsSync(join(candidate, "package.json"))) {
          resolved = candidate;
          break;
        }
      }
      if (resolved === undefined) throw new Error(`cannot find ${name} from ${real}`);
      visit(resolved);
    }
  };
  visit(packageDir);
  return { packages: seen.size, ...usage };
}

function installedFootprint(): Metric[] {
  const ours = footprint(join(benchDir, "node_modules", "@cibatch", "ci-client"));
  const official = footprint(join(benchDir, "node_modules", "cos-nodejs-sdk-v5"));
  return [
    costMetric(
      {
        id: "ci-client.install-bytes",
        // cos-nodejs-sdk-v5@3.0.0's footprint was first measured as disk usage as `du -sk` reports it
        // (6,804 KiB); apparent bytes (file sizes) are kept beside it.
        label: "installed footprint with production dependencies (disk usage, as du)",
        unit: "bytes",
        ours: ours.disk,
        peerName: "cos-nodejs-sdk-v5",
        peer: official.disk,
        extra: {
          ourPackages: ours.packages,
          officialPackages: official.packages,
          oursApparentBytes: ours.apparent,
          officialApparentBytes: official.apparent,
          apparentRatio: Math.round((ours.apparent / official.apparent) * 100) / 100,
        },
      },
      0.5,
    ),
    costMetric(
      {
        id: "ci-client.install-packages",
        label: "installed packages (goal <= 17)",
        unit: "packages",
        ours: ours.packages,
        peerName: "cos-nodejs-sdk-v5",
        peer: official.packages,
      },
      17 / official.packages,
    ),
  ];
}

/** The describe-only app on the modular API: only `createCiCore` and `describeJob` are imported. */
const DESCRIBE_APP =
  'import { createCiCore, describeJob } from "@cibatch/ci-client";\n' +
  "export async function show(id, credentials) {\n" +
  '  const core = createCiCore({ bucket: "examplebucket-1250000000", region: "ap-beijing", credentials });\n' +
  "  return describeJob(core, id);\n}\n";

/** The same app on the class (every method, and so every operation, comes along). */
const CLASS_DESCRIBE_APP =
  'import { CiClient } from "@cibatch/ci-client";\n' +
  "export async function show(id, credentials) {\n" +
  '  const client = new CiClient({ bucket: "examplebucket-1250000000", region: "ap-beijing", credentials });\n' +
  "  return client.describeJob(id);\n}\n";

interface BundleSize {
  /** Minified bytes of what is loaded up front. */
  readonly min: number;
  /** gzip -9 bytes of what is loaded up front (each chunk gzipped on its own, summed). */
  readonly gzip: number;
  /** Minified bytes of our own packages in it (esbuild metafile). */
  readonly own: number;
}

/**
 * esbuild browser bundle of `contents`, minified: its bytes, gzip -9 bytes, and the bytes of our
 * own packages. Without `splitting` everything lands in one file; with `splitting` (ESM chunks)
 * only the entry chunk and the chunks it imports statically are counted, not those behind `import()`.
 */
async function bundle(
  contents: string,
  options: { external?: string[]; splitting?: boolean } = {},
): Promise<BundleSize> {
  const esbuild = (await import("esbuild")) as typeof import("esbuild");
  const result = await esbuild.build({
    stdin: { contents, resolveDir: benchDir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Nothing is written (write: false); outdir only names the chunks.
    absWorkingDir: benchDir,
    outdir: join(benchDir, ".bundle-out"),
    ...(options.splitting && { splitting: true }),
    // esbuild's browser defaults: nothing reachable from the package's default condition may
    // import `node:*` (the build fails if it does, and the output is checked below too).
    external: [...(options.external ?? [])],
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined);
  if (entry === undefined) throw new Error("esbuild produced no entry chunk");
  const loaded = new Set<string>();
  const visit = (name: string): void => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of outputs[name]?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  let min = 0;
  let gzip = 0;
  let own = 0;
  for (const name of loaded) {
    const file = result.outputFiles.find((f) => f.path === resolve(benchDir, name));
    if (file === undefined) throw new Error(`esbuild listed ${name} but produced no such file`);
    const code = file.contents;
    if (/from\s*"node:/.test(Buffer.from(code).toString("utf8")))
      throw new Error("the browser bundle imports a node: module");
    min += code.byteLength;
    gzip += gzipSync(code, { level: 9 }).byteLength;
    for (const [input, info] of Object.entries(outputs[name]?.inputs ?? {})) {
      if (/packages\/(ci-client|signer|xml-model)\//.test(input)) own += info.bytesInOutput;
    }
  }
  return { min, gzip, own };
}

async function browserBundle(): Promise<Metric[]> {
  const thirdParty = ["ky", "fast-xml-parser"];
  const app = await bundle(DESCRIBE_APP);
  // Our code alone: the same app with ky and fast-xml-parser left out of the bundle.
  const ownOnly = await bundle(DESCRIBE_APP, { external: thirdParty });
  const classApp = await bundle(CLASS_DESCRIBE_APP);
  const classOwnOnly = await bundle(CLASS_DESCRIBE_APP, { external: thirdParty });
  const signerOnly = await bundle(
    'import { signRequest } from "@cibatch/signer";\nexport const sign = (input) => signRequest(input);\n',
  );
  const decodeOnly = await bundle(
    'import { decodeDescribeJobsResponse } from "@cibatch/xml-model";\nexport const decode = (xml) => decodeDescribeJobsResponse(xml);\n',
  );
  const kyOnly = await bundle('import ky from "ky";\nexport const get = (url) => ky(url).text();\n');
  // The floor of any describe app made of the required parts: fast-xml-parser's parser alone, and ky +
  // fast-xml-parser + our signer + xml-model's describe decoder, with no ci-client code at all.
  const fxpOnly = await bundle(
    'import { XMLParser } from "fast-xml-parser";\nexport const p = (x) => new XMLParser().parse(x);\n',
  );
  const partsOnly = await bundle(
    'import ky from "ky";\nimport { signRequest } from "@cibatch/signer";\n' +
      'import { decodeDescribeJobsResponse } from "@cibatch/xml-model";\n' +
      "export async function show(url, credentials) {\n" +
      '  const { headers } = await signRequest({ method: "GET", url, credentials });\n' +
      "  return decodeDescribeJobsResponse(await ky(url, { headers }).text());\n}\n",
  );
  const partsOwnOnly = await bundle(
    'import { signRequest } from "@cibatch/signer";\nimport { decodeDescribeJobsResponse } from "@cibatch/xml-model";\n' +
      "export const sign = (input) => signRequest(input);\nexport const decode = (xml) => decodeDescribeJobsResponse(xml);\n",
    { external: thirdParty },
  );
  return [
    costMetric(
      {
        id: "ci-client.browser-bundle-gzip",
        label:
          "esbuild browser bundle of an app calling describeJob (createCiCore + describeJob), one file, minified + gzip -9",
        unit: "bytes",
        ours: app.gzip,
        peerName: "goal ceiling (the official cos-js-sdk-v5 1.10.1 signer-only app: 48,937)",
        peer: 40_000,
        extra: {
          minifiedBytes: app.min,
          ownCodeMinifiedBytes: app.own,
          officialSignerOnlyAppGzip: OFFICIAL_BROWSER_BUNDLE_GZIP,
          classAppGzip: classApp.gzip,
          classAppOwnCodeOnlyGzip: classOwnOnly.gzip,
          signerAloneGzip: signerOnly.gzip,
          xmlModelDecodeAloneGzip: decodeOnly.gzip,
          kyAloneGzip: kyOnly.gzip,
          fastXmlParserAloneGzip: fxpOnly.gzip,
          requiredPartsFloorGzip: partsOnly.gzip,
        },
      },
      1,
    ),
    costMetric(
      {
        id: "ci-client.browser-bundle-own-gzip",
        label: "the same app with ky and fast-xml-parser left out: our own code, minified + gzip -9",
        unit: "bytes",
        ours: ownOnly.gzip,
        peerName: "goal ceiling",
        peer: 12_000,
        extra: { ownCodeMinifiedBytes: ownOnly.own, signerAndDecoderOwnGzip: partsOwnOnly.gzip },
      },
      1,
    ),
  ];
}

/** ky's own cost per call: ky around a fetch that answers at once, against that fetch called bare. */
async function kyCostPerCall(): Promise<Metric> {
  const instant = async (): Promise<Response> => new Response("<Response/>", { status: 200 });
  const viaKy = ky.create({ retry: 0, timeout: false, fetch: instant });
  const url = "http://127.0.0.1:9/inventorytriggerjob";
  const perCallUs = async (fn: () => Promise<unknown>, calls = 20_000): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    return ((performance.now() - start) * 1000) / calls;
  };
  const measured = await interleavedRounds(
    {
      ky: () => perCallUs(() => viaKy(url).then((r) => r.text())),
      bare: () => perCallUs(() => instant().then((r) => r.text())),
    },
    ROUNDS,
  );
  const kyUs = measured.ky?.median ?? 0;
  const bareUs = measured.bare?.median ?? 0;
  return costMetric(
    {
      id: "ci-client.ky-cost-per-call-us",
      label: "ky's cost per call: ky around an instant fetch minus the bare fetch (µs, the accepted price of one road)",
      unit: "µs",
      ours: kyUs - bareUs,
      peerName: "a network round trip on this machine's loopback is ~1000 µs",
      peer: 1000,
      extra: { kyPerCallUs: Math.round(kyUs * 10) / 10, barePerCallUs: Math.round(bareUs * 10) / 10 },
    },
    1,
  );
}

async function paginateMemory(): Promise<Metric> {
  const jobs = 100_000;
  const child = fork(join(here, "ci-client-fake-server.js"), [String(jobs)], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once("message", (m) => resolve(String(m)));
      child.once("error", reject);
    });
    // The walk runs in a fresh process with collections forced before and after: the peak RSS growth, and
    // the heap still used after a full collection (what a retention would keep, as opposed to garbage not yet
    // collected). In the bench's own process the same code gave 25 to 126 MB from run to run, depending on
    // what the suites before it had left in the heap. The floor walks the same pages through a bare
    // keep-alive node:http GET, our signature and fast-xml-parser's parse.
    const fresh = async (mode: "client" | "floor"): Promise<{ peakMb: number; keptMb: number }> => {
      const walker = fork(join(here, "ci-client-paginate.js"), [url, mode, String(jobs)], {
        execArgv: ["--expose-gc"],
        stdio: ["ignore", "ignore", "inherit", "ipc"],
      });
      return new Promise((resolve, reject) => {
        walker.once("message", (m) => resolve(m as { peakMb: number; keptMb: number }));
        walker.once("error", reject);
        walker.once("exit", (code) => reject(new Error(`the ${mode} walk exited with ${code}`)));
      });
    };
    const ours = await fresh("client");
    const floor = await fresh("floor");
    return costMetric(
      {
        id: "ci-client.paginate-rss-growth",
        label: "paginateJobs over 100,000 jobs from the fake, in a fresh process: peak RSS growth",
        unit: "MB",
        ours: ours.peakMb,
        peerName: "goal ceiling",
        peer: 50,
        extra: {
          jobs,
          heapKeptAfterGcMb: ours.keptMb,
          floorPeakMb: floor.peakMb,
          floorHeapKeptAfterGcMb: floor.keptMb,
        },
      },
      1,
    );
  } finally {
    child.kill();
  }
}

/**
 * `@cibatch/ci-client` against the official Node SDK in one run: describe requests per second
 * (sequential and 16-way) against a static server in its own process (with the node:http adapter
 * and with the platform fetch), ky's cost per call, cold import time, installed footprint, the
 * browser bundle of a describe-only app (total and our own code), and peak RSS growth of
 * `paginateJobs` over 100,000 jobs.
 */
export const ciClientSuite: Suite = {
  name: "ci-client",
  async run(): Promise<Metric[]> {
    const metrics: Metric[] = [];
    metrics.push(...(await describeRates()));
    metrics.push(coldImport());
    metrics.push(...installedFootprint());
    metrics.push(await kyCostPerCall());
    metrics.push(...(await browserBundle()));
    metrics.push(await paginateMemory());
    return metrics;
  },
};
