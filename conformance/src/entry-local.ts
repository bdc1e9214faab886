// Node, Bun and Deno: the suite against the fake in this process (`fake.fetch`), then against the same kind of
// fake served on a socket by the runtime's own server (Node's listener, `Bun.serve`, `Deno.serve`).
import { faultRuleFromJson } from "@cibatch/testing-fakes";
import { createSuiteFake, suiteFakeOptions } from "./fake-setup.js";
import { inProcessHarness, socketHarness } from "./harness.js";
import { formatTable, REPORT_MARKER, type RuntimeReport, runSuite } from "./run-suite.js";
import { runtimeName } from "./runtime.js";

interface Served {
  readonly url: string;
  readonly server: string;
  close(): Promise<void>;
}

async function serve(): Promise<Served> {
  const g = globalThis as {
    Deno?: {
      serve(
        options: { port: number; hostname: string; onListen?: () => void },
        handler: (request: Request) => Promise<Response>,
      ): { addr: { port: number }; shutdown(): Promise<void> };
    };
    Bun?: {
      serve(options: { port: number; hostname: string; fetch: (request: Request) => Promise<Response> }): {
        port: number;
        stop(force?: boolean): Promise<void> | void;
      };
    };
  };
  const fake = createSuiteFake();
  if (g.Deno) {
    const server = g.Deno.serve({ port: 0, hostname: "127.0.0.1", onListen: () => undefined }, fake.fetch);
    return { url: `http://127.0.0.1:${server.addr.port}`, server: "Deno.serve", close: () => server.shutdown() };
  }
  if (g.Bun) {
    const server = g.Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: fake.fetch });
    return {
      url: `http://127.0.0.1:${server.port}`,
      server: "Bun.serve",
      close: async () => {
        await server.stop(true);
      },
    };
  }
  const { startFake } = await import("@cibatch/testing-fakes/node");
  const server = await startFake(suiteFakeOptions());
  return { url: server.url, server: "node:http listener", close: () => server.close() };
}

const runtime = runtimeName();
const reports: RuntimeReport[] = [];
reports.push(await runSuite(`${runtime}, in-process`, inProcessHarness(createSuiteFake(), faultRuleFromJson)));
const served = await serve();
try {
  reports.push(await runSuite(`${runtime}, fake served by ${served.server}`, await socketHarness(served.url)));
} finally {
  await served.close();
}
for (const report of reports) console.log(`${formatTable(report)}\n`);
console.log(`${REPORT_MARKER}${JSON.stringify(reports)}`);
