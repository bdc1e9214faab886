import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AmbiguousCreateError } from "./ambiguous-create-error.js";
import { CiNetworkError } from "./ci-network-error.js";
import { CiResponseError } from "./ci-response-error.js";
import { CiServiceError } from "./ci-service-error.js";
import { CiTimeoutError } from "./ci-timeout-error.js";
import type { FailedRequest } from "./redact.js";
import {
  CANARY_AUTHORIZATION,
  CANARY_PRESIGNED_URL,
  CANARY_SECRET_KEY,
  CANARY_TOKEN,
  RAW_SECRETS,
} from "./secrets.fixture.js";
import { ValidationError } from "./validation-error.js";

// Serialise every error type built from a failing request that carries a canary
// SecretId, signature and token, and search every printable form for them.
const request: FailedRequest = {
  method: "POST",
  url: CANARY_PRESIGNED_URL,
  headers: [
    ["Authorization", CANARY_AUTHORIZATION],
    ["x-ci-security-token", CANARY_TOKEN],
    ["x-cos-security-token", CANARY_TOKEN],
    ["Host", "examplebucket-1250000000.ci.ap-beijing.myqcloud.com"],
  ],
};
const leakyText = `Authorization: ${CANARY_AUTHORIZATION}\nx-ci-security-token: ${CANARY_TOKEN}\n<SecretKey>${CANARY_SECRET_KEY}</SecretKey>`;

const errors = [
  new CiServiceError({
    code: "SignatureDoesNotMatch",
    status: 403,
    serverMessage: leakyText,
    requestId: "r",
    retryable: false,
    attempts: 1,
    request,
    body: `<Error><Code>SignatureDoesNotMatch</Code><Message>${leakyText}</Message></Error>`,
    resource: CANARY_PRESIGNED_URL,
    cause: new Error("HTTPError 403"),
  }),
  new CiNetworkError({ code: "ECONNRESET", sent: true, retryable: true, attempts: 3, request, detail: leakyText }),
  new CiNetworkError({
    code: "ECONNRESET",
    sent: true,
    retryable: true,
    attempts: 3,
    request,
    cause: new Error(leakyText),
  }),
  new CiTimeoutError({ timeout: "attempt", ms: 30_000, retryable: true, attempts: 3, request }),
  new CiResponseError({
    code: "NOT_XML",
    status: 200,
    body: leakyText,
    contentType: "text/plain",
    retryable: true,
    attempts: 1,
    request,
  }),
  new AmbiguousCreateError({
    jobName: "demo",
    sentAt: new Date(0),
    reason: "NO_MATCH",
    attempts: 1,
    candidates: [],
    cause: new CiTimeoutError({ timeout: "attempt", ms: 30_000, retryable: true, attempts: 1, request }),
  }),
  new ValidationError({ problems: [{ path: "jobId", message: "must not be empty" }] }),
];

describe("no error type prints a secret", () => {
  it.each(errors.map((error) => [error.name, error] as const))("%s", (_name, error) => {
    const forms = [
      error.message,
      String(error),
      String(error.stack),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      JSON.stringify((error as { request?: unknown }).request ?? null),
    ];
    for (const form of forms) for (const secret of RAW_SECRETS) expect(form).not.toContain(secret);
  });

  it("keeps the masked SecretId, so a support ticket can still say which key was used", () => {
    const printed = inspect(errors[0], { depth: 10 });
    expect(printed).toContain("****9U5q");
  });
});
