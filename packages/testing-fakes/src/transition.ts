import { FakeCiError } from "./errors.js";

/**
 * How jobs move on their own:
 * - `immediate`: create answers `Submitted`; the next read sees the final state;
 * - `afterMs`: each step (`Submitted → Running → final`) after `ms` of fake-clock time;
 * - `afterDescribes`: each step after `n` describe calls of that job (the `n + 1`-th describe sees the new state);
 * - `manual`: only {@link FakeJobs.advance} or `POST /_fake/jobs/{id}/advance` moves a job.
 *
 * @example
 * ```ts
 * import type { TransitionMode } from "@cibatch/testing-fakes";
 * const mode: TransitionMode = { mode: "afterDescribes", n: 2 };
 * ```
 */
export type TransitionMode =
  | {
      /** The next read after create sees the final state. */
      readonly mode: "immediate";
    }
  | {
      /** Jobs move only through `fake.jobs.advance()` or the control API. */
      readonly mode: "manual";
    }
  | {
      /** Each step after `ms` milliseconds of fake-clock time. */
      readonly mode: "afterMs";
      /** Milliseconds per step. */
      readonly ms: number;
    }
  | {
      /** Each step after `n` describes of the job. */
      readonly mode: "afterDescribes";
      /** Describes per step. */
      readonly n: number;
    };

/**
 * Checks a transition mode (from options, JSON or a flag) and returns a clean copy.
 *
 * @example
 * ```ts
 * import { normalizeTransition } from "@cibatch/testing-fakes";
 * normalizeTransition({ mode: "afterMs", ms: 500 });
 * ```
 */
export function normalizeTransition(value: unknown): TransitionMode {
  const v = value as { mode?: unknown; ms?: unknown; n?: unknown } | null;
  const count = (x: unknown, what: string): number => {
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0) {
      throw new FakeCiError("InvalidOption", `transition ${what} must be an integer ≥ 0, got ${JSON.stringify(x)}`);
    }
    return x;
  };
  switch (v?.mode) {
    case "immediate":
      return { mode: "immediate" };
    case "manual":
      return { mode: "manual" };
    case "afterMs":
      return { mode: "afterMs", ms: count(v.ms, "afterMs.ms") };
    case "afterDescribes":
      return { mode: "afterDescribes", n: count(v.n, "afterDescribes.n") };
    default:
      throw new FakeCiError(
        "InvalidOption",
        `unknown transition ${JSON.stringify(value)}; use {mode: "immediate" | "manual"}, {mode: "afterMs", ms} or {mode: "afterDescribes", n}`,
      );
  }
}

/**
 * Parses the flag form: `immediate`, `manual`, `afterMs:<n>`, `afterDescribes:<n>`.
 *
 * @example
 * ```ts
 * import { parseTransition } from "@cibatch/testing-fakes";
 * parseTransition("afterDescribes:2"); // { mode: "afterDescribes", n: 2 }
 * ```
 */
export function parseTransition(text: string): TransitionMode {
  const [mode, arg] = text.split(":", 2);
  if (mode === "afterMs") return normalizeTransition({ mode, ms: arg === undefined ? Number.NaN : Number(arg) });
  if (mode === "afterDescribes") return normalizeTransition({ mode, n: arg === undefined ? Number.NaN : Number(arg) });
  if (arg !== undefined) throw new FakeCiError("InvalidOption", `transition "${text}": ${mode} takes no argument`);
  return normalizeTransition({ mode });
}

/**
 * The flag form of a mode, the inverse of {@link parseTransition}.
 *
 * @example
 * ```ts
 * import { formatTransition } from "@cibatch/testing-fakes";
 * formatTransition({ mode: "afterMs", ms: 250 }); // "afterMs:250"
 * ```
 */
export function formatTransition(mode: TransitionMode): string {
  if (mode.mode === "afterMs") return `afterMs:${mode.ms}`;
  if (mode.mode === "afterDescribes") return `afterDescribes:${mode.n}`;
  return mode.mode;
}
