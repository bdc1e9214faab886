import { type RandomSource, randomHex } from "./random.js";

/**
 * Makes the identifiers the fake hands out.
 *
 * @example
 * ```ts
 * import { createIdGenerator, seededRandom } from "@cibatch/testing-fakes";
 * const ids = createIdGenerator(seededRandom(7));
 * ids.jobId(); // "b" + 32 lowercase hex
 * ```
 */
export interface IdGenerator {
  /** A batch job id: `b` + 32 lowercase hex. */
  jobId(): string;
  /** A request id: base64 of `<hex unix time>_<hex>_<hex>_<hex>`. */
  requestId(nowMs: number): string;
  /** A trace id for error responses (base64 of 64 hex digits). */
  traceId(): string;
}

/**
 * Builds an {@link IdGenerator}. Job ids and request ids draw from separate streams when given separate sources,
 * so the job ids of a seeded fake do not depend on how many other requests it served.
 *
 * @param jobRandom - source for job ids
 * @param requestRandom - source for request and trace ids (default: `jobRandom`)
 * @example
 * ```ts
 * import { createIdGenerator, seededRandom } from "@cibatch/testing-fakes";
 * const ids = createIdGenerator(seededRandom("jobs"), seededRandom("requests"));
 * atob(ids.requestId(Date.UTC(2022, 5, 30))).split("_").length; // 4
 * ```
 */
export function createIdGenerator(jobRandom: RandomSource, requestRandom: RandomSource = jobRandom): IdGenerator {
  return {
    jobId: () => `b${randomHex(jobRandom, 32)}`,
    requestId(nowMs: number): string {
      const seconds = Math.max(0, Math.floor(nowMs / 1000)).toString(16);
      const raw = `${seconds}_${randomHex(requestRandom, 8)}_${randomHex(requestRandom, 4)}_${randomHex(requestRandom, 2)}`;
      return btoa(raw);
    },
    traceId: () => btoa(randomHex(requestRandom, 64)),
  };
}
