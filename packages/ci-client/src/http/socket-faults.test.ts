import { createServer } from "node:net";
import {
  createFakeCi,
  DEMO_ACCOUNT,
  DEMO_BUCKET,
  DEMO_REGION,
  type FaultAction,
  manualClock,
  type OperationName,
} from "@cibatch/testing-fakes/node";
import { afterEach, describe, expect, it } from "vitest";
import { WORKFLOW_REQUEST } from "../client.fixture.js";
import { CiClient } from "../client.js";
import { isAmbiguousCreateError } from "../errors/ambiguous-create-error.js";
import { isCiNetworkError } from "../errors/ci-network-error.js";
import { isCiResponseError } from "../errors/ci-response-error.js";
import { isCiTimeoutError } from "../errors/ci-timeout-error.js";

type Op = "describe" | "list" | "create" | "cancel";
const OP_NAMES: Record<Op, OperationName> = {
  describe: "DescribeInventoryTriggerJob",
  list: "DescribeInventoryTriggerJobs",
  create: "CreateInventoryTriggerJob",
  cancel: "CancelInventoryTriggerJob",
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function setup(maxAttempts = 3) {
  const fake = createFakeCi({ clock: manualClock(), randomSeed: 3, transition: { mode: "manual" } });
  const server = await fake.listen();
  closers.push(() => server.close());
  const jobId = fake.jobs.seed({
    Name: "seeded",
    Type: "Workflow",
    State: "Running",
    Input: { Prefix: "in/" },
    Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
  }).jobId;
  const client = new CiClient({
    bucket: DEMO_BUCKET,
    region: DEMO_REGION,
    endpoint: server.url,
    credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
    clock: { now: () => fake.clock.now(), sleep: async () => {} },
    random: () => 0.5,
    retry: { maxAttempts },
    timeouts: { attemptTimeoutMs: 150, deadlineMs: 5_000 },
  });
  const run = (op: Op): Promise<unknown> =>
    op === "describe"
      ? client.describeJob(jobId)
      : op === "list"
        ? client.listJobs()
        : op === "create"
          ? client.createJob(WORKFLOW_REQUEST)
          : client.cancelJob(jobId);
  return { fake, client, run };
}

const ACTIONS: readonly { name: string; action: FaultAction }[] = [
  { name: "socket reset before the response", action: { reset: true } },
  { name: "socket closed mid-body", action: { truncateBody: 30 } },
  { name: "no answer (hang) beyond the attempt timeout", action: { hang: true } },
];

describe("socket-level faults over a real 127.0.0.1 listener (node:http transport)", () => {
  for (const { name, action } of ACTIONS) {
    for (const op of ["describe", "list", "create", "cancel"] as const) {
      it(`${op} × ${name}`, async () => {
        const { fake, run } = await setup();
        fake.faults.add({ match: { op: OP_NAMES[op] }, times: 1, action });
        const outcome = await run(op).then(
          (value) => ({ value: value as { $metadata: { attempts: number; reconciled?: boolean } } }),
          (error: unknown) => ({ error }),
        );
        const sent = fake.journal.count({ op: OP_NAMES[op] });
        if (op === "create") {
          expect(sent).toBe(1);
          const created = fake.jobs.list().filter((j) => j.name === WORKFLOW_REQUEST.Name);
          if (created.length === 1) expect("value" in outcome && outcome.value.$metadata.reconciled).toBe(true);
          else expect("error" in outcome && isAmbiguousCreateError(outcome.error)).toBe(true);
        } else if (op === "cancel" && "truncateBody" in action) {
          // An empty cancel body cannot be cut short: the first answer is complete.
          expect("value" in outcome && outcome.value.$metadata.attempts).toBeGreaterThanOrEqual(1);
        } else {
          expect("value" in outcome && outcome.value.$metadata.attempts).toBe(2);
          expect(sent).toBe(2);
        }
      });
    }
  }

  it("persistent resets end in a CiNetworkError that says the request may have been sent", async () => {
    const { fake, run } = await setup();
    fake.faults.add({ match: { op: OP_NAMES.list }, action: { reset: true } });
    const error = await run("list").catch((e: unknown) => e);
    expect(isCiNetworkError(error) && error.sent && error.attempts === 3 && error.retryable).toBe(true);
  });

  it("a body cut short every time ends in CiResponseError TRUNCATED", async () => {
    const { fake, run } = await setup();
    fake.faults.add({ match: { op: OP_NAMES.describe }, action: { truncateBody: 30 } });
    const error = await run("describe").catch((e: unknown) => e);
    expect(isCiResponseError(error) && error.code === "TRUNCATED" && error.attempts === 3).toBe(true);
  });

  it("a hang every time ends in CiTimeoutError for the attempt", async () => {
    const { fake, run } = await setup(2);
    fake.faults.add({ match: { op: OP_NAMES.describe }, action: { hang: true } });
    const error = await run("describe").catch((e: unknown) => e);
    expect(isCiTimeoutError(error) && error.timeout === "attempt" && error.attempts === 2).toBe(true);
  });
});

describe("connection refused", () => {
  it("is retried even for a create (nothing was sent), then fails as not sent", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    await new Promise((resolve) => blocker.close(resolve));
    const client = new CiClient({
      bucket: DEMO_BUCKET,
      region: DEMO_REGION,
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
      clock: { now: () => Date.now(), sleep: async () => {} },
    });
    const error = await client.createJob(WORKFLOW_REQUEST).catch((e: unknown) => e);
    expect(isCiNetworkError(error)).toBe(true);
    expect(isCiNetworkError(error) && error.code === "ECONNREFUSED" && !error.sent && error.attempts === 3).toBe(true);
  });
});
