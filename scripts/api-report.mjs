#!/usr/bin/env node
// Usage: node scripts/api-report.mjs check|update [--base <git ref>]
// Run after `pnpm build`: the reports are generated from each publishable package's built declarations.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runApiReports } from "./api-report/run.mjs";

const usage = "usage: node scripts/api-report.mjs check|update [--base <git ref>]";

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { base: { type: "string" } } });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const mode = parsed.positionals[0];
if ((mode !== "check" && mode !== "update") || parsed.positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
try {
  const { ok, lines } = runApiReports({ root, mode, base: parsed.values.base });
  console.log(lines.join("\n"));
  if (!ok) console.error("\napi:check failed: see FAIL lines above.");
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  console.error(`api-report: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
