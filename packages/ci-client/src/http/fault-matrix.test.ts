import type { FaultAction, OperationName } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { harness, seedJob, WORKFLOW_REQUEST } from "../client.fixture.js";
import { isAmbiguousCreateError } from "../errors/ambiguous-create-error.js";
import { isCiResponseError } from "../errors/ci-response-error.js";
import { isCiServiceError } from "../errors/ci-service-error.js";

type Op = "describe" | "list" | "create" | "cancel";

const OP_NAMES: Record<Op, OperationName> = {
  describe: "DescribeInventoryTriggerJob",
  list: "DescribeInventoryTriggerJobs",
  create: "CreateInventoryTriggerJob",
  cancel: "CancelInventoryTriggerJob",
};

/** What a cell expects: `ok` after `attempts`, or `ambiguous` (a create that must be reconciled, never resent). */
type Expectation =
  | { readonly outcome: "ok"; readonly attempts: number }
  | { readonly outcome: "ambiguous" }
  | { readonly outcome: "decode"; readonly code: string };

interface Cell {
  readonly name: string;
  readonly action: FaultAction;
  /** For reads (describe, list) and cancel. */
  readonly read: Expectation;
  /** For create. */
  readonly create: Expectation;
  /** For cancel, when it differs from `read`. */
  readonly cancel?: Expectation;
  /** The backoff the first retry slept, with `random() = 0.5`. */
  readonly delay?: number;
}

const ok = (attempts: number): Expectation => ({ outcome: "ok", attempts });
const ambiguous: Expectation = { outcome: "ambiguous" };
/** A complete 2xx body that is not what the API returns: a `decode` error at once, never retried. */
const unreadable = (code: string): Expectation => ({ outcome: "decode", code });

// One transient failure, then the service answers normally (the fault applies once, "before": the
// service did not act on the failed attempt).
const CELLS: readonly Cell[] = [
  {
    name: "500 InternalError",
    action: { status: 500, code: "InternalError" },
    read: ok(2),
    create: ambiguous,
    delay: 50,
  },
  { name: "502 (coded)", action: { status: 502, code: "BadGateway" }, read: ok(2), create: ambiguous, delay: 50 },
  {
    name: "503 ServiceUnavailable (XML)",
    action: { status: 503, code: "ServiceUnavailable" },
    read: ok(2),
    create: ok(2),
    delay: 50,
  },
  { name: "504 (coded)", action: { status: 504, code: "GatewayTimeout" }, read: ok(2), create: ambiguous, delay: 50 },
  {
    name: "429 without Retry-After",
    action: { status: 429, code: "TooManyRequests" },
    read: ok(2),
    create: ok(2),
    delay: 250,
  },
  {
    name: "429 with Retry-After: 2",
    action: { status: 429, code: "TooManyRequests", retryAfter: 2 },
    read: ok(2),
    create: ok(2),
    delay: 2000,
  },
  { name: "503 SlowDown", action: { status: 503, code: "SlowDown" }, read: ok(2), create: ok(2), delay: 250 },
  { name: "reset before the response", action: { reset: true }, read: ok(2), create: ambiguous, delay: 50 },
  { name: "reset mid-body (truncated 2xx)", action: { truncateBody: 20 }, read: ok(2), create: ambiguous },
  {
    name: "HTML 2xx",
    action: { status: 200, body: "<html><body>hello</body></html>", contentType: "text/html" },
    read: unreadable("NOT_XML"),
    create: ambiguous,
    cancel: ok(1),
  },
  {
    name: "HTML 5xx",
    action: { status: 502, body: "<html><body>502 Bad Gateway</body></html>", contentType: "text/html" },
    read: ok(2),
    create: ambiguous,
  },
  {
    name: "empty 2xx",
    action: { emptyBody: true, status: 200 },
    read: unreadable("EMPTY_BODY"),
    create: ambiguous,
    cancel: ok(1),
  },
  {
    name: "body slower than the attempt timeout",
    action: { slowBody: { chunkBytes: 8, intervalMs: 60_000 } },
    read: ok(2),
    create: ambiguous,
    cancel: ok(1),
  },
];

const OPS: readonly Op[] = ["describe", "list", "create", "cancel"];

async function runOp(op: Op, h: ReturnType<typeof harness>, jobId: string): Promise<unknown> {
  switch (op) {
    case "describe":
      return h.client.describeJob(jobId);
    case "list":
      return h.client.listJobs({ size: 10 });
    case "create":
      return h.client.createJob(WORKFLOW_REQUEST);
    case "cancel":
      return h.client.cancelJob(jobId);
  }
}

