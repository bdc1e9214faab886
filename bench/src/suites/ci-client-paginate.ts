// One walk over every job of the fake, in a fresh process started with --expose-gc, for the ci-client
// pagination memory figure: `client` through CiClient.paginateJobs, `floor` through a bare keep-alive
// node:http GET, our signature and fast-xml-parser's parse. Reports over IPC the peak RSS growth and the
// heap still used after a full collection (what a retention would keep), both in MB.
import { Agent } from "node:http";
import { CiClient } from "@cibatch/ci-client";
import { signRequest } from "@cibatch/signer";
import { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION } from "@cibatch/testing-fakes";
import { XMLParser } from "fast-xml-parser";
import { nodeHttpGet } from "./node-http-get.js";

const [url = "", mode = "client", expected = "0"] = process.argv.slice(2);
const credentials = { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey };
const host = `${DEMO_BUCKET}.ci.${DEMO_REGION}.myqcloud.com`;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const target = new URL(url);
const agent = new Agent({ keepAlive: true });
const parser = new XMLParser({ parseTagValue: false });

async function* floorPages(): AsyncGenerator<number> {
  let token: string | undefined;
  do {
    const path = `/inventorytriggerjob?size=100${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`;
    const signed = await signRequest({ method: "GET", url: `https://${host}${path}`, credentials });
    const headers = { host, authorization: signed.authorization };
    const page = parser.parse(await nodeHttpGet(agent, Number(target.port), path, headers, target.hostname)).Response;
    token = page?.NextToken || undefined;
    yield ([] as unknown[]).concat(page?.JobsDetail ?? []).length;
  } while (token);
}

async function* clientPages(): AsyncGenerator<number> {
  const client = new CiClient({ bucket: DEMO_BUCKET, region: DEMO_REGION, credentials, endpoint: url });
  for await (const job of client.paginateJobs({ size: 100 })) {
    if (job.JobId === "") throw new Error("empty id");
    yield 1;
  }
}

gc();
const before = process.memoryUsage();
let peak = before.rss;
let count = 0;
let sampled = 0;
for await (const n of mode === "floor" ? floorPages() : clientPages()) {
  count += n;
  if (count - sampled >= 1_000) {
    sampled = count;
    peak = Math.max(peak, process.memoryUsage.rss());
  }
}
if (count !== Number(expected)) throw new Error(`walked ${count} jobs, expected ${expected}`);
gc();
const mb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 100) / 100;
process.send?.({ peakMb: mb(peak - before.rss), keptMb: mb(process.memoryUsage().heapUsed - before.heapUsed) });
agent.destroy();
process.disconnect?.();
