import { describe, expect, it } from "vitest";
import * as api from "../index.js";

describe("the public barrel", () => {
  it("exports the errors, guards, redactors, endpoint resolution and option defaults", () => {
    for (const name of [
      "CiServiceError",
      "isCiServiceError",
      "CiNetworkError",
      "isCiNetworkError",
      "CiTimeoutError",
      "isCiTimeoutError",
      "CiResponseError",
      "isCiResponseError",
      "AmbiguousCreateError",
      "isAmbiguousCreateError",
      "ValidationError",
      "isValidationError",
      "redactText",
      "redactUrl",
      "redactHeaders",
      "resolveEndpoint",
      "ciHost",
      "DEFAULT_TIMEOUTS",
      "DEFAULT_MAX_ATTEMPTS",
    ]) {
      expect(api, name).toHaveProperty(name);
    }
  });

  it("does not export the internal policy pieces", () => {
    for (const name of [
      "classifyOutcome",
      "decideRetry",
      "RetryPolicy",
      "RetryQuota",
      "ClockSkew",
      "fullJitterBackoff",
      "parseRetryAfter",
      "normalizeTimeouts",
      "describeJobsTarget",
      "jobIdProblems",
      "redactedExcerpt",
    ]) {
      expect(api, name).not.toHaveProperty(name);
    }
  });
});
