import { describe, expect, it } from "vitest";
import { AmbiguousCreateError, isAmbiguousCreateError } from "./ambiguous-create-error.js";
import { CiNetworkError, isCiNetworkError } from "./ci-network-error.js";
import { CiResponseError, isCiResponseError } from "./ci-response-error.js";
import { CiServiceError, isCiServiceError } from "./ci-service-error.js";
import { CiTimeoutError, isCiTimeoutError } from "./ci-timeout-error.js";
import { isValidationError, ValidationError } from "./validation-error.js";

// A query string makes the module loader evaluate a second, independent copy of each module (and
// of its own ci-error.js import), as with two versions of the package in one node_modules.
async function secondCopy<T>(path: string): Promise<T> {
  const specifier = `${path}?second-copy`;
  return (await import(/* @vite-ignore */ specifier)) as T;
}

describe("guards recognise errors from another copy of the package", () => {
  it("for every error class", async () => {
    const service = await secondCopy<typeof import("./ci-service-error.js")>("./ci-service-error.js");
    const network = await secondCopy<typeof import("./ci-network-error.js")>("./ci-network-error.js");
    const timeout = await secondCopy<typeof import("./ci-timeout-error.js")>("./ci-timeout-error.js");
    const response = await secondCopy<typeof import("./ci-response-error.js")>("./ci-response-error.js");
    const ambiguous = await secondCopy<typeof import("./ambiguous-create-error.js")>("./ambiguous-create-error.js");
    const validation = await secondCopy<typeof import("./validation-error.js")>("./validation-error.js");

    const foreign = [
      [
        new service.CiServiceError({ code: "X", status: 500, retryable: true, attempts: 1 }),
        CiServiceError,
        isCiServiceError,
      ],
      [
        new network.CiNetworkError({ code: "EPIPE", sent: true, retryable: true, attempts: 1 }),
        CiNetworkError,
        isCiNetworkError,
      ],
      [
        new timeout.CiTimeoutError({ timeout: "attempt", ms: 1, retryable: true, attempts: 1 }),
        CiTimeoutError,
        isCiTimeoutError,
      ],
      [
        new response.CiResponseError({ code: "NOT_XML", status: 200, retryable: true, attempts: 1 }),
        CiResponseError,
        isCiResponseError,
      ],
      [
        new ambiguous.AmbiguousCreateError({
          jobName: "d",
          sentAt: new Date(0),
          reason: "NO_MATCH",
          attempts: 1,
          candidates: [],
        }),
        AmbiguousCreateError,
        isAmbiguousCreateError,
      ],
      [new validation.ValidationError({ problems: [] }), ValidationError, isValidationError],
    ] as const;
    for (const [error, LocalClass, guard] of foreign) {
      expect(error instanceof LocalClass, error.name).toBe(false);
      expect((guard as (value: unknown) => boolean)(error), error.name).toBe(true);
    }
    // And the other way round: the foreign guards accept local errors.
    expect(service.isCiServiceError(new CiServiceError({ code: "X", status: 500, retryable: true, attempts: 1 }))).toBe(
      true,
    );
    expect(validation.isValidationError(new ValidationError({ problems: [] }))).toBe(true);
  });

  it("no guard accepts another class's error", () => {
    const errors = [
      new CiServiceError({ code: "X", status: 500, retryable: true, attempts: 1 }),
      new CiNetworkError({ code: "EPIPE", sent: true, retryable: true, attempts: 1 }),
      new CiTimeoutError({ timeout: "attempt", ms: 1, retryable: true, attempts: 1 }),
      new CiResponseError({ code: "NOT_XML", status: 200, retryable: true, attempts: 1 }),
      new AmbiguousCreateError({ jobName: "d", sentAt: new Date(0), reason: "NO_MATCH", attempts: 1, candidates: [] }),
      new ValidationError({ problems: [] }),
    ];
    const guards = [
      isCiServiceError,
      isCiNetworkError,
      isCiTimeoutError,
      isCiResponseError,
      isAmbiguousCreateError,
      isValidationError,
    ];
    for (const [i, error] of errors.entries()) {
      for (const [j, guard] of guards.entries()) expect(guard(error), `${error.name} vs guard ${j}`).toBe(i === j);
    }
  });
});
