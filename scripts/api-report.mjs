#!/usr/bin/env node
// Usage: node scripts/api-report.mjs check|update [--base <git ref>]   (`pnpm api:check`, `pnpm api:update`)
//
// Run after `pnpm build`. For every published package, API Extractor writes the API of its rolled-up
// dist/index.d.ts to `api-report.api.md` beside its package.json:
// - `check` fails when a report differs from the committed one (run `pnpm api:update` and commit the result);
// - both fail when an export was removed or changed since the last release (the report at the last commit that
//   set a version other than 0.0.0, or at `--base <ref>`) and no pending changeset gives the package a major bump.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import getReleasePlan from "@changesets/get-release-plan";
import readChangesets from "@changesets/read";
import { getPackages } from "@manypkg/get-packages";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";

const REPORT = "api-report.api.md";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { positionals, values } = parseArgs({ allowPositionals: true, options: { base: { type: "string" } } });
const mode = positionals[0];
if ((mode !== "check" && mode !== "update") || positionals.length !== 1) {
  console.error("usage: node scripts/api-report.mjs check|update [--base <git ref>]");
  process.exit(2);
}

function git(args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/** Runs API Extractor on one package; returns the report it generated and whether it differs from the file. */
function extract(dir, manifest, temp) {
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(dir, "api-extractor.json"), // not read: the configuration is this object
    packageJsonFullPath: join(dir, "package.json"),
    packageJson: manifest,
    configObject: {
      projectFolder: dir,
      newlineKind: "lf",
      mainEntryPointFilePath: "<projectFolder>/dist/index.d.ts",
      compiler: {
        overrideTsconfig: {
          compilerOptions: { target: "es2023", lib: ["es2023"], module: "nodenext", types: ["node"], strict: true },
          files: ["dist/index.d.ts"],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: "api-report",
        reportFolder: "<projectFolder>/",
        reportTempFolder: temp,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Our TSDoc uses @example blocks and {@link} only; the report is about the shapes, not the prose.
        tsdocMessageReporting: { default: { logLevel: "none" } },
        extractorMessageReporting: {
          default: { logLevel: "warning" },
          "ae-missing-release-tag": { logLevel: "none" },
          "ae-undocumented": { logLevel: "none" },
        },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: mode === "update", showVerboseMessages: false });
  if (result.errorCount > 0) throw new Error(`${manifest.name}: API Extractor reported ${result.errorCount} error(s)`);
  return { text: readFileSync(join(temp, `${REPORT}`), "utf8"), changed: result.apiReportChanged };
}

/** The report's declarations (the blank-line separated blocks of its code fence), as a set of texts. */
function declarations(report) {
  const code = /```ts\n([\s\S]*?)```/.exec(report.replaceAll("\r\n", "\n"))?.[1] ?? "";
  return new Set(
    code
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== "" && !block.startsWith("// (No @packageDocumentation")),
  );
}

/** The report a package was last released with (or had at `--base`), if any. */
function baseline(dir) {
  const ref =
    values.base ??
    git(["log", "-1", "--format=%H", "-G", '"version"[[:space:]]*:', "--", `${dir}/package.json`])?.trim();
  if (!ref) return undefined;
  const version = JSON.parse(git(["show", `${ref}:${dir}/package.json`]) ?? "{}").version;
  if (values.base === undefined && (version === undefined || version === "0.0.0")) return undefined;
  return git(["show", `${ref}:${dir}/${REPORT}`]);
}

const { packages } = await getPackages(root);
const published = packages.filter((pkg) => !pkg.packageJson.private);
const plan = await getReleasePlan(root);
const bump = new Map(plan.releases.map((release) => [release.name, release.type]));
const pending = await readChangesets(root);
/** The pending changesets that name a package, for the failure message: `foo.md (minor)`. */
const changesetsOf = (name) =>
  pending.flatMap((c) => c.releases.filter((r) => r.name === name).map((r) => `.changeset/${c.id}.md (${r.type})`));
const temp = mkdtempSync(join(tmpdir(), "api-report-"));
let failures = 0;
try {
  for (const { dir, packageJson } of published) {
    const where = relative(root, dir);
    const { text, changed } = extract(dir, packageJson, join(temp, packageJson.name.replace("/", "+")));
    if (changed && mode === "check") {
      console.error(`FAIL ${packageJson.name}: ${where}/${REPORT} is out of date; run \`pnpm api:update\`.`);
      failures += 1;
    } else {
      console.log(`${changed ? "updated" : "ok"} ${packageJson.name}: ${where}/${REPORT}`);
    }
    const before = baseline(where);
    if (before === undefined) continue;
    const now = declarations(text);
    const gone = [...declarations(before)].filter((block) => !now.has(block));
    if (gone.length > 0 && bump.get(packageJson.name) !== "major") {
      console.error(
        `FAIL ${packageJson.name}: ${gone.length} export(s) removed or changed since ${values.base ?? "the last release"}, and no pending changeset bumps it "major":`,
      );
      for (const block of gone) console.error(`  - ${block.split("\n").find((line) => !line.startsWith("//"))}`);
      console.error(`  pending changesets for it: ${changesetsOf(packageJson.name).join(", ") || "none"}`);
      failures += 1;
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exitCode = failures > 0 ? 1 : 0;
