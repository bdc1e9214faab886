/**
 * How a reply leaves the fake, beyond its status, headers and body (socket-level faults).
 *
 * @example
 * ```ts
 * import type { Delivery } from "@cibatch/testing-fakes";
 * const cut: Delivery = { kind: "truncate", bytes: 100 };
 * ```
 */
export type Delivery =
  | { readonly kind: "normal" }
  | { readonly kind: "reset" }
  | { readonly kind: "hang" }
  | { readonly kind: "truncate"; readonly bytes: number }
  | { readonly kind: "slow"; readonly chunkBytes: number; readonly intervalMs: number };

/**
 * A request as the fake's core sees it, whichever front end (in-process `fetch`, `node:http`) received it.
 *
 * @example
 * ```ts
 * import type { FakeRequest } from "@cibatch/testing-fakes";
 * const req: FakeRequest = {
 *   method: "GET",
 *   target: "/inventorytriggerjob?size=5",
 *   headers: { host: "127.0.0.1:8080" },
 *   body: new Uint8Array(),
 *   bodyTooLarge: false,
 * };
 * ```
 */
export interface FakeRequest {
  /** Upper-case method. */
  readonly method: string;
  /** Raw request target: path and query as sent. */
  readonly target: string;
  /** Lower-cased names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body (empty for none); at most the body limit. */
  readonly body: Uint8Array;
  /** The body exceeded the fake's limit and was not read in full. */
  readonly bodyTooLarge: boolean;
  /** Aborted when the client goes away (ends `latency` and `hang`). */
  readonly signal?: AbortSignal;
  /** Whether the peer is on a loopback address (the control API answers loopback peers only). */
  readonly fromLoopback?: boolean;
}

/**
 * The fake's answer before a front end puts it on the wire.
 *
 * @example
 * ```ts
 * import type { FakeReply } from "@cibatch/testing-fakes";
 * const reply: FakeReply = { status: 200, headers: {}, body: new Uint8Array(), delivery: { kind: "normal" } };
 * ```
 */
export interface FakeReply {
  readonly status: number;
  /** Lower-cased names. `content-length` is set by the front end from `body`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly delivery: Delivery;
}
