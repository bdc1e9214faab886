/**
 * A fake Tencent Cloud CI batch-job service (`/inventorytriggerjob`) that verifies signatures for real, with a
 * controllable clock, a job state machine, seeded faults and a request journal. This entry runs on every runtime
 * with `fetch` (Node, Deno, Bun, browsers, workers): `fake.fetch` is a client's `fetch` and a server's handler.
 * The Node listener, state files and `cibatch-fake` live in `@cibatch/testing-fakes/node`.
 *
 * @example
 * ```ts
 * import { createFakeCi, manualClock } from "@cibatch/testing-fakes";
 * const fake = createFakeCi({ clock: manualClock(), randomSeed: 42, jobs: "demo" });
 * // Deno.serve(fake.fetch); Bun.serve({ fetch: fake.fetch }); export default { fetch: fake.fetch };
 * console.log(fake.jobs.list().length); // 7
 * ```
 *
 * @packageDocumentation
 */
export {
  type FakeAccount,
  type FakeAccountView,
  type FakeKeys,
  parseAccountFlag,
} from "./accounts.js";
export { type AuthErrorStyle, type AuthFailureCode, authErrorFor } from "./auth.js";
export { DEFAULT_MANUAL_START, type FakeClock, manualClock, realClock } from "./clock.js";
export { CONTROL_TOKEN_HEADER } from "./control-api.js";
export { type CorsRule, DEFAULT_CORS_RULE } from "./cors.js";
export {
  createFakeCi,
  type FakeCi,
  type FakeCiConfig,
  type FakeCiOptions,
  type FakeJobs,
  type FakeState,
  type FakeStateStorage,
} from "./create-fake-ci.js";
export { DEMO_ACCOUNT, DEMO_BUCKET, DEMO_JOB_ID, DEMO_REGION, demoJobs } from "./demo-seed.js";
export { FakeCiError, type FakeCiErrorCode, isFakeCiError } from "./errors.js";
export {
  type FakeFaults,
  type FaultAction,
  type FaultMatch,
  type FaultRule,
  type FaultRuleView,
  faultRuleFromJson,
  faultRuleToJson,
} from "./faults.js";
export { createIdGenerator, type IdGenerator } from "./ids.js";
export { isJobState, isTerminalState, JOB_STATES, type JobState, pathBetweenStates } from "./job-state.js";
export type {
  FakeJobView,
  JobInputValue,
  JobOperationValue,
  JobOutcome,
  OutcomeRule,
  SeedJob,
} from "./job-types.js";
export type { FakeJournal, JournalEntry, JournalFilter, SignatureVerdict } from "./journal.js";
export type { ListFilter } from "./list-jobs.js";
export { LIST_PARAMS } from "./list-params.js";
export { OPERATION_NAMES, type OperationName } from "./operations.js";
export { type RandomSource, randomHex, seededRandom } from "./random.js";
export type { Delivery, FakeReply, FakeRequest } from "./reply.js";
export { type Route, routeRequest } from "./routes.js";
export type { FakeStateSnapshot } from "./snapshot.js";
export { DEFAULT_SWITCHES, type FakeCiSwitches, type FakeCiSwitchesPatch, mergeSwitches } from "./switches.js";
export { formatCiTime, formatHttpDate, parseCiTime, parseTzOffset } from "./time-format.js";
export { formatTransition, normalizeTransition, parseTransition, type TransitionMode } from "./transition.js";
export { appIdOf, type HostResolution, resolveVirtualHost } from "./virtual-host.js";
