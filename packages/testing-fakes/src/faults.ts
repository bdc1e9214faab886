import { FakeCiError } from "./errors.js";
import { OPERATION_NAMES, type OperationName } from "./operations.js";
import type { RandomSource } from "./random.js";

/**
 * Which requests a fault applies to. Every given field must match; an empty match matches every CI request
 * (never the `/_fake/` control API).
 *
 * @example
 * ```ts
 * import type { FaultMatch } from "@cibatch/testing-fakes";
 * const match: FaultMatch = { op: "CreateInventoryTriggerJob", name: /^nightly/ };
 * ```
 */
export interface FaultMatch {
  /** The operation(s), e.g. `CreateInventoryTriggerJob`. */
  readonly op?: OperationName | readonly OperationName[];
  /** HTTP method, case-insensitive. */
  readonly method?: string;
  /** Exact path (`/inventorytriggerjob`) or a pattern. */
  readonly path?: string | RegExp;
  /** The `Name` of a create request, exact or a pattern. */
  readonly name?: string | RegExp;
  /** The bucket namespace the request addresses. */
  readonly bucket?: string;
}

/**
 * What a matching request gets:
 * - `{ status, code, message?, retryAfter? }`: an XML `<Error>` (with `Retry-After` when given);
 * - `{ latencyMs }`: delay, then answer normally (fake-clock time: a manual clock must be advanced);
 * - `{ reset: true }`: drop the connection before any response (in-process: `fetch` rejects like a network error);
 * - `{ truncateBody: bytes }`: announce the full `Content-Length`, send `bytes`, then cut the connection;
 * - `{ body, contentType, status? }`: a foreign body, e.g. an HTML 502 from a proxy (status default 200);
 * - `{ emptyBody: true, status? }`: no body at all (status default 200);
 * - `{ slowBody: { chunkBytes, intervalMs } }`: the real body, dribbled out in chunks;
 * - `{ skewMs }`: the fake's clock reads `skewMs` off for this request (signature window and `Date` header);
 * - `{ hang: true }`: never answer (until the client gives up).
 *
 * `truncateBody`, `slowBody` and `skewMs` always act on the real response: the operation runs.
 *
 * @example
 * ```ts
 * import type { FaultAction } from "@cibatch/testing-fakes";
 * const action: FaultAction = { status: 503, code: "ServiceUnavailable", retryAfter: 1 };
 * ```
 */
export type FaultAction =
  | {
      /** HTTP status of the XML `<Error>` answer, e.g. 503. */
      readonly status: number;
      /** Its `<Code>`, e.g. `ServiceUnavailable`. */
      readonly code: string;
      /** Its `<Message>` (default: a note that the fault was injected). */
      readonly message?: string;
      /** `Retry-After` header, in seconds. */
      readonly retryAfter?: number;
    }
  | {
      /** Delay before answering, in milliseconds (fake-clock time). */
      readonly latencyMs: number;
    }
  | {
      /** Drop the socket before any response (in-process: the fetch rejects like a network error). */
      readonly reset: true;
    }
  | {
      /** Send the full `Content-Length`, then close after this many body bytes. */
      readonly truncateBody: number;
    }
  | {
      /** A body of your own, e.g. a proxy's HTML error page. */
      readonly body: string;
      /** Its `Content-Type`. */
      readonly contentType: string;
      /** Its status (default 200). */
      readonly status?: number;
    }
  | {
      /** Answer with no body at all. */
      readonly emptyBody: true;
      /** Its status (default 200). */
      readonly status?: number;
    }
  | {
      /** Send the body in chunks with pauses. */
      readonly slowBody: {
        /** Bytes per chunk. */
        readonly chunkBytes: number;
        /** Pause between chunks, in milliseconds (fake-clock time). */
        readonly intervalMs: number;
      };
    }
  | {
      /** Shift the fake's idea of "now" for this request (signature window and `Date`), in milliseconds. */
      readonly skewMs: number;
    }
  | {
      /** Never answer (for timeout and abort tests). */
      readonly hang: true;
    };

/**
 * A declarative fault rule. Rules are tried in the order added; the first that matches (and whose dice roll
 * succeeds) applies.
 *
 * @example
 * ```ts
 * import type { FaultRule } from "@cibatch/testing-fakes";
 * const rule: FaultRule = {
 *   match: { op: "CreateInventoryTriggerJob" },
 *   times: 1,
 *   when: "after",
 *   action: { status: 500, code: "InternalError" },
 * };
 * ```
 */
export interface FaultRule {
  /** Which requests the rule applies to (all when absent). */
  readonly match?: FaultMatch;
  /** Apply at most this many times, then the rule is spent (kept in `list()` with `remaining: 0`). */
  readonly times?: number;
  /** Chance per matching request, rolled with the fake's seeded random source (default 1). */
  readonly probability?: number;
  /** `before` (default): the server does not act. `after`: the operation takes effect, then the response fails. */
  readonly when?: "before" | "after";
  /** What happens to a matching request. */
  readonly action: FaultAction;
}

