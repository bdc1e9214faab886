import { createAccountRegistry, type FakeAccount, type FakeKeys } from "./accounts.js";
import type { AuthErrorStyle } from "./auth.js";
import { type FakeClock, realClock } from "./clock.js";
import { createCodec, normalizeOperation } from "./codec.js";
import { createControlApi } from "./control-api.js";
import { type CorsRule, checkCorsRules, DEFAULT_CORS_RULE } from "./cors.js";
import { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_REGION, demoJobs } from "./demo-seed.js";
import { FakeCiError } from "./errors.js";
import { createFaultEngine, type FakeFaults, faultRuleFromJson, faultRuleToJson } from "./faults.js";
import { fromFetchRequest, toFetchResponse } from "./fetch-adapter.js";
import { createHandler, type HandlerSettings } from "./handler.js";
import { createIdGenerator } from "./ids.js";
import type { JobState } from "./job-state.js";
import { createJobStore, viewOf } from "./job-store.js";
import type { FakeJobView, OutcomeRule, SeedJob } from "./job-types.js";
import { createJournal, type FakeJournal } from "./journal.js";
import { createListCursors } from "./list-jobs.js";
import { type RandomSource, seededRandom } from "./random.js";
import type { FakeReply, FakeRequest } from "./reply.js";
import { checkSnapshot, type FakeStateSnapshot, jobFromJson, jobToJson } from "./snapshot.js";
import { DEFAULT_SWITCHES, type FakeCiSwitches, type FakeCiSwitchesPatch, mergeSwitches } from "./switches.js";
import { parseTzOffset } from "./time-format.js";
import { normalizeTransition, type TransitionMode } from "./transition.js";

/**
 * Options of {@link createFakeCi}. Every option has a default; `createFakeCi()` gives a working fake with the demo
 * account registered.
 *
 * @example
 * ```ts
 * import { createFakeCi, manualClock, type FakeCiOptions } from "@cibatch/testing-fakes";
 * const options: FakeCiOptions = {
 *   clock: manualClock(),
 *   randomSeed: 42,
 *   jobs: "demo",
 *   accounts: [{ bucket: "examplebucket-1250000000", secretId: "AKIDtest", secretKey: "test-key" }],
 *   transition: { mode: "manual" },
 * };
 * const fake = createFakeCi(options);
 * ```
 */
export interface FakeCiOptions {
  /** Bucket for requests whose `Host` is not a CI host (e.g. `127.0.0.1:port`). Default `examplebucket-1250000000`. */
  readonly bucket?: string;
  /** Region for such requests. Default `ap-beijing`. */
  readonly region?: string;
  /** Credentials accepted. Default: only {@link DEMO_ACCOUNT}. */
  readonly accounts?: readonly FakeAccount[];
  /** Default {@link realClock}. */
  readonly clock?: FakeClock;
  /** Seed of every random choice (job ids, request ids, fault dice). Default: a random seed, see `fake.randomSeed`. */
  readonly randomSeed?: number | string;
  /**
   * Jobs the fake starts with: `"demo"` (the same as {@link demoJobs}: the sample job
   * `b3deffea2f84911ec9cb15254008618d9` and one job in each other state) or your own list. Default: none. Seeded
   * only when the fake starts empty (a `storage` that held jobs keeps them).
   */
  readonly jobs?: "demo" | readonly SeedJob[];
  /**
   * CORS rules, as a COS bucket's CORS configuration: preflights (`OPTIONS`) are answered by the first matching
   * rule, or refused with `403 AccessForbidden`; answers to a cross-origin request carry the rule's
   * `Access-Control-*` headers. Default: [{@link DEFAULT_CORS_RULE}] (any origin). `false`: no CORS answers.
   */
  readonly cors?: false | readonly CorsRule[];
  /** Where the state lives between runs: read once at start, written after changes (Node: the `stateFile` option). */
  readonly storage?: FakeStateStorage;
  /** Replaces the seeded generators with one source of your own. */
  readonly random?: RandomSource;
  /** Default `{ mode: "afterDescribes", n: 2 }`. */
  readonly transition?: TransitionMode;
  /** How jobs finish on their own. Default `"Success"`. */
  readonly outcome?: OutcomeRule;
  /** Default `"cos"`. */
  readonly authErrors?: AuthErrorStyle;
  /** Accept any signature (the journal still records the verdict). An explicit opt-out; default `false`. */
  readonly allowAnySignature?: boolean;
  /** How far ahead of the fake clock a `q-sign-time` may start, in seconds. Default 900. */
  readonly maxSkewSeconds?: number;
  /** Offset printed in job times. Default `+0800`. */
  readonly tzOffset?: string;
  /** Largest request body in bytes; larger answers `413 InvalidContent`. Default 1 MiB. */
  readonly bodyLimit?: number;
  /** Behaviour where the service documentation is silent (the README's OQ table; defaults there). */
  readonly switches?: FakeCiSwitchesPatch;
  /** Journal entries kept (oldest dropped). Default 10 000. */
  readonly journalLimit?: number;
  /** The `/_fake/` control API: on by default; `false` turns it off; `{ token }` requires `x-fake-control-token`. */
  readonly controlApi?:
    | boolean
    | {
        /** The value `x-fake-control-token` must carry. */
        readonly token: string;
      };
  /**
   * Answer `411 MissingContentLength` to a `POST` or `PUT` that reaches the listener without a `Content-Length`
   * header (a chunked upload), as the service documents for uploads. In-process requests (`fake.fetch`) are never
   * refused: a Fetch `Request` computes its length only when sent. Default `true`.
   */
  readonly requireContentLength?: boolean;
}

