import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Metric, Suite } from "./measure.js";
import { suites } from "./suites/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, "..", "results");

function fmt(n: number): string {
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString("en-US");
  return n.toPrecision(4);
}

function table(metrics: readonly Metric[]): string {
  const rows = [
    "| metric | ours | peer | peer value | ratio | goal | met |",
    "| --- | ---: | --- | ---: | ---: | --- | --- |",
  ];
  for (const m of metrics) {
    rows.push(
      `| ${m.label} | ${fmt(m.ours)} ${m.unit} | ${m.peerName} | ${fmt(m.peer)} ${m.unit} | ${m.ratio.toFixed(2)}x | ${m.goal} | ${m.met ? "yes" : "**no**"} |`,
    );
  }
  return rows.join("\n");
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen: readonly Suite[] = only.length ? suites.filter((s) => only.includes(s.name)) : suites;
  const metrics: Metric[] = [];
  for (const suite of chosen) {
    process.stderr.write(`bench: ${suite.name} ...\n`);
    const got = await suite.run();
    for (const m of got) {
      process.stderr.write(
        `  ${m.label}: ${fmt(m.ours)} vs ${fmt(m.peer)} ${m.unit} (${m.ratio.toFixed(2)}x, goal ${m.goal})\n`,
      );
    }
    metrics.push(...got);
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    metrics,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  const md = `Measured ${report.date} on ${report.node} ${report.platform}.\n\n${table(metrics)}\n`;
  writeFileSync(join(resultsDir, "latest.md"), md);
  process.stdout.write(`${md}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
