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
  | {
      /** Send the whole response. */
      readonly kind: "normal";
    }
  | {
      /** Drop the connection without answering. */
      readonly kind: "reset";
    }
  | {
      /** Never answer (until the client or `close()` ends the connection). */
      readonly kind: "hang";
    }
  | {
      /** Announce the full `Content-Length`, send `bytes` bytes, then close. */
      readonly kind: "truncate";
      /** How many body bytes are sent. */
      readonly bytes: number;
    }
  | {
      /** Send the body in chunks with pauses (fake-clock time). */
      readonly kind: "slow";
      /** Bytes per chunk. */
      readonly chunkBytes: number;
      /** Pause between chunks, in milliseconds. */
      readonly intervalMs: number;
    };

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
  /** The request came over HTTP without a `Content-Length` header (chunked or no body); see `requireContentLength`. */
  readonly contentLengthMissing?: boolean;
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
  /** HTTP status. */
  readonly status: number;
  /** Lower-cased names. `content-length` is set by the front end from `body`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response body (empty for none). */
  readonly body: Uint8Array;
  /** How the front end sends it (normally, or as a fault). */
  readonly delivery: Delivery;
}
