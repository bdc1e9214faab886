// The checked-in report: `packages/<name>/api-report.api.md`, rendered and read back.

/**
 * @typedef {object} EntryPoint
 * @property {string} subpath the `exports` key (`.`, `./testing`)
 * @property {string} types the declaration file the report is generated from, relative to the package
 * @property {string[]} identical other declaration files of the same subpath (other conditions) that must
 *   export exactly the same API
 */

/**
 * @typedef {object} ReportExport
 * @property {string} subpath
 * @property {string} name
 * @property {string} kind
 * @property {string[]} declarations
 */

/**
 * @typedef {object} ApiReport
 * @property {string} packageName
 * @property {EntryPoint[]} entryPoints
 * @property {ReportExport[]} exports sorted by subpath, then name
 */

export const REPORT_FILE = "api-report.api.md";

const FENCE = "```";
// Not `ts`: Biome formats TypeScript blocks inside Markdown, and the report must stay exactly as rendered.
const OPEN_FENCE = `${FENCE}text`;

/**
 * Renders a report as Markdown: one section per entry point, one heading per export with its kind and
 * declarations. The output depends only on the report, so regenerating an unchanged API gives the same bytes.
 *
 * @param {ApiReport} report
 * @returns {string}
 */
export function renderReport(report) {
  const lines = [
    `# API report: ${report.packageName}`,
    "",
    "Generated from the built declarations by `pnpm api:update`; `pnpm api:check` compares it in CI. Do not edit by hand.",
    "",
    "## Entry points",
    "",
  ];
  for (const entry of report.entryPoints) {
    const identical = entry.identical.length === 0 ? "" : ` (same API: ${entry.identical.map(code).join(", ")})`;
    lines.push(`- ${code(entry.subpath)}: ${code(entry.types)}${identical}`);
  }
  for (const entry of report.entryPoints) {
    const exports = report.exports.filter((item) => item.subpath === entry.subpath);
    lines.push("", `## Exports of ${code(entry.subpath)}`, "", `${exports.length} exported names.`);
    for (const item of exports) {
      lines.push("", `### ${code(item.name)}`, "", `Kind: ${item.kind}`);
      for (const declaration of item.declarations) {
        lines.push("", OPEN_FENCE, declaration, FENCE);
      }
    }
  }
  lines.push("");
  return lines.join("\n");
}

/**
 * @param {string} text
 * @returns {string}
 */
function code(text) {
  return `\`${text}\``;
}

/**
 * @param {string} line
 * @param {RegExp} pattern
 * @returns {RegExpExecArray | null}
 */
function match(line, pattern) {
  return pattern.exec(line);
}

/**
 * Reads a report rendered by {@link renderReport} back. Throws on text it cannot read (a hand edit gone
 * wrong), with the line number.
 *
 * @param {string} text
 * @returns {ApiReport}
 */
export function parseReport(text) {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  /** @type {ApiReport} */
  const report = { packageName: "", entryPoints: [], exports: [] };
  /** @type {string | undefined} */
  let subpath;
  /** @type {ReportExport | undefined} */
  let current;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const fail = (/** @type {string} */ why) => {
      throw new Error(`API report line ${index + 1}: ${why}; regenerate it with \`pnpm api:update\`.`);
    };
    let found = match(line, /^# API report: (.+)$/);
    if (found) {
      report.packageName = found[1] ?? "";
      continue;
    }
    found = match(line, /^- `([^`]+)`: `([^`]+)`(?: \(same API: (.+)\))?$/);
    if (found && current === undefined) {
      const identical = [...(found[3] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
      report.entryPoints.push({ subpath: found[1] ?? "", types: found[2] ?? "", identical });
      continue;
    }
    found = match(line, /^## Exports of `([^`]+)`$/);
    if (found) {
      subpath = found[1];
      current = undefined;
      continue;
    }
    found = match(line, /^### `([^`]+)`$/);
    if (found) {
      if (subpath === undefined) fail("an export heading before any `## Exports of` section");
      current = { subpath: subpath ?? ".", name: found[1] ?? "", kind: "", declarations: [] };
      report.exports.push(current);
      continue;
    }
    found = match(line, /^Kind: (.+)$/);
    if (found && current !== undefined) {
      current.kind = found[1] ?? "";
      continue;
    }
    if (line === OPEN_FENCE) {
      if (current === undefined) fail("a declaration outside an export section");
      const body = [];
      index += 1;
      while (index < lines.length && lines[index] !== FENCE) {
        body.push(lines[index]);
        index += 1;
      }
      if (index >= lines.length) fail("an unterminated code block");
      current?.declarations.push(body.join("\n"));
    }
  }
  if (report.packageName === "") throw new Error("API report has no `# API report:` title; run `pnpm api:update`.");
  return report;
}