describe("fault matrix (in-process fake)", () => {
  for (const cell of CELLS) {
    for (const op of OPS) {
      const expected = op === "create" ? cell.create : op === "cancel" ? (cell.cancel ?? cell.read) : cell.read;
      const title =
        expected.outcome === "ok"
          ? `ok after ${expected.attempts}`
          : expected.outcome === "decode"
            ? `${expected.code}, not retried`
            : "reconciled, not resent";
      it(`${op} × ${cell.name} → ${title}`, async () => {
        const h = harness({ timeouts: { attemptTimeoutMs: 200, deadlineMs: 5_000 } });
        const jobId = seedJob(h.fake);
        h.fake.faults.add({ match: { op: OP_NAMES[op] }, times: 1, action: cell.action });
        const result = await runOp(op, h, jobId).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        const sent = h.fake.journal.count({ op: OP_NAMES[op] });
        if (expected.outcome === "ok") {
          expect(result).toHaveProperty("value");
          expect(sent).toBe(expected.attempts);
          const meta = (result as { value: { $metadata: { attempts: number } } }).value.$metadata;
          expect(meta.attempts).toBe(expected.attempts);
          if (expected.attempts > 1 && cell.delay !== undefined) expect(h.sleeps[0]).toBe(cell.delay);
        } else if (expected.outcome === "decode") {
          const error = (result as { error: unknown }).error;
          expect(isCiResponseError(error) && error.code === expected.code && error.category === "decode").toBe(true);
          expect(sent).toBe(1);
        } else {
          // Never resent: exactly one create reached the service; reconciliation listed instead.
          expect(sent).toBe(1);
          expect(h.fake.journal.count({ op: "DescribeInventoryTriggerJobs" })).toBeGreaterThanOrEqual(1);
          const created = h.fake.jobs.list().filter((job) => job.name === WORKFLOW_REQUEST.Name);
          if (created.length === 1) {
            // The service acted before the response broke: reconciliation finds that job.
            const job = (result as { value: { JobId: string; $metadata: { reconciled: boolean } } }).value;
            expect(job.JobId).toBe(created[0]?.jobId);
            expect(job.$metadata.reconciled).toBe(true);
          } else {
            expect(created).toHaveLength(0);
            expect(isAmbiguousCreateError((result as { error: unknown }).error)).toBe(true);
          }
        }
      });
    }
  }
});

describe("fault matrix: persistent failures end with the right error", () => {
  const persistent: readonly { name: string; action: FaultAction; check: (error: unknown) => boolean }[] = [
    {
      name: "500",
      action: { status: 500, code: "InternalError" },
      check: (e) => isCiServiceError(e) && e.status === 500 && e.retryable,
    },
    {
      name: "truncated 2xx",
      action: { truncateBody: 20 },
      check: (e) => isCiResponseError(e) && e.code === "TRUNCATED" && e.retryable,
    },
  ];
  for (const cell of persistent) {
    for (const op of ["describe", "list"] as const) {
      it(`${op} × always ${cell.name}: 3 attempts, then the error`, async () => {
        const h = harness();
        const jobId = seedJob(h.fake);
        h.fake.faults.add({ match: { op: OP_NAMES[op] }, action: cell.action });
        const error = await runOp(op, h, jobId).catch((e: unknown) => e);
        expect(cell.check(error)).toBe(true);
        expect((error as { attempts: number }).attempts).toBe(3);
        expect(h.fake.journal.count({ op: OP_NAMES[op] })).toBe(3);
      });
    }
  }

  it("a 4xx InvalidArgument is not retried", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: OP_NAMES.list }, action: { status: 400, code: "InvalidArgument" } });
    const error = await h.client.listJobs().catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "InvalidArgument" && !error.retryable).toBe(true);
    expect(h.fake.journal.count({ op: OP_NAMES.list })).toBe(1);
  });

  it("Retry-After above 20 s stops retrying", async () => {
    const h = harness();
    h.fake.faults.add({ match: { op: OP_NAMES.list }, action: { status: 503, code: "SlowDown", retryAfter: 60 } });
    const error = await h.client.listJobs().catch((e: unknown) => e);
    expect(isCiServiceError(error) && error.code === "SlowDown").toBe(true);
    expect(h.fake.journal.count({ op: OP_NAMES.list })).toBe(1);
  });
});
