#!/usr/bin/env node
// Usage: node scripts/check-citations.mjs [--summary]   (part of `pnpm lint`)
//
// The repository stands alone: comments, READMEs, guides and help text say the thing itself or cite a record in
// docs/decisions/, never a document that is not in the repository. This check fails on the forms such citations
// took: a design document's file name (`api.md`, `cli.md`, `reliability.md`, …), a path into the design folder
// (`../shared`), "the issue", "design card", "seed document", and a `§` that is not part of a public standard's
// citation (`RFC 9112 §3.2.2` and `ECMA-262 §7.1` are fine). With --summary it also counts the findings per
// room (package, app or top-level folder).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const self = relative(root, fileURLToPath(import.meta.url));
/** This check and its tests quote the forbidden forms on purpose. */
const OWN_FILES = new Set([self, self.replace(/\.mjs$/, ".test.ts")]);

/** Files that people read: sources (comments and help text), READMEs and the docs site's pages and scripts. */
const SCANNED = [
  /(^|\/)src\/.+\.(ts|mts|js|mjs)$/,
  /(^|\/)README\.md$/,
  /^apps\/docs\/.+\.(md|ts|mjs|json)$/,
  /^scripts\/.+\.(ts|mjs)$/,
  /^bench\/.+\.(ts|mjs)$/,
  /^[^/]+\.(ts|mjs)$/,
];
const SKIPPED = [/(^|\/)(dist|node_modules|generated|coverage)\//, /\.api\.md$/, /(^|\/)CHANGELOG\.md$/];

/** Names of the design documents that once lived beside the repository. */
const DOCUMENTS = [
  "api",
  "cli",
  "reliability",
  "signing",
  "official-sdks",
  "testing-fakes",
  "docs-site",
  "architecture",
  "style",
  "signature-vectors",
];
const FORBIDDEN = [
  { what: "a design document", pattern: new RegExp(`(?<![\\w/.-])(${DOCUMENTS.join("|")})\\.md\\b`, "g") },
  { what: "a design document", pattern: /\breliability §/g },
  { what: "a path beside the repository", pattern: /\.\.\/shared\b|\bshared\/(spec|design|seeds)\b/g },
  { what: '"the issue"', pattern: /\bthe issue\b/gi },
  { what: '"design card"', pattern: /\bdesign card\b/gi },
  { what: '"seed document"', pattern: /\bseed document\b/gi },
];
/** A public standard, named just before its `§`: `RFC 3986 §2.3`, `ECMA-262 §7.1.6`, `FIPS 180-4 §6.1`. */
const STANDARD =
  /(RFC ?\d+|ECMA-\d+|ISO(\/IEC)? ?[\d-]+|FIPS ?[\d-]+|XML 1\.[01]|(Fetch|URL|Encoding|HTML) (Living )?Standard|IEEE ?\d+)[^§\n]{0,24}(§ ?[\w.]+[^§\n]{0,12})*$/;

/** The findings in one file's text: `{ line, what, text }`. */
export function findCitations(text) {
  const findings = [];
  text.split("\n").forEach((line, index) => {
    for (const { what, pattern } of FORBIDDEN) {
      for (const match of line.matchAll(pattern)) findings.push({ line: index + 1, what, text: match[0] });
    }
    for (const match of line.matchAll(/§/g)) {
      if (!STANDARD.test(line.slice(0, match.index))) {
        findings.push({
          line: index + 1,
          what: "a § outside a public standard's citation",
          text: line.slice(match.index, match.index + 12).trim(),
        });
      }
    }
  });
  return findings;
}

/** The room a file belongs to: `packages/signer`, `apps/cli`, `bench`, `scripts`, or `(root)`. */
function roomOf(file) {
  const parts = file.split("/");
  if (parts[0] === "packages" || parts[0] === "apps") return parts.slice(0, 2).join("/");
  return parts.length > 1 ? parts[0] : "(root)";
}

function main() {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter(
      (file) =>
        file !== "" && !OWN_FILES.has(file) && SCANNED.some((p) => p.test(file)) && !SKIPPED.some((p) => p.test(file)),
    );
  const perRoom = new Map();
  let total = 0;
  for (const file of files) {
    let text;
    try {
      text = readFileSync(join(root, file), "utf8");
    } catch {
      continue; // listed by git but deleted in the work tree
    }
    for (const finding of findCitations(text)) {
      console.log(`${file}:${finding.line}: ${finding.what}: ${finding.text}`);
      perRoom.set(roomOf(file), (perRoom.get(roomOf(file)) ?? 0) + 1);
      total += 1;
    }
  }
  if (process.argv.includes("--summary") || total > 0) {
    for (const [room, count] of [...perRoom].sort()) console.log(`  ${room}: ${count}`);
  }
  if (total > 0) {
    console.error(
      `\n${total} citation(s) of documents outside the repository. Say the thing itself, or cite a record in docs/decisions/.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`check-citations: ${files.length} files, no citation of a document outside the repository.`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
