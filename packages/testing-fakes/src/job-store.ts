import { FakeCiError } from "./errors.js";
import type { IdGenerator } from "./ids.js";
import { isJobState, isTerminalState, type JobState, requirePath } from "./job-state.js";
import type { FakeJobView, JobInputValue, JobOperationValue, JobOutcome, OutcomeRule, SeedJob } from "./job-types.js";
import { parseCiTime } from "./time-format.js";
import type { TransitionMode } from "./transition.js";

/** @internal The mutable record behind a {@link FakeJobView}. */
export interface JobRecord {
  bucket: string;
  jobId: string;
  name: string;
  type: string | undefined;
  state: JobState;
  code: string;
  message: string;
  creationTime: number;
  startTime: number | undefined;
  endTime: number | undefined;
  input: JobInputValue;
  operation: JobOperationValue;
  describes: number;
  /** Insertion order, the tie-breaker for equal creation times. */
  seq: number;
  /** When the current automatic step started (afterMs). */
  stepSince: number;
  /** Describes counted since the current automatic step started (afterDescribes). */
  describesInStep: number;
  /** `immediate` mode: the next read moves the job to its final state. */
  settleOnRead: boolean;
  /** Describes left before a deferred cancel lands (`cancel.mode: {afterDescribes}`). */
  pendingCancel: number | undefined;
  transition: TransitionMode | undefined;
  outcome: JobOutcome | undefined;
}

/** @internal What a cancel did. */
export type CancelResult = "cancelled" | "deferred" | "already-cancelled" | "finished";

/** @internal Dependencies of the store. */
export interface JobStoreDeps {
  now(): number;
  ids: IdGenerator;
  transition(): TransitionMode;
  outcome(): OutcomeRule;
  /** Extracts the queue id of a job (for queue pause). */
  queueIdOf(operation: JobOperationValue): string | undefined;
  onChange(): void;
}

/** @internal The job store: namespaces per bucket, the state machine and queue pauses. */
export interface JobStore {
  create(
    bucket: string,
    spec: { name: string; type: string | undefined; input: JobInputValue; operation: JobOperationValue },
  ): JobRecord;
  seed(job: SeedJob, defaultBucket: string): JobRecord;
  find(jobId: string, bucket?: string): JobRecord | undefined;
  /** Jobs in insertion order (one bucket, or all). */
  all(bucket?: string): JobRecord[];
  /** Applies time-based and `immediate` moves due at `now`. */
  settle(job: JobRecord, now: number): void;
  /** Counts one describe of the job, applying `afterDescribes` moves and deferred cancels first. */
  noteDescribe(job: JobRecord, now: number): void;
  advance(job: JobRecord, state: JobState, detail?: { code?: string; message?: string }): void;
  cancel(job: JobRecord, now: number, afterDescribes: number | undefined): CancelResult;
  pauseQueue(queueId: string): void;
  resumeQueue(queueId: string): void;
  pausedQueues(): string[];
  clear(): void;
  /** Replaces every job and queue pause (state import). */
  restore(records: readonly JobRecord[], pausedQueues: readonly string[]): void;
}

/** @internal Copies a record into its public, read-only view. */
export function viewOf(job: JobRecord): FakeJobView {
  return {
    bucket: job.bucket,
    jobId: job.jobId,
    name: job.name,
    type: job.type,
    state: job.state,
    code: job.code,
    message: job.message,
    creationTime: job.creationTime,
    startTime: job.startTime,
    endTime: job.endTime,
    input: job.input,
    operation: job.operation,
    describes: job.describes,
  };
}

function seedTime(what: string, value: number | string | undefined): number | undefined {
  if (value === undefined || value === "-" || value === "") return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new FakeCiError("InvalidJob", `${what} must be finite epoch milliseconds`);
    return value;
  }
  const parsed = parseCiTime(value);
  if (parsed === undefined) {
    throw new FakeCiError("InvalidJob", `${what} "${value}" is not a CI time like 2022-06-27T15:23:10+0800`);
  }
  return parsed;
}

