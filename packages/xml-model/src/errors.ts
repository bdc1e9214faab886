/**
 * Machine-readable reason of an {@link XmlModelError}.
 *
 * - `EmptyDocument`: the body is empty or only whitespace.
 * - `Truncated`: the document stops before its root element is closed (a body cut short): the only failure
 *   worth fetching again.
 * - `InvalidEncoding`: bytes that are not UTF-8, a lone surrogate, a character XML forbids (`U+0000`...), or an
 *   XML declaration naming another encoding (`encoding="UTF-16"`).
 * - `TooLarge`: the document is larger than `maxBytes`.
 * - `TooDeep`: elements nested deeper than `maxDepth`.
 * - `UnsafeXml`: a `<!DOCTYPE` (entity declarations are never expanded), or an element named
 *   `__proto__`, `constructor` or `prototype`.
 * - `UndeclaredEntity`: a reference to an entity other than the five XML predefines (`&foo;`): never kept literally.
 * - `MalformedXml`: not well-formed: unbalanced or mismatched tags, text outside the root, several roots.
 * - `WrongRoot`: a well-formed document whose root element is not the expected one (an HTML page, `<Error>`...).
 * - `MissingElement`: a required element is absent (thrown only by a `strict` decode; otherwise a warning).
 * - `InvalidValue`: an element holds a value its schema rejects (not an integer, not a time, an element where
 *   text was expected, a duplicate of a single element: thrown only by a `strict` decode, otherwise a warning),
 *   a union's discriminant names no variant, or a value given to an encoder or to a query builder does not fit
 *   its schema.
 *
 * @public
 * @example
 * ```ts
 * import { isXmlModelError, type XmlModelErrorCode } from "@cibatch/xml-model";
 *
 * function reason(error: unknown): XmlModelErrorCode | "other" {
 *   return isXmlModelError(error) ? error.code : "other";
 * }
 * ```
 */
export type XmlModelErrorCode =
  | "EmptyDocument"
  | "Truncated"
  | "InvalidEncoding"
  | "TooLarge"
  | "TooDeep"
  | "UnsafeXml"
  | "UndeclaredEntity"
  | "MalformedXml"
  | "WrongRoot"
  | "MissingElement"
  | "InvalidValue";

/**
 * Longest excerpt of the input kept in {@link XmlModelError.found}: 200 characters.
 *
 * @public
 * @example
 * ```ts
 * import { MAX_EXCERPT_LENGTH, XmlModelError } from "@cibatch/xml-model";
 *
 * const error = new XmlModelError({ code: "InvalidValue", expected: "a time", found: "x".repeat(500) });
 * error.found.length <= MAX_EXCERPT_LENGTH; // true
 * ```
 */
export const MAX_EXCERPT_LENGTH = 200;

/**
 * Details given to the {@link XmlModelError} constructor.
 *
 * @public
 * @example
 * ```ts
 * import type { XmlModelErrorDetails } from "@cibatch/xml-model";
 *
 * const details: XmlModelErrorDetails = {
 *   code: "InvalidValue",
 *   path: "Response.JobsDetail[3].CreationTime",
 *   expected: "a time like 2022-06-27T15:23:10+0800",
 *   found: "yesterday",
 * };
 * ```
 */
export interface XmlModelErrorDetails {
  /** The machine-readable reason. */
  readonly code: XmlModelErrorCode;
  /** Where: element path such as `Response.JobsDetail[3].CreationTime`, or a query parameter name. */
  readonly path?: string | undefined;
  /** What the schema or the safety rules expected, in words. */
  readonly expected: string;
  /** What was found; cut to {@link MAX_EXCERPT_LENGTH} characters. */
  readonly found: string;
  /** What the caller can do about it; appended to the message. */
  readonly hint?: string | undefined;
  /** The underlying error (e.g. the XML parser's), kept as `cause`. */
  readonly cause?: unknown;
}

/**
 * The one error class of `@cibatch/xml-model`: a document that cannot be decoded safely into its model,
 * or a value that cannot be encoded.
 *
 * Decoding never returns partial data: a truncated, unbalanced or hostile document throws this error.
 * `path`, `expected` and `found` say where and what; `found` is an excerpt capped at 200 characters.
 *
 * @public
 * @example
 * ```ts
 * import { XmlModelError, decodeDescribeJobsResponse } from "@cibatch/xml-model";
 *
 * try {
 *   decodeDescribeJobsResponse("<Response><JobsDetail>");
 * } catch (error) {
 *   if (error instanceof XmlModelError) console.error(error.code, error.path, error.message);
 * }
 * ```
 */
export class XmlModelError extends Error {
  /** Always `"XmlModelError"`. */
  override readonly name = "XmlModelError" as const;
  /** What was wrong, for programs. */
  readonly code: XmlModelErrorCode;
  /** Element path (`Response.JobsDetail[3].CreationTime`) or parameter name; `undefined` for document-level errors. */
  readonly path: string | undefined;
  /** What was expected, in words. */
  readonly expected: string;
  /** What was found: an excerpt of at most 200 characters. */
  readonly found: string;

  /**
   * @param details - code, path, expected, found, an optional hint and cause
   */
  constructor(details: XmlModelErrorDetails) {
    const found = excerpt(details.found);
    const where = details.path === undefined ? "" : `${details.path}: `;
    const hint = details.hint === undefined ? "" : ` ${details.hint}`;
    super(`${where}expected ${details.expected}, found ${found}.${hint}`, { cause: details.cause });
    this.code = details.code;
    this.path = details.path;
    this.expected = details.expected;
    this.found = found;
  }
}

/**
 * Whether `value` is an {@link XmlModelError}, also across duplicate copies of this package
 * (checks the `name` and `code` fields, not only the prototype).
 *
 * @public
 * @example
 * ```ts
 * import { decodeErrorBody, isXmlModelError } from "@cibatch/xml-model";
 *
 * try {
 *   decodeErrorBody("not xml");
 * } catch (error) {
 *   if (isXmlModelError(error)) console.log(error.code); // "MalformedXml"
 * }
 * ```
 */
export function isXmlModelError(value: unknown): value is XmlModelError {
  if (value instanceof XmlModelError) return true;
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return candidate.name === "XmlModelError" && typeof candidate.code === "string";
}

/**
 * Cuts `text` to at most {@link MAX_EXCERPT_LENGTH} characters (an ellipsis marks the cut) and
 * escapes control characters, so that an error message stays one readable line.
 *
 * @internal
 */
export function excerpt(text: string): string {
  const cut = text.length > MAX_EXCERPT_LENGTH ? `${text.slice(0, MAX_EXCERPT_LENGTH - 1)}…` : text;
  // JSON.stringify escapes quotes and control characters; the quotes also show where the value starts and ends.
  const quoted = JSON.stringify(cut);
  return quoted.length > MAX_EXCERPT_LENGTH ? `${quoted.slice(0, MAX_EXCERPT_LENGTH - 1)}…` : quoted;
}
