import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CredentialsFileSystem } from "./types.js";

/** A temporary directory under os.tmpdir(), removed by `cleanup()`. */
export interface TempDir {
  readonly path: string;
  /** Writes `text` at `relative` (creating folders) and chmods it; returns the absolute path. */
  write(relative: string, text: string, mode?: number): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), "cibatch-credentials-"));
  return {
    path,
    async write(relative, text, mode = 0o600) {
      const file = join(path, relative);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      await chmod(file, mode);
      return file;
    },
    cleanup: () => rm(path, { recursive: true, force: true }),
  };
}

/** An in-memory file: its text and mode, or the error code stat/readFile fail with. */
export interface FakeFile {
  readonly text?: string;
  readonly mode?: number;
  readonly directory?: boolean;
  readonly statError?: string;
  readonly readError?: string;
}

/** An in-memory CredentialsFileSystem that counts its calls. */
export function fakeFs(files: Record<string, FakeFile>): CredentialsFileSystem & { calls: string[] } {
  const calls: string[] = [];
  const fail = (code: string, path: string): never => {
    throw Object.assign(new Error(`${code}: fake failure, '${path}'`), { code });
  };
  return {
    calls,
    async stat(path) {
      calls.push(`stat ${path}`);
      const file = files[path];
      if (file === undefined) return fail("ENOENT", path);
      if (file.statError !== undefined) return fail(file.statError, path);
      return { mode: (file.directory ? 0o040000 : 0o100000) | (file.mode ?? 0o600), isFile: () => !file.directory };
    },
    async readFile(path) {
      calls.push(`read ${path}`);
      const file = files[path];
      if (file === undefined) return fail("ENOENT", path);
      if (file.readError !== undefined) return fail(file.readError, path);
      return file.text ?? "";
    },
  };
}

/** A logger that keeps what it is told. */
export function memoryLogger(): { warn(message: string): void; messages: string[] } {
  const messages: string[] = [];
  return { messages, warn: (message) => messages.push(message) };
}
