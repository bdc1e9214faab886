// `pnpm api:check` and `pnpm api:update`: generate each publishable package's API report from its built
// declarations, compare it with the checked-in one and with the last released one.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findBaseline } from "./baseline.mjs";
import { pendingBumps } from "./changesets.mjs";
import { bumpCovers, compareReports, formatChanges, requiredBump } from "./compare.mjs";
import { createApiProgram, extractApi } from "./extract.mjs";
import { parseReport, REPORT_FILE, renderReport } from "./report-format.mjs";
import { publishablePackages } from "./workspace.mjs";

/**
 * @typedef {import("./report-format.mjs").ApiReport} ApiReport
 * @typedef {import("./workspace.mjs").WorkspacePackage} WorkspacePackage
 */

/**
 * @typedef {object} RunOptions
 * @property {string} root the repository root
 * @property {"check" | "update"} mode `check` never writes; `update` rewrites stale reports
 * @property {string | undefined} [base] a git ref to compare against instead of each package's last release
 */

/**
 * @typedef {object} RunResult
 * @property {boolean} ok false when CI must fail
 * @property {string[]} lines what to print
 */

/**
 * Builds a package's report from its built declarations, and checks that every condition of an entry point
 * (e.g. signer's `node` and default builds) declares the same API.
 *
 * @param {string} root
 * @param {WorkspacePackage} pkg
 * @param {import("typescript").Program} [program] a program over every declaration file the package's entry
 *   points name (one is made when omitted)
 * @returns {{ report: ApiReport, problems: string[] }}
 */
export function generateReport(root, pkg, program = createApiProgram(declarationFiles(root, [pkg]))) {
  /** @type {ApiReport} */
  const report = { packageName: pkg.name, entryPoints: pkg.entryPoints, exports: [] };
  /** @type {string[]} */
  const problems = [];
  for (const entry of pkg.entryPoints) {
    const entries = extractApi(join(root, pkg.dir, entry.types), program);
    report.exports.push(...entries.map((item) => ({ subpath: entry.subpath, ...item })));
    for (const other of entry.identical) {
      const changes = compareReports(
        { exports: entries.map((item) => ({ subpath: entry.subpath, ...item })) },
        {
          exports: extractApi(join(root, pkg.dir, other), program).map((item) => ({ subpath: entry.subpath, ...item })),
        },
      );
      if (changes.length > 0) {
        problems.push(
          `${pkg.name}: ${pkg.dir}/${other} must export the same API as ${pkg.dir}/${entry.types} (entry ${entry.subpath}):`,
          ...formatChanges(changes),
        );
      }
    }
  }
  return { report, problems };
}

/**
 * Every declaration file the entry points of `packages` name, as absolute paths.
 *
 * @param {string} root
 * @param {readonly WorkspacePackage[]} packages
 * @returns {string[]}
 */
function declarationFiles(root, packages) {
  return packages.flatMap((pkg) =>
    pkg.entryPoints.flatMap((entry) => [entry.types, ...entry.identical].map((file) => join(root, pkg.dir, file))),
  );
}

/**
 * Runs the check (or the update) over every publishable package of the workspace at `root`.
 *
 * @param {RunOptions} options
 * @returns {RunResult}
 * @example
 * ```js
 * const { ok, lines } = runApiReports({ root: process.cwd(), mode: "check" });
 * console.log(lines.join("\n"));
 * process.exitCode = ok ? 0 : 1;
 * ```
 */
export function runApiReports(options) {
  const { root, mode, base } = options;
  /** @type {string[]} */
  const lines = [];
  let ok = true;
  const bumps = pendingBumps(root);
  const packages = publishablePackages(root);
  const files = declarationFiles(root, packages);
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return { ok: false, lines: [`FAIL missing ${missing.join(", ")}: run \`pnpm build\` first.`] };
  }
  const program = createApiProgram(files);
  for (const pkg of packages) {
    const reportPath = `${pkg.dir}/${REPORT_FILE}`;
    let generated;
    try {
      generated = generateReport(root, pkg, program);
    } catch (error) {
      ok = false;
      lines.push(`FAIL ${pkg.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const { report, problems } = generated;
    if (problems.length > 0) {
      ok = false;
      lines.push(`FAIL ${problems[0]}`, ...problems.slice(1));
    }
    const text = renderReport(report);
    const file = join(root, reportPath);
    const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    const declared = bumps.get(pkg.name) ?? "none";

    if (current !== text) {
      const changes = current === undefined ? [] : compareReports(parseReport(current), report);
      const summary = current === undefined ? "no report yet" : `${changes.length} change(s)`;
      if (mode === "update") {
        writeFileSync(file, text);
        lines.push(`updated ${reportPath} (${summary})`, ...formatChanges(changes));
      } else {
        ok = false;
        lines.push(
          `FAIL ${pkg.name}: ${reportPath} does not match the built API (${summary}):`,
          ...formatChanges(changes),
        );
        if (requiredBump(changes) === "major" && declared !== "major") {
          lines.push(
            `  These changes break users of ${pkg.name}: add a changeset with \`"${pkg.name}": major\` (pending: ${declared}).`,
          );
        }
        lines.push("  Run `pnpm api:update` and commit the report.");
      }
    } else {
      lines.push(`ok ${pkg.name}: ${report.exports.length} exports, ${reportPath} up to date`);
    }

    const baseline = findBaseline(root, pkg.dir, REPORT_FILE, base);
    if (baseline === undefined) continue;
    const sinceRelease = compareReports(parseReport(baseline.reportText), report);
    const required = requiredBump(sinceRelease);
    if (bumpCovers(declared, required)) continue;
    const where = `${baseline.version} (${baseline.source}, ${baseline.commit.slice(0, 10)})`;
    const message = [
      `${pkg.name}: the API changed since ${where}; that needs a ${required} changeset, the pending changesets declare ${declared}:`,
      ...formatChanges(sinceRelease),
      `  Add .changeset/<name>.md with \`"${pkg.name}": ${required}\` and a summary for the changelog.`,
    ];
    if (mode === "check") {
      ok = false;
      lines.push(`FAIL ${message[0]}`, ...message.slice(1));
    } else {
      lines.push(`warning ${message[0]}`, ...message.slice(1));
    }
  }
  return { ok, lines };
}
