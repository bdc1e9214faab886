/**
 * The exit statuses of `cibatch`, stable across minor versions.
 *
 * @example
 * ```ts
 * import { EXIT } from "@cibatch/cli";
 * if (process.exitCode === EXIT.NOT_FOUND) console.error("no such job");
 * ```
 */
export const EXIT: {
  readonly OK: 0;
  readonly FAILURE: 1;
  readonly USAGE: 2;
  readonly CONFIG: 3;
  readonly AUTH: 4;
  readonly SERVICE: 5;
  readonly UNAVAILABLE: 6;
  readonly NOT_FOUND: 7;
  readonly WAIT_TIMEOUT: 8;
  readonly JOB_FAILED: 9;
  readonly AMBIGUOUS_CREATE: 10;
  readonly DECODE: 11;
  readonly DECLINED: 12;
  readonly INTERRUPTED: 130;
} = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  CONFIG: 3,
  AUTH: 4,
  SERVICE: 5,
  UNAVAILABLE: 6,
  NOT_FOUND: 7,
  WAIT_TIMEOUT: 8,
  JOB_FAILED: 9,
  AMBIGUOUS_CREATE: 10,
  DECODE: 11,
  DECLINED: 12,
  INTERRUPTED: 130,
};

/**
 * One row of the exit-code table: the status and what it means.
 *
 * @example
 * ```ts
 * import type { ExitCodeRow } from "@cibatch/cli";
 * const row: ExitCodeRow = { code: 7, meaning: "not found" };
 * ```
 */
export interface ExitCodeRow {
  readonly code: number;
  readonly meaning: string;
}

/**
 * The exit-code table as `cibatch help exit-codes` prints it.
 *
 * @example
 * ```ts
 * import { EXIT_CODES } from "@cibatch/cli";
 * for (const { code, meaning } of EXIT_CODES) console.log(code, meaning);
 * ```
 */
export const EXIT_CODES: readonly ExitCodeRow[] = [
  { code: EXIT.OK, meaning: "success" },
  { code: EXIT.FAILURE, meaning: "unexpected failure (a bug, or an error nobody classified)" },
  { code: EXIT.USAGE, meaning: "usage error: bad flag or value, missing input, a prompt needed under --no-input" },
  { code: EXIT.CONFIG, meaning: "configuration or credentials missing or unreadable (or a world-readable key file)" },
  { code: EXIT.AUTH, meaning: "authentication or signature rejected (AccessDenied, SignatureDoesNotMatch, ...)" },
  { code: EXIT.SERVICE, meaning: "service error: any other 4xx answer" },
  { code: EXIT.UNAVAILABLE, meaning: "throttled, unavailable or network failure after retries; deadline exceeded" },
  { code: EXIT.NOT_FOUND, meaning: "not found (NonExistJobIds, 404)" },
  { code: EXIT.WAIT_TIMEOUT, meaning: "jobs wait timed out" },
  { code: EXIT.JOB_FAILED, meaning: "the job reached Failed or Cancel (wait --until success, watch --exit-status)" },
  { code: EXIT.AMBIGUOUS_CREATE, meaning: "create outcome unknown: the job may exist, check before retrying" },
  { code: EXIT.DECODE, meaning: "the service's answer could not be read (not XML, or not the documented shape)" },
  { code: EXIT.DECLINED, meaning: "a confirmation prompt was declined: nothing was changed" },
  { code: EXIT.INTERRUPTED, meaning: "interrupted (Ctrl-C, SIGINT)" },
];

/**
 * The text of `cibatch help exit-codes`.
 *
 * @example
 * ```ts
 * import { exitCodesText } from "@cibatch/cli";
 * process.stdout.write(exitCodesText());
 * ```
 */
export function exitCodesText(): string {
  const lines = EXIT_CODES.map(({ code, meaning }) => `  ${String(code).padStart(3)}  ${meaning}`);
  return `cibatch exit codes (stable across minor versions):\n\n${lines.join("\n")}\n`;
}

/** Exit statuses from least to most serious, for commands that report several outcomes at once. */
const SEVERITY: readonly number[] = [
  EXIT.OK,
  EXIT.NOT_FOUND,
  EXIT.JOB_FAILED,
  EXIT.WAIT_TIMEOUT,
  EXIT.SERVICE,
  EXIT.DECODE,
  EXIT.UNAVAILABLE,
  EXIT.AUTH,
  EXIT.CONFIG,
  EXIT.USAGE,
  EXIT.AMBIGUOUS_CREATE,
  EXIT.FAILURE,
  EXIT.INTERRUPTED,
];

/**
 * The most serious of several exit statuses (`jobs describe A B C` where A was found, B not found and C failed
 * with a service error ends 5): not found < job failed < timed out < service error < unreadable answer <
 * unavailable < credentials <
 * configuration < usage < ambiguous create < unexpected < interrupted. A status not in that list counts as
 * unexpected.
 *
 * @param codes - The statuses of each outcome.
 * @returns The worst one, 0 for none.
 * @example
 * ```ts
 * import { worstExit } from "./exit-codes.js";
 * worstExit([0, 7, 5]); // 5
 * ```
 * @internal
 */
export function worstExit(codes: readonly number[]): number {
  const rank = (code: number): number => {
    const index = SEVERITY.indexOf(code);
    return index === -1 ? SEVERITY.indexOf(EXIT.FAILURE) : index;
  };
  return codes.reduce((worst, code) => (rank(code) > rank(worst) ? code : worst), EXIT.OK as number);
}