/**
 * The job side of a fake: inspect, seed and move jobs.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi({ transition: { mode: "manual" } });
 * const job = fake.jobs.seed({ Name: "n", Type: "Workflow", Input: { Prefix: "p/" }, Operation: { WorkflowIds: "w1" } });
 * fake.jobs.advance(job.jobId, "Failed", { code: "InternalError", message: "boom" });
 * ```
 */
export interface FakeJobs {
  /** A job by id (in one bucket, or searching all); `undefined` when absent. */
  get(jobId: string, bucket?: string): FakeJobView | undefined;
  /** Every job (of one bucket, or all), oldest first. */
  list(bucket?: string): FakeJobView[];
  /** Adds a job in any state, given under the wire's names (`Name`, `Type`, `State`, `Input`, `Operation`, …). */
  seed(job: SeedJob): FakeJobView;
  /** Moves a job to `state` through the state machine (`Submitted → Success` passes `Running`). */
  advance(jobId: string, state: JobState, detail?: { code?: string; message?: string; bucket?: string }): FakeJobView;
  /** The fake-wide transition mode. */
  transition(): TransitionMode;
  /** Changes the fake-wide transition mode (jobs with their own mode keep it). */
  setTransition(mode: TransitionMode): void;
  /** Pauses a queue: its `Running` jobs go to `Pause`, its `Submitted` jobs wait. */
  pauseQueue(queueId: string): void;
  /** Resumes a queue: its `Pause` jobs go back to `Running`. */
  resumeQueue(queueId: string): void;
  /** Removes every job. */
  clear(): void;
}

/**
 * Where a fake keeps its state between runs: `read()` once at start, `write()` after changes (batched) and on
 * `fake.state.flush()`. The Node entry (`@cibatch/testing-fakes/node`) writes a JSON file for the `stateFile`
 * option; give your own elsewhere (a `Map`, `localStorage`, a Durable Object).
 *
 * @example
 * ```ts
 * import { createFakeCi, type FakeStateSnapshot, type FakeStateStorage } from "@cibatch/testing-fakes";
 * let saved: FakeStateSnapshot | undefined;
 * const storage: FakeStateStorage = { read: () => saved, write: (snapshot) => { saved = snapshot; } };
 * const fake = createFakeCi({ storage, jobs: "demo" });
 * fake.state.flush();
 * console.log(saved?.jobs.length); // 7
 * ```
 */
