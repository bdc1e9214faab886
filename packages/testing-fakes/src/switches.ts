import { FakeCiError } from "./errors.js";

/**
 * The behaviour switches where the service documentation is silent (the README's OQ table).
 *
 * @example
 * ```ts
 * import { DEFAULT_SWITCHES, type FakeCiSwitches } from "@cibatch/testing-fakes";
 * const strict: FakeCiSwitches = { ...DEFAULT_SWITCHES, create: { ...DEFAULT_SWITCHES.create, requireQueueId: true } };
 * ```
 */
export interface FakeCiSwitches {
  /** OQ1: several comma-separated ids on describe: answer each (`accept`) or `400 InvalidArgument` (`reject`). */
  readonly describe: {
    /** `accept` (default) or `reject` several comma-separated ids. */
    readonly multiId: "accept" | "reject";
  };
  /**
   * OQ2: an unknown id on describe answers `200` with `NonExistJobIds` (`nonexist-node`), or this error; on
   * cancel an unknown id answers `400 InvalidArgument`, or this error.
   */
  readonly unknownJob:
    | "nonexist-node"
    | {
        /** HTTP status of the error. */
        readonly status: number;
        /** `<Code>` of the error. */
        readonly code: string;
      };
  /** List behaviour (OQ3, OQ5). */
  readonly list: {
    /** OQ3: a list without `type` returns both types (`all`) or only workflow jobs. */
    readonly defaultType: "all" | "Workflow";
    /** OQ5: the last page omits `NextToken` (`omit`) or sends it empty. */
    readonly endSignal: "omit" | "empty";
  };
  /** Cancel behaviour (OQ4). */
  readonly cancel: {
    /** OQ4: a `PUT` without `?cancel` is refused with `400 InvalidArgument` (true) or cancels (false). */
    readonly requireQuery: boolean;
    /** OQ4: cancel lands at once, or after this many further describes of the job. */
    readonly mode:
      | "immediate"
      | {
          /** Describes of the job before the cancel lands. */
          readonly afterDescribes: number;
        };
    /** OQ4: cancelling a `Success`/`Failed` job is refused (`reject`, `400 InvalidArgument`) or a no-op 200. */
    readonly onFinished: "reject" | "accept";
  };
  /** Create validation (OQ6, OQ7, OQ10). */
  readonly create: {
    /** OQ6: exactly one non-empty `Input` source, or any number (≥ 1). */
    readonly inputRule: "exactly-one" | "any";
    /** OQ7: refuse a `Tag` outside the documented list. */
    readonly strictTags: boolean;
    /** OQ10: require `Operation/QueueId` for `Type=Job`. */
    readonly requireQueueId: boolean;
  };
}

/**
 * A partial {@link FakeCiSwitches}, merged over the current values.
 *
 * @example
 * ```ts
 * import type { FakeCiSwitchesPatch } from "@cibatch/testing-fakes";
 * const patch: FakeCiSwitchesPatch = { list: { defaultType: "Workflow" } };
 * ```
 */
export interface FakeCiSwitchesPatch {
  /** See {@link FakeCiSwitches.describe}. */
  readonly describe?: Partial<FakeCiSwitches["describe"]>;
  /** See {@link FakeCiSwitches.unknownJob}. */
  readonly unknownJob?: FakeCiSwitches["unknownJob"];
  /** See {@link FakeCiSwitches.list}. */
  readonly list?: Partial<FakeCiSwitches["list"]>;
  /** See {@link FakeCiSwitches.cancel}. */
  readonly cancel?: Partial<FakeCiSwitches["cancel"]>;
  /** See {@link FakeCiSwitches.create}. */
  readonly create?: Partial<FakeCiSwitches["create"]>;
}

/**
 * The defaults of the README's OQ table.
 *
 * @example
 * ```ts
 * import { DEFAULT_SWITCHES } from "@cibatch/testing-fakes";
 * DEFAULT_SWITCHES.list.endSignal; // "omit"
 * ```
 */
export const DEFAULT_SWITCHES: FakeCiSwitches = {
  describe: { multiId: "accept" },
  unknownJob: "nonexist-node",
  list: { defaultType: "all", endSignal: "omit" },
  cancel: { requireQuery: true, mode: "immediate", onFinished: "reject" },
  create: { inputRule: "exactly-one", strictTags: false, requireQueueId: false },
};

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new FakeCiError(
      "InvalidOption",
      `${field} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}

function bool(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new FakeCiError("InvalidOption", `${field} must be true or false`);
  return value;
}

/**
 * Merges `patch` over `base`, checking every value.
 *
 * @example
 * ```ts
 * import { DEFAULT_SWITCHES, mergeSwitches } from "@cibatch/testing-fakes";
 * mergeSwitches(DEFAULT_SWITCHES, { cancel: { onFinished: "accept" } }).cancel.onFinished; // "accept"
 * ```
 */
export function mergeSwitches(base: FakeCiSwitches, patch: FakeCiSwitchesPatch | undefined): FakeCiSwitches {
  if (patch === undefined) return base;
  if (typeof patch !== "object" || patch === null) throw new FakeCiError("InvalidOption", "switches must be an object");
  const d = { ...base.describe, ...patch.describe };
  const l = { ...base.list, ...patch.list };
  const c = { ...base.cancel, ...patch.cancel };
  const k = { ...base.create, ...patch.create };
  let unknownJob = patch.unknownJob ?? base.unknownJob;
  if (unknownJob !== "nonexist-node") {
    const u = unknownJob as { status?: unknown; code?: unknown };
    if (typeof u !== "object" || u === null || typeof u.status !== "number" || typeof u.code !== "string") {
      throw new FakeCiError("InvalidOption", 'unknownJob must be "nonexist-node" or {status, code}');
    }
    unknownJob = { status: u.status, code: u.code };
  }
  let mode = c.mode;
  if (mode !== "immediate") {
    const n = (mode as { afterDescribes?: unknown }).afterDescribes;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      throw new FakeCiError("InvalidOption", 'cancel.mode must be "immediate" or {afterDescribes: integer ≥ 0}');
    }
    mode = { afterDescribes: n };
  }
  return {
    describe: { multiId: oneOf("describe.multiId", d.multiId, ["accept", "reject"]) },
    unknownJob,
    list: {
      defaultType: oneOf("list.defaultType", l.defaultType, ["all", "Workflow"]),
      endSignal: oneOf("list.endSignal", l.endSignal, ["omit", "empty"]),
    },
    cancel: {
      requireQuery: bool("cancel.requireQuery", c.requireQuery),
      mode,
      onFinished: oneOf("cancel.onFinished", c.onFinished, ["reject", "accept"]),
    },
    create: {
      inputRule: oneOf("create.inputRule", k.inputRule, ["exactly-one", "any"]),
      strictTags: bool("create.strictTags", k.strictTags),
      requireQueueId: bool("create.requireQueueId", k.requireQueueId),
    },
  };
}