const JOB_ID = /^b[0-9a-f]{32}$/;

/** @internal Builds the store. */
export function createJobStore(deps: JobStoreDeps): JobStore {
  const buckets = new Map<string, Map<string, JobRecord>>();
  const paused = new Set<string>();
  let seq = 0;

  const namespace = (bucket: string): Map<string, JobRecord> => {
    let jobs = buckets.get(bucket);
    if (!jobs) {
      jobs = new Map();
      buckets.set(bucket, jobs);
    }
    return jobs;
  };

  const isBlocked = (job: JobRecord): boolean => {
    const queue = deps.queueIdOf(job.operation);
    return queue !== undefined && paused.has(queue);
  };

  const enter = (job: JobRecord, state: JobState, at: number, detail?: { code?: string; message?: string }): void => {
    job.state = state;
    if (state === "Running" && job.startTime === undefined) job.startTime = at;
    if (isTerminalState(state)) {
      if (state !== "Cancel" && job.startTime === undefined) job.startTime = at;
      job.endTime = at;
      job.pendingCancel = undefined;
    }
    if (state === "Failed") {
      job.code = detail?.code ?? "InternalError";
      job.message = detail?.message ?? "the fake was told this job fails";
    } else if (detail?.code !== undefined || detail?.message !== undefined) {
      if (detail.code !== undefined) job.code = detail.code;
      if (detail.message !== undefined) job.message = detail.message;
    }
    job.stepSince = at;
    job.describesInStep = 0;
    deps.onChange();
  };

  const finalOutcome = (job: JobRecord): JobOutcome => {
    if (job.outcome) return job.outcome;
    const rule = deps.outcome();
    if (typeof rule === "function") return rule(viewOf(job));
    return { state: rule };
  };

  /** One automatic step; returns false when the job cannot move on its own. */
  const step = (job: JobRecord, at: number): boolean => {
    if (isBlocked(job) || job.pendingCancel !== undefined) return false;
    if (job.state === "Submitted") {
      enter(job, "Running", at);
      return true;
    }
    if (job.state === "Running") {
      const outcome = finalOutcome(job);
      enter(job, outcome.state, at, outcome);
      return true;
    }
    return false;
  };

  const modeOf = (job: JobRecord): TransitionMode => job.transition ?? deps.transition();

  const store: JobStore = {
    create(bucket, spec) {
      const now = deps.now();
      const jobs = namespace(bucket);
      let jobId = deps.ids.jobId();
      while (jobs.has(jobId)) jobId = deps.ids.jobId();
      const job: JobRecord = {
        bucket,
        jobId,
        name: spec.name,
        type: spec.type,
        state: "Submitted",
        code: "Success",
        message: "",
        creationTime: now,
        startTime: undefined,
        endTime: undefined,
        input: spec.input,
        operation: spec.operation,
        describes: 0,
        seq: ++seq,
        stepSince: now,
        describesInStep: 0,
        settleOnRead: true,
        pendingCancel: undefined,
        transition: undefined,
        outcome: undefined,
      };
      jobs.set(jobId, job);
      deps.onChange();
      return job;
    },

    seed(input, defaultBucket) {
      const now = deps.now();
      const bucket = input.bucket ?? defaultBucket;
      if (typeof input.Name !== "string") throw new FakeCiError("InvalidJob", "a seeded job needs a string Name");
      const state = input.State ?? "Submitted";
      if (!isJobState(state)) throw new FakeCiError("InvalidJob", `unknown State "${String(state)}"`);
      const jobs = namespace(bucket);
      if (input.JobId !== undefined && !JOB_ID.test(input.JobId)) {
        throw new FakeCiError("InvalidJob", `JobId "${input.JobId}" is not "b" + 32 lowercase hex`);
      }
      let jobId = input.JobId ?? deps.ids.jobId();
      while (input.JobId === undefined && jobs.has(jobId)) jobId = deps.ids.jobId();
      const creationTime = seedTime("CreationTime", input.CreationTime) ?? now;
      const job: JobRecord = {
        bucket,
        jobId,
        name: input.Name,
        type: input.Type,
        state,
        code: input.Code ?? "Success",
        message: input.Message ?? "",
        creationTime,
        startTime: seedTime("StartTime", input.StartTime),
        endTime: seedTime("EndTime", input.EndTime),
        input: input.Input ?? {},
        operation: input.Operation ?? {},
        describes: 0,
        seq: ++seq,
        stepSince: now,
        describesInStep: 0,
        settleOnRead: !isTerminalState(state),
        pendingCancel: undefined,
        transition: input.transition,
        outcome: input.outcome,
      };
      jobs.set(jobId, job);
      deps.onChange();
      return job;
    },

    find(jobId, bucket) {
      if (bucket !== undefined) return buckets.get(bucket)?.get(jobId);
      for (const jobs of buckets.values()) {
        const job = jobs.get(jobId);
        if (job) return job;
      }
      return undefined;
    },

    all(bucket) {
      if (bucket !== undefined) return [...(buckets.get(bucket)?.values() ?? [])];
      return [...buckets.values()].flatMap((jobs) => [...jobs.values()]).sort((a, b) => a.seq - b.seq);
    },

    settle(job, now) {
      if (isTerminalState(job.state)) return;
      const mode = modeOf(job);
      if (mode.mode === "immediate") {
        if (!job.settleOnRead) return;
        job.settleOnRead = false;
        while (step(job, now));
        return;
      }
      if (mode.mode === "afterMs") {
        while (!isTerminalState(job.state) && now >= job.stepSince + mode.ms) {
          if (!step(job, job.stepSince + mode.ms)) break;
        }
      }
    },

    noteDescribe(job, now) {
      if (job.pendingCancel !== undefined) {
        if (job.pendingCancel <= 0) enter(job, "Cancel", now);
        else job.pendingCancel--;
      }
      const mode = modeOf(job);
      if (mode.mode === "afterDescribes" && !isTerminalState(job.state) && job.describesInStep >= mode.n) {
        step(job, now);
      }
      job.describes++;
      job.describesInStep++;
    },

    advance(job, state, detail) {
      const path = requirePath(job.jobId, job.state, state);
      const now = deps.now();
      for (const next of path) enter(job, next, now, next === state ? detail : undefined);
      job.settleOnRead = false;
    },

    cancel(job, now, afterDescribes) {
      if (job.state === "Cancel") return "already-cancelled";
      if (isTerminalState(job.state)) return "finished";
      if (afterDescribes !== undefined && afterDescribes > 0) {
        job.pendingCancel ??= afterDescribes;
        deps.onChange();
        return "deferred";
      }
      enter(job, "Cancel", now);
      return "cancelled";
    },

    pauseQueue(queueId) {
      paused.add(queueId);
      const now = deps.now();
      for (const job of store.all()) {
        if (job.state === "Running" && deps.queueIdOf(job.operation) === queueId) enter(job, "Pause", now);
      }
      deps.onChange();
    },

    resumeQueue(queueId) {
      paused.delete(queueId);
      const now = deps.now();
      for (const job of store.all()) {
        if (job.state === "Pause" && deps.queueIdOf(job.operation) === queueId) enter(job, "Running", now);
      }
      deps.onChange();
    },

    pausedQueues: () => [...paused],

    restore(records, pausedQueues) {
      buckets.clear();
      paused.clear();
      for (const queue of pausedQueues) paused.add(queue);
      for (const record of [...records].sort((a, b) => a.seq - b.seq)) {
        namespace(record.bucket).set(record.jobId, { ...record });
        seq = Math.max(seq, record.seq);
      }
      deps.onChange();
    },

    clear() {
      buckets.clear();
      paused.clear();
      deps.onChange();
    },
  };
  return store;
}
