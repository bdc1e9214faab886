import { CiClient, isCiError, isCiServiceError, isValidationError } from "@cibatch/ci-client";
import type { ExampleEnv } from "./env.js";

/** Tells the failures apart by their guards and machine fields. */
export async function main(env: ExampleEnv): Promise<string[]> {
  const log = env.log ?? console.log;
  const client = new CiClient({
    bucket: "examplebucket-1250000000",
    region: "ap-beijing",
    endpoint: env.endpoint,
    credentials: env.credentials,
  });
  const codes: string[] = [];

  // #region errors
  for (const id of ["b00000000000000000000000000000000", "../etc/passwd"]) {
    try {
      await client.describeJob(id);
    } catch (error) {
      if (isValidationError(error)) {
        // Nothing was sent: every problem, with its path.
        for (const problem of error.problems) log(problem.path, problem.message);
      } else if (isCiServiceError(error)) {
        // The service answered with an error (or, for describe, listed the id as missing: NoSuchJob).
        log(error.code, error.status, error.requestId, error.retryable);
      } else if (isCiError(error)) {
        log(error.code, error.message); // network, timeout, response or abort
      } else {
        throw error;
      }
      if (isCiError(error)) codes.push(error.code);
    }
  }
  // #endregion errors
  return codes;
}
