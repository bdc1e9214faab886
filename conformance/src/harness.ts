import { CiClient, type CiClientOptions } from "@cibatch/ci-client";
import type { FakeCi, SeedJob } from "@cibatch/testing-fakes";

/** Credentials of the suite's account (every fake here is built with it). */
export const ACCOUNT = {
  bucket: "examplebucket-1250000000",
  secretId: "AKIDconformance000000000000000000001",
  secretKey: "conformance-secret-key-0000000001",
} as const;

/** A fault rule in the control API's JSON form (patterns as `{ regex, flags }`). */
export type FaultJson = Record<string, unknown>;

/**
 * What a scenario may do: make clients, and drive the fake (seed, move, fault, clock, journal). One harness talks
 * to an in-process fake, the other to a fake on a socket through its `/_fake/` control API, so each scenario is
 * written once for every runtime.
 */
export interface Harness {
  /** `in-process` or `socket`. */
  readonly mode: string;
  /** Where requests go: the base URL a presigned URL is made for. */
  readonly baseUrl: string;
  /** The fetch that reaches the fake (for presigned URLs and hand-signed requests). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The fake clock's time (the clients sign with it). */
  now(): number;
  /** A client bound to the fake, the fake's clock, and the suite's credentials unless overridden. */
  client(overrides?: Partial<CiClientOptions>): CiClient;
  /** Back to the state the harness found (the demo jobs, the clock's start), no faults, an empty journal. */
  reset(): Promise<void>;
  seed(job: SeedJob): Promise<string>;
  advance(jobId: string, state: string): Promise<void>;
  fault(rule: FaultJson): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Requests the fake saw of one operation. */
  count(op: string): Promise<number>;
  addKey(key: { secretId: string; secretKey: string; token: string }): Promise<void>;
}

function baseOptions(
  h: Pick<Harness, "now" | "advanceClock">,
): Pick<CiClientOptions, "bucket" | "region" | "credentials" | "clock" | "random"> {
  return {
    bucket: ACCOUNT.bucket,
    region: "ap-beijing",
    credentials: { secretId: ACCOUNT.secretId, secretKey: ACCOUNT.secretKey },
    // Waits and retry back-offs move the fake's manual clock: no real sleeping anywhere in the suite.
    clock: { now: () => h.now(), sleep: (ms: number) => h.advanceClock(ms) },
    random: () => 0.5,
  };
}

/** A harness over a fake in this process (`fake.fetch`). */
export function inProcessHarness(
  fake: FakeCi,
  faultFromJson: (json: unknown) => Parameters<FakeCi["faults"]["add"]>[0],
): Harness {
  const initial = fake.state.export();
  const h: Harness = {
    mode: "in-process",
    baseUrl: `https://${ACCOUNT.bucket}.ci.ap-beijing.myqcloud.com`,
    fetch: (request) => fake.fetch(request),
    now: () => fake.clock.now(),
    client: (overrides = {}) => new CiClient({ ...baseOptions(h), fetch: fake.fetch, ...overrides }),
    async reset() {
      fake.reset();
      fake.state.import(initial);
    },
    async seed(job) {
      return fake.jobs.seed(job).jobId;
    },
    async advance(jobId, state) {
      fake.jobs.advance(jobId, state as Parameters<FakeCi["jobs"]["advance"]>[1]);
    },
    async fault(rule) {
      fake.faults.add(faultFromJson(rule));
    },
    async advanceClock(ms) {
      fake.clock.advance(ms);
    },
    async count(op) {
      return fake.journal.count({ op: op as never });
    },
    async addKey(key) {
      fake.keys.add({ ...key, bucket: ACCOUNT.bucket });
    },
  };
  return h;
}

/**
 * A harness over a fake on a socket, driven through its control API. The client connects to `url` and signs the
 * `Host` it really sends (`signedHost`): a browser cannot set `Host`, and the fake maps a loopback host to its
 * default bucket.
 */
export async function socketHarness(
  url: string,
  fetchImpl: (input: Request | string, init?: RequestInit) => Promise<Response> = (input, init) => fetch(input, init),
): Promise<Harness> {
  const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetchImpl(`${url}/_fake/${path}`, {
      method,
      ...(body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`control API ${method} /_fake/${path}: ${res.status} ${text}`);
    return text === "" ? undefined : JSON.parse(text);
  };
  const initial = (await control("GET", "state")) as { clock: number };
  let clockNow = initial.clock;
  const signedHost = new URL(url).host;
  const h: Harness = {
    mode: "socket",
    baseUrl: url,
    fetch: (request) => fetchImpl(request),
    now: () => clockNow,
    client: (overrides = {}) =>
      new CiClient({ ...baseOptions(h), endpoint: { url, signedHost }, fetch: fetchImpl, ...overrides }),
    async reset() {
      await control("POST", "reset");
      await control("PUT", "state", initial);
      clockNow = initial.clock;
    },
    async seed(job) {
      return ((await control("POST", "jobs", job)) as { jobId: string }).jobId;
    },
    async advance(jobId, state) {
      await control("POST", `jobs/${jobId}/advance`, { state });
    },
    async fault(rule) {
      await control("POST", "faults", rule);
    },
    async advanceClock(ms) {
      clockNow = ((await control("POST", "clock", { advanceMs: ms })) as { now: number }).now;
    },
    async count(op) {
      return ((await control("GET", `journal?op=${op}`)) as unknown[]).length;
    },
    async addKey(key) {
      await control("POST", "keys", { ...key, bucket: ACCOUNT.bucket });
    },
  };
  return h;
}
