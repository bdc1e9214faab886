// The suite, run by Node, against a fake served somewhere else (a workerd module): `node remote.mjs <url> <label>`.
import { socketHarness } from "./harness.js";
import { formatTable, REPORT_MARKER, runSuite } from "./run-suite.js";

const [url, label] = process.argv.slice(2) as [string, string];
const report = await runSuite(label, await socketHarness(url));
console.log(`${formatTable(report)}\n`);
console.log(`${REPORT_MARKER}${JSON.stringify([report])}`);
