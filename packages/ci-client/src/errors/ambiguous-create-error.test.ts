import type { JobsDetail } from "@cibatch/xml-model";
import { describe, expect, it } from "vitest";
import { AmbiguousCreateError, isAmbiguousCreateError } from "./ambiguous-create-error.js";
import { CiError } from "./ci-error.js";

const SENT_AT = new Date("2026-03-01T08:00:00.000Z");

describe("AmbiguousCreateError", () => {
  it("says the job MAY exist and shows the list command to check", () => {
    const cause = new Error("ECONNRESET");
    const error = new AmbiguousCreateError({
      jobName: "nightly-transcode",
      jobType: "Job",
      sentAt: SENT_AT,
      reason: "NO_MATCH",
      requestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
      attempts: 1,
      candidates: [],
      bucket: "examplebucket-1250000000",
      region: "ap-beijing",
      cause,
    });
    expect(error).toBeInstanceOf(CiError);
    expect(error.name).toBe("AmbiguousCreateError");
    expect(error.code).toBe("AMBIGUOUS_CREATE");
    expect(error.retryable).toBe(false);
    expect(error.jobName).toBe("nightly-transcode");
    expect(error.jobType).toBe("Job");
    expect(error.sentAt.toISOString()).toBe("2026-03-01T08:00:00.000Z");
    expect(error.reason).toBe("NO_MATCH");
    expect(error.requestId).toBe("NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==");
    expect(error.cause).toBe(cause);
    expect(error.message).toContain("the job MAY exist");
    expect(error.message).toContain("Do not simply retry");
    expect(error.message).toContain(
      "cibatch jobs list --name nightly-transcode --type job --since 2026-03-01T07:59:00.000Z --bucket examplebucket-1250000000 --region ap-beijing",
    );
  });

  it("defaults the type to workflow in the command and shell-quotes odd names", () => {
    const error = new AmbiguousCreateError({
      jobName: "it's a job",
      sentAt: SENT_AT,
      reason: "LIST_FAILED",
      attempts: 2,
      candidates: [],
    });
    expect(error.message).toContain(`--name 'it'\\''s a job' --type workflow`);
    expect(error.message).toContain("listing the jobs to check failed");
    expect(Object.hasOwn(error, "jobType")).toBe(false);
    expect(Object.hasOwn(error, "cause")).toBe(false);
  });

  it("keeps a frozen copy of the candidates and of the date", () => {
    const candidates = [
      { JobId: "b3deffea2f84911ec9cb15254008618d9", Name: "demo" },
      { JobId: "be8f65004eb8511eaaed4f377124a303c", Name: "demo" },
    ] as unknown as JobsDetail[];
    const sentAt = new Date(SENT_AT.getTime());
    const error = new AmbiguousCreateError({
      jobName: "demo",
      sentAt,
      reason: "SEVERAL_MATCHES",
      attempts: 1,
      candidates,
    });
    candidates.pop();
    sentAt.setTime(0);
    expect(error.candidates).toHaveLength(2);
    expect(Object.isFrozen(error.candidates)).toBe(true);
    expect(error.sentAt.getTime()).toBe(SENT_AT.getTime());
    expect(error.message).toContain("several jobs match the request; 2 candidates");
  });

  it("omits --since for an invalid date and explains an abort", () => {
    const error = new AmbiguousCreateError({
      jobName: "demo",
      sentAt: new Date(Number.NaN),
      reason: "ABORTED",
      attempts: 1,
      candidates: [],
    });
    expect(error.message).not.toContain("--since");
    expect(error.message).toContain("aborted after the request was sent");
  });

  it("is recognised by its guard only", () => {
    const error = new AmbiguousCreateError({
      jobName: "d",
      sentAt: SENT_AT,
      reason: "NO_MATCH",
      attempts: 1,
      candidates: [],
    });
    expect(isAmbiguousCreateError(error)).toBe(true);
    expect(isAmbiguousCreateError(new CiError("x", { code: "AMBIGUOUS_CREATE" }))).toBe(false);
  });
});
