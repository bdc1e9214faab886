import { redactHeaders } from "@cibatch/signer";
import { FakeCiError } from "./errors.js";
import type { OperationName } from "./operations.js";

/**
 * What signature verification concluded for one request.
 *
 * @example
 * ```ts
 * import type { SignatureVerdict } from "@cibatch/testing-fakes";
 * const v: SignatureVerdict = { result: "failed", code: "SignatureDoesNotMatch", accepted: false };
 * ```
 */
export interface SignatureVerdict {
  /** `ok`: verified; `failed`: rejected (see `code`); `skipped`: not checked (unrouted request). */
  readonly result: "ok" | "failed" | "skipped";
  /** The verifier's failure code (`SignatureDoesNotMatch`, `SignatureExpired`, …) or the fake's own token check. */
  readonly code?: string;
  /** Why verification failed, for people. */
  readonly message?: string;
  /** The SecretId the request claimed (masked to its last 4 characters). */
  readonly secretId?: string;
  /** Whether the request went on to the operation (true for `ok`, or any verdict under `allowAnySignature`). */
  readonly accepted: boolean;
  /**
   * The signing values the fake computed for this request (`keyTime`, `signTime`, `headerList`, `urlParamList`,
   * `httpString`, `sha1HttpString`, `stringToSign`; never the SignKey): what it verified on success, what it expected
   * on a mismatch, and only the parsed `q-*` times and lists when it stopped earlier (an expired signature, an
   * unknown key). Absent when there was no readable signature.
   */
  readonly expected?: Readonly<Record<string, string>>;
}

/**
 * One request as the fake saw it.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi({ allowAnySignature: true });
 * await fake.fetch(new Request("http://127.0.0.1/inventorytriggerjob"));
 * const [entry] = fake.journal.entries();
 * console.log(entry?.op, entry?.status); // DescribeInventoryTriggerJobs 200
 * ```
 */
export interface JournalEntry {
  /** 1, 2, 3, … per fake (reset by `journal.clear()` only). */
  readonly seq: number;
  /** Fake-clock time the request arrived, epoch ms. */
  readonly time: number;
  /** The operation, or `undefined` when no route matched. */
  readonly op: OperationName | undefined;
  /** Whether a route matched (see `journal.expectNoUnhandled()`). */
  readonly handled: boolean;
  /** HTTP method (upper case). */
  readonly method: string;
  /** Raw path as sent (percent-encoding kept). */
  readonly path: string;
  /** Decoded query parameters (last value wins for repeated names). */
  readonly query: Readonly<Record<string, string>>;
  /** Query names that are not documented for the operation. */
  readonly unknownParams: readonly string[];
  /** Lower-cased headers; `authorization` and security tokens redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The first 64 KiB of the body, as UTF-8 text. */
  readonly body: string;
  /** Size of the whole body in bytes. */
  readonly bodyBytes: number;
  /** The bucket namespace addressed (from `Host`). */
  readonly bucket: string | undefined;
  /** What signature verification concluded. */
  readonly signature: SignatureVerdict;
  /** The id of the fault rule that applied. */
  readonly fault: string | undefined;
  /** Response status; `0` when no HTTP response was sent (reset, hang). */
  readonly status: number;
  /** The `<Code>` of an error response. */
  readonly errorCode: string | undefined;
  /** The `x-ci-request-id` the fake answered with. */
  readonly requestId: string;
  /** Job ids the request created, described or cancelled. */
  readonly jobIds: readonly string[];
}

/**
 * Selects journal entries: fields that must all equal, or a predicate.
 *
 * @example
 * ```ts
 * import type { JournalFilter } from "@cibatch/testing-fakes";
 * const creates: JournalFilter = { op: "CreateInventoryTriggerJob" };
 * const slow: JournalFilter = (e) => e.status >= 500;
 * ```
 */
export type JournalFilter =
  | {
      /** The operation. */
      readonly op?: OperationName;
      /** The HTTP method (upper case). */
      readonly method?: string;
      /** The raw path. */
      readonly path?: string;
      /** The response status (`0`: no response was sent). */
      readonly status?: number;
      /** The `<Code>` of an error response. */
      readonly errorCode?: string;
      /** A job id the request created, described or cancelled. */
      readonly jobId?: string;
      /** The id of the fault rule that applied. */
      readonly fault?: string;
      /** Whether a route matched. */
      readonly handled?: boolean;
      /** The signature verdict: `ok`, `failed` or `skipped`. */
      readonly signature?: SignatureVerdict["result"];
      /** Only entries with `seq > since`. */
      readonly since?: number;
    }
  | ((entry: JournalEntry) => boolean);

