import {
  createFakeCi,
  DEMO_ACCOUNT,
  DEMO_BUCKET,
  DEMO_REGION,
  type FakeCi,
  type FakeCiOptions,
  manualClock,
} from "@cibatch/testing-fakes";
import type { CreateJobRequest } from "@cibatch/xml-model";
import { CiClient } from "./client.js";
import type { CiClientOptions, CiCore, CiLogger } from "./core.js";
import { createCiCore } from "./core.js";

export const WORKFLOW_REQUEST: CreateJobRequest = {
  Name: "nightly",
  Type: "Workflow",
  Input: { Prefix: "input/" },
  Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
};

export const NODE_REQUEST: CreateJobRequest = {
  Name: "transcode_all",
  Type: "Job",
  Input: { Prefix: "media/" },
  Operation: {
    Tag: "Transcode",
    JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder the service expands, not a template.
    Output: { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out/${InventoryTriggerJobId}.mp4" },
    JobLevel: 1,
  },
};

export interface Harness {
  readonly fake: FakeCi;
  readonly client: CiClient;
  /** Every backoff or poll sleep the client asked for, in ms. */
  readonly sleeps: number[];
  /** Every debug and warn line, with its fields. */
  readonly logs: { message: string; fields?: unknown }[];
  /** Builds another client on the same fake. */
  makeClient(overrides?: Partial<CiClientOptions>): CiClient;
  /** Builds a core (for the standalone functions) on the same fake, with the same options. */
  makeCore(overrides?: Partial<CiClientOptions>): CiCore;
}

/** A fake with a manual clock and a client whose sleeps advance that clock instantly. */
export function harness(clientOptions: Partial<CiClientOptions> = {}, fakeOptions: FakeCiOptions = {}): Harness {
  const fake = createFakeCi({ clock: manualClock(), randomSeed: 7, transition: { mode: "manual" }, ...fakeOptions });
  const sleeps: number[] = [];
  const logs: { message: string; fields?: unknown }[] = [];
  const logger: CiLogger = {
    debug: (message, fields) => logs.push({ message, fields }),
    warn: (message, fields) => logs.push({ message, fields }),
  };
  const clock = {
    now: () => fake.clock.now(),
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      fake.clock.advance(ms);
    },
  };
  const optionsOf = (overrides: Partial<CiClientOptions>): CiClientOptions => ({
    bucket: DEMO_BUCKET,
    region: DEMO_REGION,
    credentials: { secretId: DEMO_ACCOUNT.secretId, secretKey: DEMO_ACCOUNT.secretKey },
    fetch: fake.fetch,
    clock,
    random: () => 0.5,
    logger,
    ...clientOptions,
    ...overrides,
  });
  const makeClient = (overrides: Partial<CiClientOptions> = {}): CiClient => new CiClient(optionsOf(overrides));
  const makeCore = (overrides: Partial<CiClientOptions> = {}): CiCore => createCiCore(optionsOf(overrides));
  return { fake, client: makeClient(), sleeps, logs, makeClient, makeCore };
}

/** Seeds a Workflow job in `state` (default `Running`) on the fake and returns its id. */
export function seedJob(fake: FakeCi, name = "seeded", state: "Running" | "Submitted" = "Running"): string {
  return fake.jobs.seed({
    Name: name,
    Type: "Workflow",
    State: state,
    Input: { Prefix: "in/" },
    Operation: { WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
  }).jobId;
}