/**
 * A stored rule with its id and counters.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * fake.faults.add({ action: { reset: true }, times: 1 });
 * console.log(fake.faults.list()[0]?.remaining); // 1
 * ```
 */
export interface FaultRuleView extends FaultRule {
  /** The rule id (for `remove`). */
  readonly id: string;
  /** How many times it applied so far. */
  readonly hits: number;
  /** Applications left when `times` was given. */
  readonly remaining?: number;
}

/** @internal What the engine sees of a request. */
export interface FaultContext {
  readonly op: OperationName | undefined;
  readonly method: string;
  readonly path: string;
  readonly bucket: string | undefined;
  /** Lazily computed create-request `Name`. */
  name(): string | undefined;
}

/**
 * The fault rules of one fake.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * const id = fake.faults.add({ match: { method: "GET" }, action: { latencyMs: 200 } });
 * fake.faults.remove(id);
 * ```
 */
export interface FakeFaults {
  /** Adds a rule at the end of the list; returns its id. Throws {@link FakeCiError} on a malformed rule. */
  add(rule: FaultRule): string;
  /** Removes a rule; `false` when there was none with that id. */
  remove(id: string): boolean;
  /** Removes every rule. */
  clear(): void;
  /** Every rule, in evaluation order, with its hit counts. */
  list(): FaultRuleView[];
}

/** @internal The engine: the public surface plus the matcher. */
export interface FaultEngine extends FakeFaults {
  pick(ctx: FaultContext): FaultRuleView | undefined;
}

const ACTION_KEYS = ["status", "latencyMs", "reset", "truncateBody", "body", "emptyBody", "slowBody", "skewMs", "hang"];

function checkAction(action: FaultAction): void {
  const a = action as Record<string, unknown>;
  if (typeof a !== "object" || a === null) throw new FakeCiError("InvalidFault", "a fault needs an action object");
  const kind =
    "body" in a
      ? "body"
      : "emptyBody" in a
        ? "emptyBody"
        : (ACTION_KEYS.find((k) => k in a && k !== "status") ?? "status");
  const int = (key: string, min: number): void => {
    const v = a[key];
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
      throw new FakeCiError(
        "InvalidFault",
        `fault action ${key} must be an integer ≥ ${min}, got ${JSON.stringify(v)}`,
      );
    }
  };
  switch (kind) {
    case "status":
      int("status", 100);
      if (typeof a.code !== "string" || a.code === "") {
        throw new FakeCiError(
          "InvalidFault",
          'a status fault needs an error code, e.g. {status: 503, code: "ServiceUnavailable"}',
        );
      }
      if (a.retryAfter !== undefined) int("retryAfter", 0);
      break;
    case "latencyMs":
    case "skewMs":
      if (typeof a[kind] !== "number" || !Number.isFinite(a[kind])) {
        throw new FakeCiError("InvalidFault", `fault action ${kind} must be a number of milliseconds`);
      }
      if (kind === "latencyMs" && (a[kind] as number) < 0)
        throw new FakeCiError("InvalidFault", "latencyMs must be ≥ 0");
      break;
    case "truncateBody":
      int("truncateBody", 0);
      break;
    case "body":
      if (typeof a.body !== "string" || typeof a.contentType !== "string") {
        throw new FakeCiError("InvalidFault", "a body fault needs body and contentType strings");
      }
      if (a.status !== undefined) int("status", 100);
      break;
    case "emptyBody":
      if (a.status !== undefined) int("status", 100);
      break;
    case "slowBody": {
      const s = a.slowBody as { chunkBytes?: unknown; intervalMs?: unknown } | undefined;
      if (
        typeof s?.chunkBytes !== "number" ||
        !Number.isInteger(s.chunkBytes) ||
        s.chunkBytes < 1 ||
        typeof s.intervalMs !== "number" ||
        s.intervalMs < 0
      ) {
        throw new FakeCiError("InvalidFault", "slowBody needs {chunkBytes: integer ≥ 1, intervalMs: ≥ 0}");
      }
      break;
    }
    default:
      if (a[kind] !== true) throw new FakeCiError("InvalidFault", `fault action ${kind} must be true`);
  }
}

function checkRule(rule: FaultRule): void {
  if (typeof rule !== "object" || rule === null)
    throw new FakeCiError("InvalidFault", "a fault rule must be an object");
  checkAction(rule.action);
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 1)) {
    throw new FakeCiError("InvalidFault", `times must be an integer ≥ 1, got ${JSON.stringify(rule.times)}`);
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    throw new FakeCiError("InvalidFault", `probability must be within 0..1, got ${JSON.stringify(rule.probability)}`);
  }
  if (rule.when !== undefined && rule.when !== "before" && rule.when !== "after") {
    throw new FakeCiError("InvalidFault", `when must be "before" or "after", got ${JSON.stringify(rule.when)}`);
  }
  const ops = rule.match?.op;
  for (const op of ops === undefined ? [] : typeof ops === "string" ? [ops] : ops) {
    if (!OPERATION_NAMES.includes(op)) {
      throw new FakeCiError("InvalidFault", `unknown operation "${op}"; use one of ${OPERATION_NAMES.join(", ")}`);
    }
  }
}