/**
 * The request journal of one fake.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * // ... run the code under test ...
 * fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 0);
 * fake.journal.expectNoUnhandled();
 * ```
 */
export interface FakeJournal {
  /** Every kept entry, oldest first. */
  entries(): JournalEntry[];
  /** The matching entries, oldest first (all without a filter). */
  find(filter?: JournalFilter): JournalEntry[];
  /** How many entries match, e.g. `count({ op: "CreateInventoryTriggerJob" })`. */
  count(filter?: JournalFilter): number;
  /** The newest matching entry. */
  last(filter?: JournalFilter): JournalEntry | undefined;
  /** Throws {@link FakeCiError} (`JournalAssertion`) unless exactly `n` entries match. */
  expectCount(filter: JournalFilter, n: number): void;
  /** Throws {@link FakeCiError} (`JournalAssertion`) if any request matched no route. */
  expectNoUnhandled(): void;
  /** Removes every entry. */
  clear(): void;
}

/** @internal The journal with its recorder. */
export interface JournalStore extends FakeJournal {
  nextSeq(): number;
  record(entry: JournalEntry): void;
}

function toPredicate(filter: JournalFilter | undefined): (entry: JournalEntry) => boolean {
  if (filter === undefined) return () => true;
  if (typeof filter === "function") return filter;
  return (e) =>
    (filter.op === undefined || e.op === filter.op) &&
    (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
    (filter.path === undefined || e.path === filter.path) &&
    (filter.status === undefined || e.status === filter.status) &&
    (filter.errorCode === undefined || e.errorCode === filter.errorCode) &&
    (filter.jobId === undefined || e.jobIds.includes(filter.jobId)) &&
    (filter.fault === undefined || e.fault === filter.fault) &&
    (filter.handled === undefined || e.handled === filter.handled) &&
    (filter.signature === undefined || e.signature.result === filter.signature) &&
    (filter.since === undefined || e.seq > filter.since);
}

function describeFilter(filter: JournalFilter): string {
  return typeof filter === "function" ? "the predicate" : JSON.stringify(filter);
}

function summary(e: JournalEntry): string {
  return `#${e.seq} ${e.method} ${e.path} → ${e.status}${e.errorCode ? ` ${e.errorCode}` : ""}`;
}

/**
 * @internal Keeps at most `limit` entries (oldest dropped first). Entries are recorded with the request's raw
 * headers and redacted once, on first read, so serving stays cheap; nothing unredacted ever leaves the journal.
 */
export function createJournal(limit: number): JournalStore {
  let raw: JournalEntry[] = [];
  const redacted = new WeakMap<JournalEntry, JournalEntry>();
  let seq = 0;
  const publicEntry = (entry: JournalEntry): JournalEntry => {
    let out = redacted.get(entry);
    if (!out) {
      out = { ...entry, headers: redactHeaders(entry.headers) };
      redacted.set(entry, out);
    }
    return out;
  };
  const current = (): JournalEntry[] => raw.slice(-limit).map(publicEntry);
  const find = (filter?: JournalFilter): JournalEntry[] => current().filter(toPredicate(filter));
  return {
    nextSeq: () => ++seq,
    record(entry) {
      raw.push(entry);
      // Trim in batches: dropping one entry per request would copy the whole array every time.
      if (raw.length >= limit * 2) raw = raw.slice(raw.length - limit);
    },
    entries: current,
    find,
    count: (filter) => find(filter).length,
    last: (filter) => find(filter).at(-1),
    expectCount(filter, n) {
      const found = find(filter);
      if (found.length !== n) {
        const shown = found.slice(0, 10).map(summary).join("; ");
        throw new FakeCiError(
          "JournalAssertion",
          `expected ${n} request(s) matching ${describeFilter(filter)}, found ${found.length}${shown ? `: ${shown}` : ""}`,
        );
      }
    },
    expectNoUnhandled() {
      const unhandled = find((e) => !e.handled);
      if (unhandled.length > 0) {
        throw new FakeCiError(
          "JournalAssertion",
          `${unhandled.length} request(s) matched no route of the fake: ${unhandled.slice(0, 10).map(summary).join("; ")}`,
        );
      }
    },
    clear() {
      raw = [];
    },
  };
}
