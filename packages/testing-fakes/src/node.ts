/**
 * The Node-only parts of `@cibatch/testing-fakes`: a real `127.0.0.1` listener (`node:http`), the JSON state file
 * (`node:fs`) and the `cibatch-fake` command. Everything of the main entry is re-exported here, with a
 * {@link createFakeCi} whose fakes also `listen()` and `save`/`load` state files.
 *
 * @example
 * ```ts
 * import { startFake } from "@cibatch/testing-fakes/node";
 * const server = await startFake({ randomSeed: 42, jobs: "demo" });
 * console.log(server.url); // http://127.0.0.1:PORT
 * await server.close();
 * ```
 *
 * @packageDocumentation
 */

export { FAKE_CLI_USAGE, type FakeCliIo, runFakeCli } from "./cli.js";
export * from "./index.js";
export type { ListenOptions, RunningListener } from "./listener.js";
export { createFakeCi, type NodeFakeCi, type NodeFakeCiOptions, startFake } from "./node-fake.js";
export { readStateFile, writeStateFile } from "./state-file.js";
