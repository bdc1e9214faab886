import type { RetryOperation } from "../retry/decide.js";

/**
 * One API call as the operations hand it to the transport: what to send, how big the answer may be
 * and how to decode a 2xx body. Nothing here is ky-specific: the transport is an internal seam.
 *
 * @example
 * ```ts
 * import type { TransportRequest } from "./transport.js";
 *
 * const request: TransportRequest<string> = {
 *   operation: "describe",
 *   method: "GET",
 *   path: "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9",
 *   search: "",
 *   retry: "read",
 *   maxBodyBytes: 1024 * 1024,
 *   expectBody: true,
 *   decode: (text) => text,
 * };
 * ```
 * @internal
 */
export interface TransportRequest<T> {
  /** The API operation (for logs and error messages). */
  readonly operation: "create" | "describe" | "list" | "cancel";
  /** The HTTP method. */
  readonly method: "GET" | "POST" | "PUT";
  /** The path, starting with `/`. */
  readonly path: string;
  /** The query string with its `?`, or `""`. */
  readonly search: string;
  /** The XML request body, if any. */
  readonly body?: string | undefined;
  /** Which retry rules apply. */
  readonly retry: RetryOperation;
  /** The largest 2xx body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Whether a 2xx must carry an XML body (create, describe, list) or may be empty (cancel). */
  readonly expectBody: boolean;
  /** Decodes a 2xx body; throws (an `XmlModelError`) when it does not fit. */
  readonly decode: (text: string) => T;
}

/**
 * What a successful call produced.
 *
 * @example
 * ```ts
 * import type { TransportResult } from "./transport.js";
 *
 * const result: TransportResult<null> = { value: null, status: 200, attempts: 1 };
 * ```
 * @internal
 */
export interface TransportResult<T> {
  /** The decoded body. */
  readonly value: T;
  /** The HTTP status of the successful attempt. */
  readonly status: number;
  /** `x-ci-request-id` of the successful attempt. */
  readonly requestId?: string | undefined;
  /** How many attempts were made. */
  readonly attempts: number;
}

/**
 * The signals and deadline one logical call runs under (every attempt, sleep and reconciliation).
 *
 * @example
 * ```ts
 * import type { CallScope } from "./transport.js";
 *
 * const scope: CallScope = {
 *   signal: new AbortController().signal,
 *   aborted: false,
 *   reason: undefined,
 *   onAbort: () => () => {},
 *   deadline: undefined,
 *   totalMs: null,
 * };
 * ```
 * @internal
 */
export interface CallScope {
  /**
   * The caller's signal and the total deadline combined (created on first read: the fast path
   * uses {@link CallScope.onAbort} instead, which costs no `AbortController`).
   */
  readonly signal: AbortSignal;
  /** Whether the call was aborted (by its caller or the total deadline). */
  readonly aborted: boolean;
  /** Why, once {@link CallScope.aborted}. */
  readonly reason: unknown;
  /** Runs `listener` once when the call is aborted; returns the function that unregisters it. */
  onAbort(listener: (reason: unknown) => void): () => void;
  /** The caller's own signal, to tell a cancel from the deadline. */
  readonly callerSignal?: AbortSignal | undefined;
  /** The total deadline's state: `aborted` once it expired, with its `reason`. */
  readonly deadlineSignal?: { readonly aborted: boolean; readonly reason: unknown } | undefined;
  /** The total deadline as epoch ms on the injected clock; `undefined` without one. */
  readonly deadline: number | undefined;
  /** The total deadline's length, or `null` when disabled. */
  readonly totalMs: number | null;
  /** Ends the scope: clears the deadline's timer and listeners. */
  readonly close?: (() => void) | undefined;
}

/**
 * The internal seam between the operations and the HTTP library: ky today, something else
 * tomorrow, without a change to the public API.
 *
 * @example
 * ```ts
 * import type { Transport } from "./transport.js";
 *
 * async function describeRaw(transport: Transport, scope: import("./transport.js").CallScope) {
 *   return transport.send({
 *     operation: "list", method: "GET", path: "/inventorytriggerjob", search: "", retry: "read",
 *     maxBodyBytes: 4 << 20, expectBody: true, decode: (text) => text,
 *   }, scope);
 * }
 * ```
 * @internal
 */
export interface Transport {
  /** Sends one call with retries; resolves with the decoded body or rejects with a `CiError`. */
  send<T>(request: TransportRequest<T>, scope: CallScope): Promise<TransportResult<T>>;
}

/**
 * A `fetch`-compatible function: what the `fetch` option takes.
 *
 * @example
 * ```ts
 * import type { FetchLike } from "./transport.js";
 *
 * const viaGlobal: FetchLike = (input, init) => fetch(input, init);
 * ```
 * @public
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;
