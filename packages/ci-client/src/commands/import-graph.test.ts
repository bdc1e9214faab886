import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The browser branch of the package's `imports` conditions. */
const BROWSER_IMPORTS: Record<string, string> = {
  "#default-credentials": "client/default-credentials-web.ts",
  "#default-fetch": "transport/default-fetch-web.ts",
};
const STATIC_IMPORT = /^(?:import|export)\s+(type\s+)?\{?([^;]*?)\}?\s*from\s*"([^"]+)";/gms;

interface Graph {
  /** Source files reached through value (non-type) static imports, relative to src/. */
  readonly files: Set<string>;
  /** Value names imported from each package. */
  readonly packages: Map<string, Set<string>>;
}

/** Walks the static value imports from `entries` (type-only imports are erased, so they are skipped). */
function staticGraph(entries: readonly string[]): Graph {
  const files = new Set<string>();
  const packages = new Map<string, Set<string>>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(join(SRC, file), "utf8");
    for (const [, typeOnly, names = "", specifier = ""] of text.matchAll(STATIC_IMPORT)) {
      if (typeOnly) continue;
      const values = names
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n !== "" && !n.startsWith("type "));
      if (values.length === 0) continue;
      if (specifier.startsWith(".")) pending.push(join(dirname(file), specifier).replace(/\.js$/, ".ts"));
      else if (specifier in BROWSER_IMPORTS) pending.push(BROWSER_IMPORTS[specifier] as string);
      else {
        const set = packages.get(specifier) ?? new Set<string>();
        for (const name of values) set.add(name);
        packages.set(specifier, set);
      }
    }
  }
  return { files, packages };
}

describe("the import graph of a describe-only app (browser conditions)", () => {
  const graph = staticGraph(["client/create-ci-core.ts", "commands/describe-job.ts"]);

  it("walks something (the walker itself works)", () => {
    expect(graph.files).toContain("transport/ky-transport.ts");
    expect(graph.files).toContain("operations/describe-jobs.ts");
    expect(graph.packages.get("@cibatch/xml-model")).toContain("decodeDescribeJobsResponse");
    expect(graph.packages.get("@cibatch/signer")).toContain("signRequest");
  });

  it("reaches no other operation, no reconciliation, no profile-file credentials, not the class", () => {
    const forbidden = [
      "operations/create-job.ts",
      "operations/reconcile-create.ts",
      "operations/name-nonce.ts",
      "operations/list-jobs.ts",
      "operations/paginate-jobs.ts",
      "operations/wait-for-job.ts",
      "operations/cancel-job.ts",
      "credentials/default-chain.ts",
      "credentials/from-profile-file.ts",
      "credentials/profile-sections.ts",
      "client/ci-client.ts",
    ];
    expect(forbidden.filter((file) => graph.files.has(file))).toEqual([]);
  });

  it("imports neither the XML encoder nor create validation nor the list query builder, and ky only lazily", () => {
    const xml = graph.packages.get("@cibatch/xml-model") ?? new Set();
    for (const name of ["encodeCreateJobRequest", "validateCreateJobRequest", "listQueryToSearch"])
      expect(xml.has(name)).toBe(false);
    expect(graph.packages.has("ky")).toBe(false);
    expect(graph.packages.has("ini")).toBe(false);
  });

  it("keeps the retry path (policy, decisions, classification, ky) behind the transport's lazy import()", () => {
    const lazyOnly = [
      "transport/ky-transport-retry.ts",
      "retry/retry-policy.ts",
      "retry/decide.ts",
      "retry/classify.ts",
      "retry/backoff.ts",
      "retry/retry-after.ts",
      "transport/call-outcome.ts",
    ];
    expect(lazyOnly.filter((file) => graph.files.has(file))).toEqual([]);
    // The walker does reach them from the retry path itself (so the check above can fail).
    const retryGraph = staticGraph(["transport/ky-transport-retry.ts"]);
    expect(lazyOnly.filter((file) => !retryGraph.files.has(file))).toEqual([]);
    // And the transport names the module it loads lazily.
    expect(readFileSync(join(SRC, "transport/ky-transport.ts"), "utf8")).toContain('import("./ky-transport-retry.js")');
  });

  it("leaves the INI parser and node: modules out of the whole barrel's static graph (fromProfileFile loads them when it runs)", () => {
    // The package ships as bundled shared chunks: a static import in any module the barrel reaches
    // can end up in a chunk a browser app loads, and esbuild keeps imports of external modules.
    const barrel = staticGraph(["index.ts"]);
    expect(barrel.files).toContain("credentials/from-profile-file.ts");
    expect(barrel.packages.has("ini")).toBe(false);
    expect([...barrel.packages.keys()].filter((name) => name.startsWith("node:"))).toEqual([]);
    expect(barrel.files.has("credentials/profile-sections.ts")).toBe(false);
    // The walker sees ini and node: imports where they are static (so the checks above can fail).
    expect(staticGraph(["credentials/profile-sections.ts"]).packages.has("ini")).toBe(true);
    expect(staticGraph(["transport/node-http-fetch.ts"]).packages.has("node:http")).toBe(true);
  });

  it("while the class's graph does reach them (so the check above can fail)", () => {
    const classGraph = staticGraph(["client/ci-client.ts"]);
    expect(classGraph.files).toContain("operations/reconcile-create.ts");
    expect(classGraph.packages.get("@cibatch/xml-model")).toContain("encodeCreateJobRequest");
  });
});
