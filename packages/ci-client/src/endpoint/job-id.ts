import type { InputProblem } from "../errors/validation-error.js";
import { describeValue } from "../validation/describe-value.js";

/** What a job id may contain: it goes into a URL path segment as it is. */
const JOB_ID = /^[A-Za-z0-9_-]+$/;
/** Longest job id accepted (real ids are 33 characters). */
const MAX_JOB_ID_LENGTH = 128;

/**
 * Checks one job id before it goes into a path. Real ids are `b` + 32 hex characters; this only
 * refuses what could change the URL or cannot be an id: empty, `/`, `\`, `.`/`..` segments,
 * `%`-encoding (`%2F`), `?`, `#`, `,` (the describe separator), whitespace, control and other
 * characters outside `A-Z a-z 0-9 _ -`, more than 128 characters.
 *
 * @param id - The id as given.
 * @param path - The argument's path in problems (default `jobId`).
 * @returns The problems found (empty when the id is usable).
 *
 * @example
 * ```ts
 * import { jobIdProblems } from "./job-id.js";
 *
 * jobIdProblems("b3deffea2f84911ec9cb15254008618d9"); // []
 * jobIdProblems("../x"); // [{ path: "jobId", message: "… must not contain '/' …" }]
 * ```
 * @internal
 */
export function jobIdProblems(id: unknown, path = "jobId"): InputProblem[] {
  if (typeof id !== "string") return [{ path, message: `must be a string, got ${describeValue(id)}` }];
  if (id === "") return [{ path, message: "must not be empty" }];
  if (JOB_ID.test(id) && id.length <= MAX_JOB_ID_LENGTH) return [];
  const shown = describeValue(id);
  let why: string;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this detects.
  if (/[\s\u0000-\u001f\u007f]/.test(id)) why = "must not contain whitespace or control characters";
  else if (id.includes("/") || id.includes("\\")) why = "must not contain '/' or '\\' (it is one path segment)";
  else if (id.includes("%")) why = "must not be percent-encoded (e.g. %2F); pass the id as the service returned it";
  else if (id.includes(",")) why = "must not contain ',' (pass several ids as separate values)";
  else if (id.length > MAX_JOB_ID_LENGTH) why = `must be at most ${MAX_JOB_ID_LENGTH} characters`;
  else why = "may only contain letters, digits, '_' and '-' (job ids look like b3deffea2f84911ec9cb15254008618d9)";
  return [{ path, message: `${shown} ${why}` }];
}
