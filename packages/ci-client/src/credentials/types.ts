import type { Credentials } from "@cibatch/signer";

export type { Credentials };
/**
 * What you may pass where credentials are accepted: {@link Credentials} (an empty `sessionToken`
 * counts as none).
 *
 * @public
 */
export type CredentialsInput = Credentials;

/**
 * An async function that returns credentials, tagged with the name of its source. Call it before
 * each request: providers cache and refresh as needed.
 * @public
 */
export interface CredentialProvider {
  /** Resolves to usable credentials, or rejects with a `CredentialsError`. */
  (): Promise<Credentials>;
  /** Where the credentials come from: `"static"`, `"env"`, `"profile"`, `"refreshing"`, `"default-chain"`, … */
  readonly source: string;
}

/**
 * Credentials together with a human-readable description of where they were found, as shown by
 * `cibatch configure list`.
 * @public
 */
export interface ResolvedCredentials {
  /** The credentials (self-redacting). */
  readonly credentials: Credentials;
  /** `"explicit"`, `"env"` or `"profile:<name> (<file>)"`. */
  readonly source: string;
}

/**
 * A source of the current time, injected so tests control it.
 * @public
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/**
 * Receives the warnings of the credential providers (a group-readable credentials file, a failed
 * background refresh). Messages never contain secrets. The default emits a Node process warning.
 * @public
 */
export interface CredentialsLogger {
  /** Reports a problem that did not stop credentials from being returned. */
  warn(message: string): void;
}

/**
 * The file-system calls the profile-file provider makes, injected so tests can fake them. The
 * default uses `node:fs/promises`.
 * @public
 */
export interface CredentialsFileSystem {
  /** Reads a whole file as UTF-8 text. */
  readFile(path: string, encoding: "utf8"): Promise<string>;
  /** Returns the file's mode bits and type, following symbolic links. */
  stat(path: string): Promise<{ readonly mode: number; isFile(): boolean }>;
}

/**
 * An environment-variable map, such as `process.env`.
 * @public
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The logger used when none is given: a Node process warning with code `CIBATCH_CREDENTIALS`. @internal */
export const defaultLogger: CredentialsLogger = {
  warn: (message) => {
    const host = (globalThis as { process?: { emitWarning?: (m: string, o: object) => void } }).process;
    if (host?.emitWarning) host.emitWarning(message, { code: "CIBATCH_CREDENTIALS" });
    else console.warn(message);
  },
};
