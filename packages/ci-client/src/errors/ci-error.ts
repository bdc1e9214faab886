import type { CiErrorCategory } from "./code-table.js";

/**
 * The brand every {@link CiError} carries on its prototype. `Symbol.for` returns the same symbol in
 * every copy of this package (two versions in one `node_modules`, or a bundled copy), so
 * {@link isCiError} recognises errors thrown by any of them, where `instanceof` would not.
 */
const CI_ERROR_BRAND: unique symbol = Symbol.for("@cibatch/ci-client:CiError");

/**
 * Options of the {@link CiError} constructor.
 * @public
 */
export interface CiErrorOptions {
  /** A stable, machine-readable code (for example `"NO_CREDENTIALS"`). */
  readonly code: string;
  /** What the failure means to a caller. @defaultValue `"service"` */
  readonly category?: CiErrorCategory | undefined;
  /** The underlying error, kept as the standard `cause` property. */
  readonly cause?: unknown;
}

/**
 * The base class of every error this package throws: a real `Error` with a stack, a stable `code`
 * and the standard `cause`. Messages say what went wrong and what to do, and never contain a
 * SecretKey or a session token.
 *
 * Test for it with {@link isCiError} rather than `instanceof`: the guard also works when several
 * copies of the package are loaded.
 * @public
 */
export class CiError extends Error {
  /** The class name; subclasses narrow it to their own literal name. */
  override readonly name: string = "CiError";
  /** A stable, machine-readable code; each subclass documents its codes. */
  readonly code: string;
  /** What the failure means to a caller: one of {@link CiErrorCategory}. */
  readonly category: CiErrorCategory;

  /**
   * @param message - What went wrong and what to do about it.
   * @param options - The machine `code` and an optional `cause`.
   */
  constructor(message: string, options: CiErrorOptions) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.code = options.code;
    this.category = options.category ?? "service";
  }

  static {
    Object.defineProperty(CiError.prototype, CI_ERROR_BRAND, { value: true });
  }
}

/**
 * Whether `value` is a {@link CiError} (or a subclass) from any copy of this package.
 *
 * @param value - Anything, typically a caught error.
 * @returns `true` when `value` carries the `CiError` brand.
 * @public
 */
export function isCiError(value: unknown): value is CiError {
  return (
    typeof value === "object" && value !== null && (value as { [CI_ERROR_BRAND]?: unknown })[CI_ERROR_BRAND] === true
  );
}
