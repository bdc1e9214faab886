import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { FakeCiError } from "./errors.js";
import { checkSnapshot, type FakeStateSnapshot } from "./snapshot.js";

/**
 * Writes `snapshot` to `file` atomically (a temporary file, then a rename), so a reader never sees half a file.
 *
 * @example
 * ```ts
 * import { createFakeCi, writeStateFile } from "@cibatch/testing-fakes/node";
 * writeStateFile("/tmp/fake-state.json", createFakeCi().state.export());
 * ```
 */
export function writeStateFile(file: string, snapshot: FakeStateSnapshot): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(snapshot, null, 2)}\n`);
  renameSync(temp, file);
}

/**
 * Reads a state file; `undefined` when it does not exist. Throws {@link FakeCiError} (`InvalidState`) when it is
 * not a state file of this version.
 *
 * @example
 * ```ts
 * import { readStateFile } from "@cibatch/testing-fakes/node";
 * const snapshot = readStateFile("/tmp/no-such-state.json"); // undefined
 * ```
 */
export function readStateFile(file: string): FakeStateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw new FakeCiError("InvalidState", `cannot read state file ${file}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new FakeCiError("InvalidState", `state file ${file} is not JSON`, { cause });
  }
  return checkSnapshot(json, file);
}
