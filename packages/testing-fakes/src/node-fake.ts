import { createFakeCi as createCoreFakeCi, type FakeCi, type FakeCiOptions, type FakeState } from "./create-fake-ci.js";
import { FakeCiError } from "./errors.js";
import { type ListenOptions, type RunningListener, startListener } from "./listener.js";
import { readStateFile, writeStateFile } from "./state-file.js";

/**
 * Options of the Node {@link createFakeCi}: every option of the main entry, plus a state file and listener reset.
 *
 * @example
 * ```ts
 * import type { NodeFakeCiOptions } from "@cibatch/testing-fakes/node";
 * const options: NodeFakeCiOptions = { stateFile: "/tmp/fake-state.json", jobs: "demo", resetOnClose: true };
 * ```
 */
export interface NodeFakeCiOptions extends FakeCiOptions {
  /** Load state from this JSON file at start (if it exists) and write it back, atomically, after changes. */
  readonly stateFile?: string;
  /**
   * Call `reset()` (jobs, faults, journal, list cursors) whenever a listener of this fake closes, so a fake shared
   * by several test files starts each listener clean. Default `false`.
   */
  readonly resetOnClose?: boolean;
}

/**
 * A fake with the Node-only members: a socket listener and state files.
 *
 * @example
 * ```ts
 * import { createFakeCi } from "@cibatch/testing-fakes/node";
 * const fake = createFakeCi({ jobs: "demo" });
 * fake.state.save("/tmp/fake.json");
 * const server = await fake.listen();
 * await server.close();
 * ```
 */
export interface NodeFakeCi extends FakeCi {
  /** Serves the fake on a real socket (default `127.0.0.1:0`). */
  listen(options?: ListenOptions): Promise<RunningListener>;
  /** Export, import and persist the state, also to and from JSON files. */
  readonly state: FakeState & {
    /** Writes the state to `file` (default: the `stateFile` option) atomically. */
    save(file?: string): void;
    /** Loads `file` (default: the `stateFile` option); `false` when it does not exist. */
    load(file?: string): boolean;
  };
}

/**
 * Builds a fake (as the main entry's `createFakeCi`) that can also listen on a socket and keep a state file.
 *
 * @example
 * ```ts
 * import { createFakeCi, manualClock } from "@cibatch/testing-fakes/node";
 * const fake = createFakeCi({ clock: manualClock(), randomSeed: 1 });
 * const server = await fake.listen({ port: 0 });
 * // point a client at server.url, signing for examplebucket-1250000000.ci.ap-beijing.myqcloud.com
 * await server.close();
 * ```
 */
export function createFakeCi(options: NodeFakeCiOptions = {}): NodeFakeCi {
  const stateFile = options.stateFile;
  const core = createCoreFakeCi(
    stateFile === undefined
      ? options
      : {
          ...options,
          storage: { read: () => readStateFile(stateFile), write: (snapshot) => writeStateFile(stateFile, snapshot) },
        },
  );
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const state: NodeFakeCi["state"] = {
    export: () => core.state.export(),
    import: (snapshot) => core.state.import(snapshot),
    flush: () => core.state.flush(),
    save(file) {
      const target = file ?? stateFile;
      if (!target) throw new FakeCiError("InvalidOption", "state.save() needs a file (or the stateFile option)");
      if (target === stateFile) core.state.flush();
      writeStateFile(target, core.state.export());
    },
    load(file) {
      const target = file ?? stateFile;
      if (!target) throw new FakeCiError("InvalidOption", "state.load() needs a file (or the stateFile option)");
      const snapshot = readStateFile(target);
      if (!snapshot) return false;
      core.state.import(snapshot);
      return true;
    },
  };
  const fake: NodeFakeCi = {
    ...core,
    state,
    async listen(listenOptions: ListenOptions = {}): Promise<RunningListener> {
      const server = await startListener(core.handle, core.clock, bodyLimit, listenOptions, (error) => {
        process.emitWarning(`cibatch fake: unexpected error while serving a request: ${String(error)}`);
      });
      if (options.resetOnClose !== true) return server;
      return {
        url: server.url,
        host: server.host,
        port: server.port,
        close: async () => {
          await server.close();
          core.reset();
        },
      };
    },
  };
  return fake;
}

/**
 * {@link createFakeCi} and {@link NodeFakeCi.listen} in one call; the fake is on `server.fake`.
 *
 * @example
 * ```ts
 * import { startFake } from "@cibatch/testing-fakes/node";
 * const server = await startFake({ randomSeed: 7, jobs: "demo" });
 * console.log(server.url, server.fake.randomSeed);
 * await server.close();
 * ```
 */
export async function startFake(options: NodeFakeCiOptions & ListenOptions = {}): Promise<
  RunningListener & {
    /** The fake behind the listener. */
    readonly fake: NodeFakeCi;
  }
> {
  const fake = createFakeCi(options);
  const listenOptions: { -readonly [K in keyof ListenOptions]: ListenOptions[K] } = {};
  if (options.host !== undefined) listenOptions.host = options.host;
  if (options.port !== undefined) listenOptions.port = options.port;
  if (options.requestTimeoutMs !== undefined) listenOptions.requestTimeoutMs = options.requestTimeoutMs;
  if (options.idleTimeoutMs !== undefined) listenOptions.idleTimeoutMs = options.idleTimeoutMs;
  const server = await fake.listen(listenOptions);
  return {
    fake,
    url: server.url,
    host: server.host,
    port: server.port,
    close: async () => {
      await server.close();
      fake.state.flush();
    },
  };
}
