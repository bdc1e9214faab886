/** One measured figure of a benchmark, beside its peer. */
export interface Metric {
  /** Short id, e.g. `signer.signatures-per-second`. */
  readonly id: string;
  /** What is measured, in words. */
  readonly label: string;
  /** The unit of `ours` and `peer` (`ops/s`, `ms`, `bytes`, ...). */
  readonly unit: string;
  /** Median of our rounds. */
  readonly ours: number;
  /** Name of the peer measured in the same run. */
  readonly peerName: string;
  /** Median of the peer's rounds. */
  readonly peer: number;
  /** `ours / peer` for throughputs, `peer / ours`-style goals are expressed through `higherIsBetter`. */
  readonly ratio: number;
  /** The goal as printed, e.g. `>= 2.0x`. */
  readonly goal: string;
  /** Whether the measured ratio meets the goal. */
  readonly met: boolean;
  /** Other figures worth keeping (per-round values, floors). */
  readonly extra?: Record<string, number | string>;
}

/** The median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Runs `fn` repeatedly for about `ms` milliseconds and returns operations per second.
 * `fn` may be async; it is awaited only when it returns a promise.
 */
export async function opsPerSecond(fn: () => unknown, ms = 300): Promise<number> {
  // Warm-up so the JIT has seen the code.
  const warmEnd = performance.now() + Math.min(100, ms / 3);
  while (performance.now() < warmEnd) await maybeAwait(fn());
  let count = 0;
  const start = performance.now();
  const end = start + ms;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 16; i++) await maybeAwait(fn());
    count += 16;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

function maybeAwait(value: unknown): unknown {
  return value instanceof Promise ? value : undefined;
}

/**
 * Measures each contender in interleaved rounds (A B C, A B C, ...) so that drift of the machine
 * affects every contender alike, and returns the median per contender.
 */
export async function interleavedRounds(
  contenders: Record<string, () => Promise<number>>,
  rounds = 5,
): Promise<Record<string, { median: number; rounds: number[] }>> {
  const results: Record<string, number[]> = {};
  for (const name of Object.keys(contenders)) results[name] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [name, measure] of Object.entries(contenders)) {
      (results[name] as number[]).push(await measure());
    }
  }
  const out: Record<string, { median: number; rounds: number[] }> = {};
  for (const [name, values] of Object.entries(results)) out[name] = { median: median(values), rounds: values };
  return out;
}

/** Builds a throughput metric (higher is better): ratio = ours / peer. */
export function throughputMetric(base: Omit<Metric, "ratio" | "met" | "goal">, goalRatio: number): Metric {
  const ratio = base.ours / base.peer;
  return { ...base, ratio, goal: `>= ${goalRatio.toFixed(1)}x`, met: ratio >= goalRatio };
}

/** Builds a cost metric (lower is better, e.g. time or bytes): ratio = ours / peer, goal is a ceiling. */
export function costMetric(base: Omit<Metric, "ratio" | "met" | "goal">, maxRatio: number): Metric {
  const ratio = base.ours / base.peer;
  return { ...base, ratio, goal: `<= ${maxRatio.toFixed(2)}x`, met: ratio <= maxRatio };
}

/** A benchmark suite: measures and returns its metrics. */
export interface Suite {
  readonly name: string;
  run(): Promise<Metric[]>;
}