export interface FakeStateStorage {
  /** The stored state, or `undefined` when there is none yet. */
  read(): FakeStateSnapshot | undefined;
  /** Stores the state. */
  write(snapshot: FakeStateSnapshot): void;
}

/**
 * A fake's state as data.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const first = createFakeCi({ jobs: "demo" });
 * const second = createFakeCi();
 * second.state.import(first.state.export());
 * console.log(second.jobs.list().length); // 7
 * ```
 */
export interface FakeState {
  /** The whole state as JSON-friendly data (accounts are never included). */
  export(): FakeStateSnapshot;
  /** Replaces jobs, faults, transition and switches (and a manual clock) with a snapshot. */
  import(snapshot: FakeStateSnapshot): void;
  /** Writes pending changes to the `storage` now. */
  flush(): void;
}

/**
 * The run-time settings that can change while the fake runs (`PUT /_fake/config`).
 *
 * @example
 * ```ts
 * import type { FakeCiConfig } from "@cibatch/testing-fakes";
 * const config: FakeCiConfig = { allowAnySignature: true, switches: { describe: { multiId: "reject" } } };
 * ```
 */
export interface FakeCiConfig {
  /** Switches to change (deep-merged into the current ones). */
  readonly switches?: FakeCiSwitchesPatch;
  /** Which error table answers authentication failures. */
  readonly authErrors?: AuthErrorStyle;
  /** Accept any signature (an explicit opt-out). */
  readonly allowAnySignature?: boolean;
}

/**
 * One fake CI service. Nothing is global: several fakes can live in one process.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes";
 * const fake = createFakeCi({ allowAnySignature: true });
 * const res = await fake.fetch("http://127.0.0.1/inventorytriggerjob?size=5");
 * console.log(res.status, res.headers.get("x-ci-request-id"));
 * ```
 */
export interface FakeCi {
  /**
   * A `fetch`-compatible handler: no socket. It is also a server's handler as it stands:
   * `Deno.serve(fake.fetch)`, `Bun.serve({ fetch: fake.fetch })`, a worker's `export default { fetch }`.
   */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** The core handler, for custom front ends (the Node listener is one). */
  handle(request: FakeRequest): Promise<FakeReply>;
  /** The fake-wide clock (signature windows, job times, transitions). */
  readonly clock: FakeClock;
  /** Inspect, seed and move jobs. */
  readonly jobs: FakeJobs;
  /** Declarative, seeded fault rules. */
  readonly faults: FakeFaults;
  /** Every request the fake saw. */
  readonly journal: FakeJournal;
  /** Accounts (credentials) the fake accepts. */
  readonly keys: FakeKeys;
  /** Export, import and persist the state. */
  readonly state: FakeState;
  /** The seed of this fake's random choices (print it to replay a failing run). */
  readonly randomSeed: number | string;
  /** Bucket and region for non-CI hosts. */
  readonly defaults: {
    /** Bucket for non-CI hosts. */
    readonly bucket: string;
    /** Region for non-CI hosts. */
    readonly region: string;
  };
  /** Current switches and auth settings. */
  config(): {
    /** The open-question switches. */
    switches: FakeCiSwitches;
    /** Which error table answers authentication failures. */
    authErrors: AuthErrorStyle;
    /** Whether any signature is accepted. */
    allowAnySignature: boolean;
  };
  /** Changes switches and auth settings at run time. */
  configure(config: FakeCiConfig): void;
  /** Clears jobs, faults, journal and list cursors; keeps accounts, options and the clock. */
  reset(): void;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new FakeCiError("InvalidOption", `${name} must be an integer ≥ 1`);
  return value;
}

/**
 * Builds a fake CI service: job store, clock, faults, journal and accounts behind a `fetch` handler.
 *
 * @example
 * ```ts
 * import { createFakeCi, manualClock } from "@cibatch/testing-fakes";
 * const fake = createFakeCi({ clock: manualClock(), randomSeed: 1, jobs: "demo" });
 * const res = await fake.fetch("http://127.0.0.1/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9");
 * console.log(res.status); // 401: requests must be signed (see @cibatch/signer)
 * ```
 */
