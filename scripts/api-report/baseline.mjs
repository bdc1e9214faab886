// The API a package was last released with: its report at the commit that last changed its version.
import { execFileSync } from "node:child_process";

/**
 * @typedef {object} Baseline
 * @property {string} commit
 * @property {string} version the package's version at that commit
 * @property {string} reportText the report as committed there
 * @property {string} source how the commit was chosen, for messages
 */

/**
 * @param {string} root
 * @param {string[]} args
 * @returns {string | undefined} stdout, or undefined when git fails (no repository, no such path)
 */
function git(root, args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/**
 * Finds what to compare a package's API against for the changeset rule:
 * - with `base` (a git ref, e.g. `origin/main` on a pull request), the report at that ref;
 * - otherwise the report at the last commit that changed `"version"` in the package's package.json (what
 *   `pnpm version-packages` commits before `pnpm release` publishes), if that version is not `0.0.0`.
 * Returns undefined when there is nothing to compare against: never released, no report then, no git.
 *
 * @param {string} root the repository root
 * @param {string} dir the package folder, relative to the root
 * @param {string} reportFile the report's file name inside the package folder
 * @param {string | undefined} base
 * @returns {Baseline | undefined}
 */
export function findBaseline(root, dir, reportFile, base) {
  let commit;
  let source;
  if (base !== undefined) {
    commit = git(root, ["rev-parse", "--verify", "--quiet", `${base}^{commit}`])?.trim();
    if (!commit) throw new Error(`--base ${base}: no such git revision.`);
    source = `--base ${base}`;
  } else {
    commit = git(root, [
      "log",
      "-1",
      "--format=%H",
      "-G",
      '"version"[[:space:]]*:',
      "--",
      `${dir}/package.json`,
    ])?.trim();
    source = "last version change";
  }
  if (!commit) return undefined;
  const manifest = git(root, ["show", `${commit}:${dir}/package.json`]);
  let version = "0.0.0";
  try {
    version = String(JSON.parse(manifest ?? "{}").version ?? "0.0.0");
  } catch {
    return undefined;
  }
  if (base === undefined && version === "0.0.0") return undefined;
  const reportText = git(root, ["show", `${commit}:${dir}/${reportFile}`]);
  if (reportText === undefined) return undefined;
  return { commit, version, reportText, source };
}
