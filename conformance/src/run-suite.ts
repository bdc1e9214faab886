import type { Harness } from "./harness.js";
import { SCENARIOS } from "./scenarios.js";

/** One scenario's outcome. */
export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

/** A runtime's report, in the shape of vitest's JSON report (the CI summary reads these counts). */
export interface RuntimeReport {
  readonly runtime: string;
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numPendingTests: number;
  readonly numTodoTests: number;
  readonly numFailedTestSuites: number;
  readonly results: readonly ScenarioResult[];
}

/** Runs every scenario against the harness, one after the other, each from a reset fake. */
export async function runSuite(runtime: string, h: Harness): Promise<RuntimeReport> {
  const results: ScenarioResult[] = [];
  for (const scenario of SCENARIOS) {
    const started = performance.now();
    try {
      await h.reset();
      await scenario.run(h);
      results.push({ name: scenario.name, ok: true, ms: Math.round(performance.now() - started) });
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name: scenario.name, ok: false, ms: Math.round(performance.now() - started), error: text });
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  return {
    runtime,
    numPassedTests: results.length - failed,
    numFailedTests: failed,
    numPendingTests: 0,
    numTodoTests: 0,
    numFailedTestSuites: 0,
    results,
  };
}

/** The runtime's pass/fail table, as printed lines. */
export function formatTable(report: RuntimeReport): string {
  const width = Math.max(...report.results.map((r) => r.name.length), 8);
  const lines = [`conformance on ${report.runtime}`, `  ${"scenario".padEnd(width)}  result   ms`];
  for (const r of report.results) {
    lines.push(`  ${r.name.padEnd(width)}  ${r.ok ? "pass" : "FAIL"}  ${String(r.ms).padStart(5)}`);
    if (r.error) lines.push(`      ${r.error}`);
  }
  lines.push(`  ${report.runtime}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  return lines.join("\n");
}

/** The marker before the JSON report on a runtime's last stdout line (the runner reads it). */
export const REPORT_MARKER = "CONFORMANCE_REPORT ";