function textMatches(pattern: string | RegExp | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  if (typeof pattern === "string") return pattern === value;
  pattern.lastIndex = 0;
  return pattern.test(value);
}

function ruleMatches(match: FaultMatch | undefined, ctx: FaultContext): boolean {
  if (!match) return true;
  if (match.op !== undefined) {
    if (ctx.op === undefined) return false;
    if (typeof match.op === "string" ? match.op !== ctx.op : !match.op.includes(ctx.op)) return false;
  }
  if (match.method !== undefined && match.method.toUpperCase() !== ctx.method) return false;
  if (!textMatches(match.path, ctx.path)) return false;
  if (match.bucket !== undefined && match.bucket !== ctx.bucket) return false;
  if (match.name !== undefined && !textMatches(match.name, ctx.name())) return false;
  return true;
}

/** @internal Builds the engine over a seeded random source. */
export function createFaultEngine(random: RandomSource, onChange: () => void): FaultEngine {
  type Stored = { id: string; rule: FaultRule; hits: number };
  let rules: Stored[] = [];
  let counter = 0;
  const view = (s: Stored): FaultRuleView => ({
    ...s.rule,
    id: s.id,
    hits: s.hits,
    ...(s.rule.times !== undefined ? { remaining: Math.max(0, s.rule.times - s.hits) } : {}),
  });
  return {
    add(rule) {
      checkRule(rule);
      const id = `fault-${++counter}`;
      rules.push({ id, rule, hits: 0 });
      onChange();
      return id;
    },
    remove(id) {
      const before = rules.length;
      rules = rules.filter((r) => r.id !== id);
      onChange();
      return rules.length !== before;
    },
    clear() {
      rules = [];
      onChange();
    },
    list: () => rules.map(view),
    pick(ctx) {
      for (const stored of rules) {
        const { rule } = stored;
        if (rule.times !== undefined && stored.hits >= rule.times) continue;
        if (!ruleMatches(rule.match, ctx)) continue;
        if (rule.probability !== undefined && !(random() < rule.probability)) continue;
        stored.hits++;
        onChange();
        return view(stored);
      }
      return undefined;
    },
  };
}

/**
 * Converts a rule from its JSON form (control API, state file): patterns are `{ "regex": "…", "flags": "i" }`.
 *
 * @example
 * ```ts
 * import { faultRuleFromJson } from "@cibatch/testing-fakes";
 * const rule = faultRuleFromJson({ match: { path: { regex: "^/inventorytriggerjob/" } }, action: { hang: true } });
 * ```
 */
export function faultRuleFromJson(json: unknown): FaultRule {
  if (typeof json !== "object" || json === null)
    throw new FakeCiError("InvalidFault", "a fault rule must be a JSON object");
  const raw = json as Record<string, unknown> & { match?: Record<string, unknown> };
  const pattern = (value: unknown, field: string): string | RegExp | undefined => {
    if (value === undefined || typeof value === "string") return value;
    const r = value as { regex?: unknown; flags?: unknown };
    if (typeof r === "object" && r !== null && typeof r.regex === "string") {
      try {
        return new RegExp(r.regex, typeof r.flags === "string" ? r.flags : "");
      } catch (cause) {
        throw new FakeCiError("InvalidFault", `match.${field}: invalid regex ${JSON.stringify(r.regex)}`, { cause });
      }
    }
    throw new FakeCiError("InvalidFault", `match.${field} must be a string or {regex, flags?}`);
  };
  const match = raw.match;
  const out: Record<string, unknown> = { ...raw };
  for (const key of ["id", "hits", "remaining"]) delete out[key];
  if (match !== undefined) {
    if (typeof match !== "object" || match === null) throw new FakeCiError("InvalidFault", "match must be an object");
    const m: Record<string, unknown> = { ...match };
    const path = pattern(match.path, "path");
    const name = pattern(match.name, "name");
    if (path !== undefined) m.path = path;
    if (name !== undefined) m.name = name;
    out.match = m;
  }
  const rule = out as unknown as FaultRule;
  checkRule(rule);
  return rule;
}

/**
 * The JSON form of a rule (patterns as `{ regex, flags }`), the inverse of {@link faultRuleFromJson}.
 *
 * @example
 * ```ts
 * import { faultRuleToJson } from "@cibatch/testing-fakes";
 * JSON.stringify(faultRuleToJson({ match: { name: /^a/ }, action: { reset: true } }));
 * ```
 */
export function faultRuleToJson(rule: FaultRule): Record<string, unknown> {
  const pattern = (p: string | RegExp | undefined): unknown =>
    p instanceof RegExp ? { regex: p.source, flags: p.flags } : p;
  const out: Record<string, unknown> = { ...rule };
  if (rule.match) {
    const m: Record<string, unknown> = { ...rule.match };
    if (rule.match.path !== undefined) m.path = pattern(rule.match.path);
    if (rule.match.name !== undefined) m.name = pattern(rule.match.name);
    out.match = m;
  }
  return out;
}
