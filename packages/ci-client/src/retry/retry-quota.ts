import { INITIAL_RETRY_TOKENS, NO_RETRY_INCREMENT } from "./constants.js";

/**
 * The retry quota of reliability §1: a token bucket (500 tokens) per client instance. A retry
 * takes 5 tokens (10 after a timeout); a success gives back what its last retry took, or 1 token
 * when it needed no retry; the bucket never holds more than its capacity. When a retry cannot be
 * paid for, there is no retry: during an outage the client stops multiplying its traffic.
 *
 * @example
 * ```ts
 * import { RetryQuota } from "./retry-quota.js";
 *
 * const quota = new RetryQuota();
 * quota.tryAcquire(5); // true, 495 left
 * quota.release(5); // back to 500
 * ```
 * @internal
 */
export class RetryQuota {
  /** The most tokens the bucket holds. */
  readonly capacity: number;
  #available: number;

  /**
   * @param capacity - Tokens in a full bucket (default 500).
   */
  constructor(capacity: number = INITIAL_RETRY_TOKENS) {
    this.capacity = capacity;
    this.#available = capacity;
  }

  /** Tokens left. */
  get available(): number {
    return this.#available;
  }

  /**
   * Takes `cost` tokens if there are enough.
   *
   * @param cost - The price of the retry.
   * @returns Whether the tokens were taken (a retry may go ahead).
   */
  tryAcquire(cost: number): boolean {
    if (cost > this.#available) return false;
    this.#available -= cost;
    return true;
  }

  /**
   * Records a success: gives back `retryCost` (what the request's last retry took), or 1 token
   * when the request needed no retry.
   *
   * @param retryCost - The cost of the request's last retry, `undefined` without one.
   */
  release(retryCost: number | undefined): void {
    this.#available = Math.min(this.capacity, this.#available + (retryCost ?? NO_RETRY_INCREMENT));
  }
}