export function createFakeCi(options: FakeCiOptions = {}): FakeCi {
  const clock = options.clock ?? realClock();
  const seed = options.randomSeed ?? randomSeedNumber();
  const stream = (name: string): RandomSource => options.random ?? seededRandom(`${seed}/${name}`);
  const ids = createIdGenerator(stream("jobs"), stream("requests"));
  const tzOffset = options.tzOffset ?? "+0800";
  parseTzOffset(tzOffset);
  const bodyLimit = positive("bodyLimit", options.bodyLimit, 1024 * 1024);
  const maxSkewSeconds = options.maxSkewSeconds ?? 900;
  const requireContentLength = options.requireContentLength !== false;
  const initialAccounts = options.accounts ?? [DEMO_ACCOUNT];
  const defaults = {
    bucket: options.bucket ?? DEMO_BUCKET,
    region: options.region ?? DEMO_REGION,
  };
  let switches = mergeSwitches(DEFAULT_SWITCHES, options.switches);
  let authErrors: AuthErrorStyle = options.authErrors ?? "cos";
  if (authErrors !== "cos" && authErrors !== "ci")
    throw new FakeCiError("InvalidOption", 'authErrors must be "cos" or "ci"');
  let allowAnySignature = options.allowAnySignature === true;
  let transition = normalizeTransition(options.transition ?? { mode: "afterDescribes", n: 2 });
  const outcome: OutcomeRule = options.outcome ?? "Success";
  const cors = options.cors === false ? [] : checkCorsRules(options.cors ?? [DEFAULT_CORS_RULE]);
  const storage = options.storage;

  let dirty = false;
  let loading = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = (): void => {
    if (!storage || loading) return;
    dirty = true;
    timer ??= setTimeout(() => {
      timer = undefined;
      state.flush();
    }, 0);
    (timer as { unref?: () => void }).unref?.();
  };

  const codec = createCodec(bodyLimit);
  const store = createJobStore({
    now: () => clock.now(),
    ids,
    transition: () => transition,
    outcome: () => outcome,
    queueIdOf: (operation) => codec.queueIdOf(operation),
    onChange,
  });
  const cursors = createListCursors();
  const faults = createFaultEngine(stream("faults"), onChange);
  const journal = createJournal(positive("journalLimit", options.journalLimit, 10_000));
  const accounts = createAccountRegistry(initialAccounts, () => undefined);

  // One settings object per configuration, not one per request.
  let current: HandlerSettings | undefined;
  const settings = (): HandlerSettings => {
    if (
      current?.switches !== switches ||
      current.authErrors !== authErrors ||
      current.allowAnySignature !== allowAnySignature
    ) {
      current = {
        bucket: defaults.bucket,
        region: defaults.region,
        switches,
        authErrors,
        allowAnySignature,
        tzOffset,
        maxSkewSeconds,
        requireContentLength,
        cors,
      };
    }
    return current;
  };

  const requireJob = (jobId: string, bucket?: string) => {
    const job = store.find(jobId, bucket);
    if (!job) throw new FakeCiError("JobNotFound", `no job ${jobId}${bucket ? ` in bucket ${bucket}` : ""}`);
    return job;
  };

  const jobs: FakeJobs = {
    get(jobId, bucket) {
      const job = store.find(jobId, bucket);
      if (!job) return undefined;
      store.settle(job, clock.now());
      return viewOf(job);
    },
    list(bucket) {
      const now = clock.now();
      return store.all(bucket).map((job) => {
        store.settle(job, now);
        return viewOf(job);
      });
    },
    seed: (job) => viewOf(store.seed({ ...job, Operation: normalizeOperation(job.Operation ?? {}) }, defaults.bucket)),
    advance(jobId, target, detail) {
      const job = requireJob(jobId, detail?.bucket);
      const moveDetail: { code?: string; message?: string } = {};
      if (detail?.code !== undefined) moveDetail.code = detail.code;
      if (detail?.message !== undefined) moveDetail.message = detail.message;
      store.advance(job, target, moveDetail);
      return viewOf(job);
    },
    transition: () => transition,
    setTransition(mode) {
      transition = normalizeTransition(mode);
      onChange();
    },
    pauseQueue: (queueId) => store.pauseQueue(queueId),
    resumeQueue: (queueId) => store.resumeQueue(queueId),
    clear: () => store.clear(),
  };

  const state: FakeState = {
    export: () => ({
      version: 1,
      ...(clock.kind === "manual" ? { clock: clock.now() } : {}),
      jobs: store.all().map(jobToJson),
      pausedQueues: store.pausedQueues(),
      faults: faults.list().map((rule) => faultRuleToJson(rule)),
      transition,
      switches,
    }),
    import(input) {
      const snapshot = checkSnapshot(input, "the imported state");
      loading = true;
      try {
        const records = snapshot.jobs.map(jobFromJson);
        const rules = (snapshot.faults ?? []).map(faultRuleFromJson);
        transition = normalizeTransition(snapshot.transition ?? transition);
        switches = mergeSwitches(DEFAULT_SWITCHES, snapshot.switches);
        if (snapshot.clock !== undefined && clock.kind === "manual") clock.set(snapshot.clock);
        store.restore(records, snapshot.pausedQueues ?? []);
        faults.clear();
        for (const rule of rules) faults.add(rule);
        cursors.clear();
      } finally {
        loading = false;
      }
      onChange();
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      if (dirty && storage) {
        storage.write(state.export());
        dirty = false;
      }
    },
  };

  const fake: FakeCi = {
    fetch: async (input, init) => {
      // Servers call a handler with more than the request (Bun.serve: the server; workers: env and context):
      // only a plain object is a RequestInit.
      const plain = init !== undefined && init !== null && Object.getPrototypeOf(init) === Object.prototype;
      const request = input instanceof Request && !plain ? input : new Request(input, plain ? init : undefined);
      const reply = await handle(await fromFetchRequest(request, bodyLimit));
      return toFetchResponse(reply, clock, request.signal);
    },
    handle: (request) => handle(request),
    clock,
    jobs,
    faults,
    journal,
    keys: accounts,
    state,
    randomSeed: seed,
    defaults,
    config: () => ({ switches, authErrors, allowAnySignature }),
    configure(config) {
      const nextSwitches = mergeSwitches(switches, config.switches);
      if (config.authErrors !== undefined && config.authErrors !== "cos" && config.authErrors !== "ci") {
        throw new FakeCiError("InvalidOption", 'authErrors must be "cos" or "ci"');
      }
      switches = nextSwitches;
      authErrors = config.authErrors ?? authErrors;
      if (config.allowAnySignature !== undefined) allowAnySignature = config.allowAnySignature === true;
      onChange();
    },
    reset() {
      store.clear();
      faults.clear();
      journal.clear();
      cursors.clear();
    },
  };

  const controlToken = typeof options.controlApi === "object" ? options.controlApi.token : undefined;
  const handle = createHandler({
    clock,
    ids,
    store,
    cursors,
    faults,
    journal,
    accounts,
    codec,
    settings,
    control: options.controlApi === false ? undefined : createControlApi(fake, controlToken),
  });

  const stored = storage?.read();
  if (stored) state.import(stored);
  if (options.jobs !== undefined && store.all().length === 0) {
    const seeds = options.jobs === "demo" ? demoJobs() : options.jobs;
    if (!Array.isArray(seeds)) throw new FakeCiError("InvalidOption", 'jobs must be "demo" or an array of jobs');
    for (const job of seeds) jobs.seed(job);
  }
  return fake;
}

/** A fresh seed from the platform's crypto (Web Crypto: every runtime has it). */
function randomSeedNumber(): number {
  const [value] = crypto.getRandomValues(new Uint32Array(1));
  return ((value as number) % (2 ** 31 - 2)) + 1;
}
