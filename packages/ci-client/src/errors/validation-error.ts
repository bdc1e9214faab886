import { CiError, isCiError } from "./ci-error.js";
import { redactCause } from "./redact.js";

/**
 * One problem with an input value: where it is and what is wrong. The same shape as
 * `@cibatch/xml-model`'s `ValidationProblem`, so its create-request problems can be passed on.
 * @public
 */
export interface InputProblem {
  /** The option or field path, for example `bucket`, `timeouts.connectTimeoutMs` or `jobIds[1]`. */
  readonly path: string;
  /** What is wrong and what is expected. */
  readonly message: string;
}

/**
 * Options of the {@link ValidationError} constructor.
 * @public
 */
export interface ValidationErrorOptions {
  /** Every problem found (at least one). */
  readonly problems: readonly InputProblem[];
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * An option or argument is invalid; nothing was sent. `problems` lists every problem found, each
 * with its path, so all of them can be fixed at once.
 * @public
 */
export class ValidationError extends CiError {
  override readonly name = "ValidationError" as const;
  /** Always `INVALID_INPUT`. */
  override readonly code = "INVALID_INPUT" as const;
  /** Every problem found. */
  readonly problems: readonly InputProblem[];

  /**
   * @param options - The problems found.
   */
  constructor(options: ValidationErrorOptions) {
    const problems = Object.freeze(options.problems.map((p) => Object.freeze({ path: p.path, message: p.message })));
    const lines = problems.map((p) => `\n  - ${p.path}: ${p.message}`).join("");
    const message = `Invalid input; nothing was sent.${lines || " (no details)"}\nFix ${problems.length === 1 ? "this value" : "these values"} and try again.`;
    super(message, {
      code: "INVALID_INPUT",
      category: "invalid-input",
      ...("cause" in options && { cause: redactCause(options.cause) }),
    });
    this.problems = problems;
  }
}

/**
 * Whether `value` is a {@link ValidationError} from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` for a branded `CiError` named `"ValidationError"`.
 * @public
 */
export function isValidationError(value: unknown): value is ValidationError {
  return isCiError(value) && value.name === "ValidationError";
}

/**
 * A short, printable description of a rejected value for a validation message: strings are
 * JSON-quoted (so whitespace and control characters show as escapes) and cut to 64 characters;
 * other values show their type and value.
 * @internal
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const quoted = JSON.stringify(value.length > 64 ? `${value.slice(0, 63)}…` : value);
    return quoted;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
