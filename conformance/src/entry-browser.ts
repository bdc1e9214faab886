// The page: the suite in a real browser, against the fake on another 127.0.0.1 port (every call is cross-origin,
// so the fake's CORS answers are exercised for real).
import { socketHarness } from "./harness.js";
import { formatTable, REPORT_MARKER, runSuite } from "./run-suite.js";

declare const location: { readonly href: string };
declare const navigator: { readonly userAgent: string };

const fakeUrl = new URL(location.href).searchParams.get("fake") as string;
const agent = navigator.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent;
const report = await runSuite(`chromium (${agent}), fake on another origin`, await socketHarness(fakeUrl));
console.log(formatTable(report));
(globalThis as { __conformance?: string }).__conformance = `${REPORT_MARKER}${JSON.stringify([report])}`;
