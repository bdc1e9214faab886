import { decodeErrorBody, isXmlModelError, type XmlModelErrorCode } from "@cibatch/xml-model";
import type { CiResponseErrorCode } from "../errors/ci-response-error.js";

/** The cap on an error body (reliability §5.4). */
export const ERROR_BODY_CAP: number = 64 * 1024;

/**
 * A 2xx body that could not be used: the code of the `CiResponseError` to raise and why.
 *
 * @example
 * ```ts
 * import type { BodyProblem } from "./response-body.js";
 *
 * const problem: BodyProblem = { code: "NOT_XML", detail: "Content-Type text/html" };
 * ```
 * @internal
 */
export interface BodyProblem {
  /** The `CiResponseError` code. */
  readonly code: CiResponseErrorCode;
  /** What was wrong, without body text. */
  readonly detail: string;
  /** The decoder's error, if any. */
  readonly cause?: unknown;
}

const XML_CODES: Readonly<Record<XmlModelErrorCode, CiResponseErrorCode>> = {
  EmptyDocument: "EMPTY_BODY",
  // A body cut short: the only decode failure worth fetching again.
  Truncated: "MALFORMED_XML",
  InvalidEncoding: "MALFORMED_XML",
  TooLarge: "TOO_LARGE",
  TooDeep: "MALFORMED_XML",
  UnsafeXml: "MALFORMED_XML",
  UndeclaredEntity: "MALFORMED_XML",
  MalformedXml: "MALFORMED_XML",
  WrongRoot: "UNEXPECTED_CONTENT",
  MissingElement: "UNEXPECTED_CONTENT",
  InvalidValue: "UNEXPECTED_CONTENT",
};

/**
 * Decodes a 2xx body (reliability §5.4 steps 2–7): an empty body where XML is required, a
 * `Content-Type` without `xml`, and anything the model's decoder rejects become a {@link BodyProblem}.
 *
 * @param text - The body text.
 * @param contentType - The response `Content-Type`, if any.
 * @param expectBody - Whether the operation requires an XML body (cancel does not).
 * @param decode - The model decoder.
 * @returns The value, or the problem.
 *
 * @example
 * ```ts
 * import { decodeSuccessBody } from "./response-body.js";
 *
 * decodeSuccessBody("", "application/xml", true, (t) => t); // { ok: false, problem: { code: "EMPTY_BODY", … } }
 * ```
 * @internal
 */
export function decodeSuccessBody<T>(
  text: string,
  contentType: string | null,
  expectBody: boolean,
  decode: (text: string) => T,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: BodyProblem } {
  if (!expectBody) return { ok: true, value: decode(text) };
  if (text.trim() === "") {
    return { ok: false, problem: { code: "EMPTY_BODY", detail: "the API returns an XML <Response> here" } };
  }
  if (contentType !== null && !/xml/i.test(contentType)) {
    return { ok: false, problem: { code: "NOT_XML", detail: `Content-Type ${contentType} is not XML` } };
  }
  if (!text.trimStart().startsWith("<")) {
    return { ok: false, problem: { code: "NOT_XML", detail: "the body does not start with '<'" } };
  }
  try {
    return { ok: true, value: decode(text) };
  } catch (cause) {
    if (isXmlModelError(cause)) {
      return {
        ok: false,
        problem: {
          code: XML_CODES[cause.code],
          detail: `${cause.code}${cause.path ? ` at ${cause.path}` : ""}`,
          cause,
        },
      };
    }
    throw cause;
  }
}

/**
 * The fields of an error response: from its XML `<Error>` body when it has one, else nothing
 * (the status decides, reliability §1.1).
 *
 * @example
 * ```ts
 * import type { ErrorFields } from "./response-body.js";
 *
 * const fields: ErrorFields = { xmlBody: true, code: "SlowDown", message: "Please reduce your request rate." };
 * ```
 * @internal
 */
export interface ErrorFields {
  /** Whether the body was a well-formed `<Error>` document. */
  readonly xmlBody: boolean;
  /** `<Code>`. */
  readonly code?: string | undefined;
  /** `<Message>`. */
  readonly message?: string | undefined;
  /** `<RequestId>`. */
  readonly requestId?: string | undefined;
  /** `<TraceId>`. */
  readonly traceId?: string | undefined;
  /** `<Resource>`. */
  readonly resource?: string | undefined;
}

/**
 * Reads an error body: an XML `<Error>` with a non-empty `<Code>` gives its fields; anything else
 * (HTML from a proxy, an empty body, truncated XML) gives `{ xmlBody: false }`.
 *
 * @param text - The (capped) error body.
 * @returns The fields found.
 *
 * @example
 * ```ts
 * import { parseErrorFields } from "./response-body.js";
 *
 * parseErrorFields("<Error><Code>SlowDown</Code></Error>").code; // "SlowDown"
 * parseErrorFields("<html>502</html>").xmlBody; // false
 * ```
 * @internal
 */
export function parseErrorFields(text: string): ErrorFields {
  if (!text.trimStart().startsWith("<")) return { xmlBody: false };
  try {
    const body = decodeErrorBody(text);
    if (body.Code === "") return { xmlBody: false };
    return {
      xmlBody: true,
      code: body.Code,
      message: body.Message,
      requestId: body.RequestId,
      traceId: body.TraceId,
      resource: body.Resource,
    };
  } catch {
    return { xmlBody: false };
  }
}
