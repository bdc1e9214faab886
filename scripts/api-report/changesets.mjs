// Reads the bumps that pending changesets (.changeset/*.md) declare, from their front matter.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUMPS } from "./compare.mjs";

/** @typedef {import("./compare.mjs").Bump} Bump */

/**
 * Parses one changeset's front matter: `"@scope/name": major|minor|patch|none` lines between two `---`.
 * Throws, naming the file, on anything else, so a broken changeset never silently counts as no bump.
 *
 * @param {string} text
 * @param {string} file for messages
 * @returns {Map<string, Bump>}
 */
export function parseChangeset(text, file) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  /** @type {Map<string, Bump>} */
  const bumps = new Map();
  if (lines[0]?.trim() !== "---") throw new Error(`${file}: a changeset starts with a \`---\` front matter line.`);
  const end = lines.indexOf("---", 1);
  if (end === -1) throw new Error(`${file}: the front matter has no closing \`---\` line.`);
  for (const line of lines.slice(1, end)) {
    if (line.trim() === "") continue;
    const found = /^\s*(["']?)([^"':\s][^"':]*)\1\s*:\s*(\S+)\s*$/.exec(line);
    const name = found?.[2];
    const bump = /** @type {Bump | undefined} */ (found?.[3]);
    if (name === undefined || bump === undefined || !BUMPS.includes(bump)) {
      throw new Error(`${file}: cannot read \`${line}\`; expected \`"@scope/name": major|minor|patch|none\`.`);
    }
    const previous = bumps.get(name) ?? "none";
    bumps.set(name, BUMPS.indexOf(bump) > BUMPS.indexOf(previous) ? bump : previous);
  }
  return bumps;
}

/**
 * The highest bump each package gets from the pending changesets in `.changeset/`.
 *
 * @param {string} root the repository root
 * @returns {Map<string, Bump>}
 */
export function pendingBumps(root) {
  const folder = join(root, ".changeset");
  /** @type {Map<string, Bump>} */
  const bumps = new Map();
  let files;
  try {
    files = readdirSync(folder);
  } catch {
    return bumps;
  }
  for (const file of files.sort()) {
    if (!file.endsWith(".md") || file.toLowerCase() === "readme.md" || file.startsWith(".")) continue;
    const parsed = parseChangeset(readFileSync(join(folder, file), "utf8"), `.changeset/${file}`);
    for (const [name, bump] of parsed) {
      const previous = bumps.get(name) ?? "none";
      bumps.set(name, BUMPS.indexOf(bump) > BUMPS.indexOf(previous) ? bump : previous);
    }
  }
  return bumps;
}
