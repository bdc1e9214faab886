import { Agent, createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { signRequest } from "@cibatch/signer";
import { createFakeCi, DEMO_ACCOUNT, DEMO_JOB_ID, demoJobs } from "@cibatch/testing-fakes/node";
import { interleavedRounds, type Metric, type Suite, throughputMetric } from "../measure.js";

const CI_HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
const TARGET = `/inventorytriggerjob/${DEMO_JOB_ID}`;
const CONCURRENCY = 16;
const REQUESTS_PER_ROUND = 4000;

interface Answer {
  status: number;
  body: Buffer;
}

/** `REQUESTS_PER_ROUND` describes from 16 concurrent keep-alive clients; returns requests per second. */
async function describeRate(port: number, headers: Record<string, string>): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let left = REQUESTS_PER_ROUND;
  const one = (): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: TARGET, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  const worker = async (): Promise<void> => {
    while (left-- > 0) {
      const answer = await one();
      if (answer.status !== 200) throw new Error(`describe answered ${answer.status}: ${answer.body.toString()}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return REQUESTS_PER_ROUND / seconds;
}

/**
 * Describe requests per second at 16-way against the fake's `node:http` listener (signature verification on,
 * journal on), beside a bare `node:http` server that answers the same bytes, in one run.
 */
export const testingFakesSuite: Suite = {
  name: "testing-fakes",
  async run(): Promise<Metric[]> {
    const fake = createFakeCi({
      accounts: [DEMO_ACCOUNT],
      randomSeed: 1,
      transition: { mode: "manual" },
      journalLimit: 1000,
    });
    for (const job of demoJobs()) fake.jobs.seed(job);
    const listener = await fake.listen();

    const signed = await signRequest({
      method: "GET",
      url: `http://${CI_HOST}${TARGET}`,
      headers: { host: CI_HOST },
      credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
    });
    const headers = { host: CI_HOST, authorization: signed.authorization };

    // One real answer of the fake: the bare server replays these exact bytes and headers.
    const sample = await new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: listener.port, path: TARGET, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") out[name] = value;
          resolve({ headers: out, body: Buffer.concat(chunks) });
        });
      });
      req.on("error", reject);
      req.end();
    });
    if (!sample.body.includes(DEMO_JOB_ID)) throw new Error("the fake did not describe the demo job");
    delete sample.headers.connection;
    delete sample.headers["keep-alive"];
    const bare = createServer((_req, res) => {
      res.writeHead(200, sample.headers);
      res.end(sample.body);
    });
    await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
    const barePort = (bare.address() as AddressInfo).port;

    try {
      await describeRate(listener.port, headers); // warm-up
      await describeRate(barePort, headers);
      const results = await interleavedRounds(
        {
          fake: () => describeRate(listener.port, headers),
          bare: () => describeRate(barePort, headers),
        },
        5,
      );
      const ok = fake.journal.count({ signature: "ok" });
      return [
        throughputMetric(
          {
            id: "testing-fakes.describe-rps-16",
            label: "fake listener: describe req/s at 16-way (signature verified)",
            unit: "req/s",
            ours: results.fake?.median ?? 0,
            peerName: "bare node:http, same bytes",
            peer: results.bare?.median ?? 0,
            extra: {
              fakeRounds: (results.fake?.rounds ?? []).map((r) => Math.round(r)).join(" "),
              bareRounds: (results.bare?.rounds ?? []).map((r) => Math.round(r)).join(" "),
              verifiedInLastJournal: ok,
            },
          },
          0.5,
        ),
      ];
    } finally {
      await listener.close();
      await new Promise<void>((resolve) => {
        bare.close(() => resolve());
        bare.closeAllConnections();
      });
    }
  },
};
