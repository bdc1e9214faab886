import { apiTimeSourceText, parseApiTime } from "@cibatch/xml-model";
import { FakeCiError } from "./errors.js";
import { isJobState } from "./job-state.js";
import type { JobRecord } from "./job-store.js";
import type { FakeCiSwitches } from "./switches.js";
import type { TransitionMode } from "./transition.js";

/**
 * The whole persistent state of a fake, as JSON: jobs (with their state-machine bookkeeping), queue pauses, fault
 * rules (patterns as `{regex, flags}`), the transition mode, the switches and, for a manual clock, its time.
 * Accounts are not included: secrets stay out of files.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi();
 * const snapshot = fake.state.export();
 * console.log(snapshot.version, snapshot.jobs.length); // 1 0
 * ```
 */
export interface FakeStateSnapshot {
  /** Format version, always 1. */
  readonly version: 1;
  /** Manual clock time (epoch ms); absent for a real clock. */
  readonly clock?: number;
  /** Every job, as JSON (times in epoch ms). */
  readonly jobs: readonly Readonly<Record<string, unknown>>[];
  /** Paused queue ids. */
  readonly pausedQueues: readonly string[];
  /** Fault rules, as JSON (patterns as `{regex, flags}`). */
  readonly faults: readonly Readonly<Record<string, unknown>>[];
  /** The fake-wide transition mode. */
  readonly transition: TransitionMode;
  /** The open-question switches. */
  readonly switches: FakeCiSwitches;
}

/** @internal The record fields written to a state file, in order. */
const JOB_FIELDS = [
  "bucket",
  "jobId",
  "name",
  "type",
  "state",
  "code",
  "message",
  "creationTime",
  "startTime",
  "endTime",
  "input",
  "operation",
  "describes",
  "seq",
  "stepSince",
  "describesInStep",
  "settleOnRead",
  "pendingCancel",
  "transition",
  "outcome",
] as const;

/**
 * Dates (job times inside `TimeInterval`) become `{"$date": ISO}`, plus `"text"` when the time was received as
 * text (so it still echoes exactly after a reload); everything else is JSON already.
 */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) {
    const text = apiTimeSourceText(value);
    return text === undefined ? { $date: value.toISOString() } : { $date: value.toISOString(), text };
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toJsonValue(item);
    return out;
  }
  return value;
}

/** The inverse of {@link toJsonValue}. */
function fromJsonValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJsonValue);
  if (typeof value === "object" && value !== null) {
    const { $date: date, text } = value as { $date?: unknown; text?: unknown };
    const keys = Object.keys(value).length;
    if (typeof date === "string" && keys === 1) return new Date(date);
    if (typeof date === "string" && typeof text === "string" && keys === 2) {
      const parsed = new Date(date);
      const fromText = parseApiTime(text);
      return fromText !== undefined && fromText.getTime() === parsed.getTime() ? fromText : parsed;
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fromJsonValue(item);
    return out;
  }
  return value;
}

/** @internal A record as plain JSON (undefined fields dropped). */
export function jobToJson(job: JobRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of JOB_FIELDS) if (job[field] !== undefined) out[field] = toJsonValue(job[field]);
  return out;
}

/** @internal A record back from JSON, checked. */
export function jobFromJson(json: Readonly<Record<string, unknown>>): JobRecord {
  const text = (field: string): string => {
    const v = json[field];
    if (typeof v !== "string") throw new FakeCiError("InvalidState", `state file: job.${field} must be a string`);
    return v;
  };
  const num = (field: string, optional = false): number | undefined => {
    const v = json[field];
    if (v === undefined && optional) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new FakeCiError("InvalidState", `state file: job.${field} must be a number`);
    return v;
  };
  const state = text("state");
  if (!isJobState(state)) throw new FakeCiError("InvalidState", `state file: unknown job state "${state}"`);
  const obj = (field: string): Readonly<Record<string, unknown>> => {
    const v = json[field];
    if (typeof v !== "object" || v === null)
      throw new FakeCiError("InvalidState", `state file: job.${field} must be an object`);
    return fromJsonValue(v) as Readonly<Record<string, unknown>>;
  };
  return {
    bucket: text("bucket"),
    jobId: text("jobId"),
    name: text("name"),
    type: typeof json.type === "string" ? json.type : undefined,
    state,
    code: text("code"),
    message: text("message"),
    creationTime: num("creationTime") as number,
    startTime: num("startTime", true),
    endTime: num("endTime", true),
    input: obj("input"),
    operation: obj("operation"),
    describes: num("describes") as number,
    seq: num("seq") as number,
    stepSince: num("stepSince") as number,
    describesInStep: num("describesInStep") as number,
    settleOnRead: json.settleOnRead === true,
    pendingCancel: num("pendingCancel", true),
    transition: json.transition as TransitionMode | undefined,
    outcome: json.outcome as JobRecord["outcome"],
  };
}

/** @internal Checks the outline of a snapshot (version 1, a jobs array); `where` names its source. */
export function checkSnapshot(json: unknown, where: string): FakeStateSnapshot {
  const s = json as Partial<FakeStateSnapshot> | null;
  if (typeof s !== "object" || s === null || s.version !== 1 || !Array.isArray(s.jobs)) {
    throw new FakeCiError(
      "InvalidState",
      `${where} is not a version 1 cibatch-fake state (expected {"version": 1, "jobs": [...]})`,
    );
  }
  return s as FakeStateSnapshot;
}
