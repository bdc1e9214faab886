import { inspect } from "node:util";
import type { FaultAction } from "@cibatch/testing-fakes";
import { describe, expect, it } from "vitest";
import { harness, WORKFLOW_REQUEST } from "./client.fixture.js";
import { CANARY_SECRET_ID, CANARY_SECRET_KEY, CANARY_TOKEN } from "./errors/secrets.fixture.js";

/** Everything printable about a value: JSON with own properties, String(), inspect(), stack, the cause chain. */
function printable(value: unknown): string {
  const parts: string[] = [];
  let link: unknown = value;
  for (let depth = 0; depth < 10 && link !== undefined && link !== null; depth++) {
    parts.push(String(link), inspect(link, { depth: 10, showHidden: true, getters: true }));
    if (typeof link === "object") {
      parts.push(JSON.stringify(link, Object.getOwnPropertyNames(link)));
      try {
        parts.push(JSON.stringify(link));
      } catch {
        // circular: inspect covers it
      }
      parts.push(String((link as { stack?: unknown }).stack));
    }
    link = typeof link === "object" ? (link as { cause?: unknown }).cause : undefined;
  }
  return parts.join("\n");
}

const FAULTS: readonly FaultAction[] = [
  { status: 500, code: "InternalError", message: "x-ci-security-token: leaked?" },
  { status: 403, code: "SignatureDoesNotMatch" },
  { status: 502, body: "<html>bad gateway</html>", contentType: "text/html" },
  { reset: true },
  { truncateBody: 10 },
  { emptyBody: true },
  { hang: true },
];

describe("canary: no SecretKey, token, raw SecretId or signature in any error, log line or trace", () => {
  it("serialises every error and debug line of failing calls and searches them", async () => {
    const h = harness(
      {
        credentials: { secretId: CANARY_SECRET_ID, secretKey: CANARY_SECRET_KEY, sessionToken: CANARY_TOKEN },
        timeouts: { attemptTimeoutMs: 50, deadlineMs: 2_000 },
      },
      {
        accounts: [{ secretId: CANARY_SECRET_ID, secretKey: CANARY_SECRET_KEY, token: CANARY_TOKEN }],
      },
    );
    const jobId = h.fake.jobs.seed({
      Name: "seeded",
      Type: "Workflow",
      State: "Running",
      Input: { Prefix: "in/" },
      Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
    }).jobId;
    const outputs: unknown[] = [];
    for (const action of FAULTS) {
      h.fake.faults.clear();
      h.fake.faults.add({ action });
      for (const call of [
        () => h.client.describeJob(jobId),
        () => h.client.listJobs(),
        () => h.client.cancelJob(jobId),
        () => h.client.createJob(WORKFLOW_REQUEST),
      ]) {
        outputs.push(
          await call().then(
            () => "ok",
            (error: unknown) => error,
          ),
        );
      }
    }
    // A skew error and an expired token, with the same canary credentials.
    h.fake.faults.clear();
    const skewed = h.makeClient({
      credentials: { secretId: CANARY_SECRET_ID, secretKey: CANARY_SECRET_KEY, sessionToken: CANARY_TOKEN },
      clock: { now: () => h.fake.clock.now() + 7_200_000, sleep: async () => {} },
      retry: { maxAttempts: 1 },
    });
    outputs.push(await skewed.describeJob(jobId).catch((error: unknown) => error));

    const errors = outputs.filter((o) => o !== "ok");
    expect(errors.length).toBeGreaterThan(20);
    expect(h.logs.length).toBeGreaterThan(50);
    // Debug lines do carry the (redacted) request headers: the test would see a leak there.
    expect(JSON.stringify(h.logs)).toContain("q-signature=[REDACTED]");
    const text = [...errors.map(printable), JSON.stringify(h.logs), inspect(h.logs, { depth: 10 })].join("\n");
    for (const secret of [CANARY_SECRET_KEY, CANARY_TOKEN, CANARY_SECRET_ID]) {
      const at = text.indexOf(secret);
      expect(at < 0 ? "" : text.slice(Math.max(0, at - 300), at + 60)).toBe("");
    }
    expect(text).not.toMatch(/q-signature=[0-9a-f]{40}/);
    // The journal saw the real signatures: search for them too.
    for (const entry of h.fake.journal.entries()) {
      const signature = /q-signature=([0-9a-f]{40})/.exec(entry.signature.expected?.authorization ?? "")?.[1];
      if (signature) expect(text).not.toContain(signature);
    }
  });
});
