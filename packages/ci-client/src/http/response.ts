import { type DecodeWarning, decodeErrorBody, isXmlModelError } from "@cibatch/xml-model";

export type { DecodeWarning };

import type { CiResponseErrorCode } from "../errors/ci-response-error.js";

/**
 * A `fetch`-compatible function: what the `fetch` option takes. It is handed one `Request` per
 * attempt, with `redirect: "manual"` (a redirect is refused, never followed: it would carry the
 * signed request and its token to another host).
 * @public
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** The cap on an error body. @internal */
export const ERROR_BODY_CAP: number = 64 * 1024;

/**
 * Thrown inside an attempt when its body cannot be used: cut short (`TRUNCATED`, retried like a
 * dropped connection), larger than its cap, or a complete 2xx body that is not what the API
 * returns (never retried). The pipeline turns it into the one public error of the call.
 * @internal
 */
export class BodyFailure extends Error {
  override readonly name = "BodyFailure";
  /** Why the body could not be used. */
  readonly code: CiResponseErrorCode;
  /** What was wrong, without body text. */
  readonly detail: string;
  /** The cap, for `TOO_LARGE`. */
  readonly limitBytes: number | undefined;

  constructor(code: CiResponseErrorCode, detail: string, limitBytes?: number, cause?: unknown) {
    super(code, { cause });
    this.code = code;
    this.detail = detail;
    this.limitBytes = limitBytes;
  }
}

const XML_CODES: Readonly<Record<string, CiResponseErrorCode>> = {
  EmptyDocument: "EMPTY_BODY",
  TooLarge: "TOO_LARGE",
  Truncated: "TRUNCATED",
  WrongRoot: "UNEXPECTED_CONTENT",
  MissingElement: "UNEXPECTED_CONTENT",
  InvalidValue: "UNEXPECTED_CONTENT",
};

/**
 * Decodes a 2xx body: an empty body where XML is required, a `Content-Type` without `xml`, and
 * whatever the model's decoder rejects throw a {@link BodyFailure}.
 * @internal
 */
export function decodeSuccessBody<T>(
  text: string,
  contentType: string | null,
  expectBody: boolean,
  decode: (text: string) => T,
): T {
  if (!expectBody) return decode(text);
  if (text.trim() === "") throw new BodyFailure("EMPTY_BODY", "the API returns an XML <Response> here");
  if (contentType !== null && !/xml/i.test(contentType))
    throw new BodyFailure("NOT_XML", `Content-Type ${contentType} is not XML`);
  if (!text.trimStart().startsWith("<")) throw new BodyFailure("NOT_XML", "the body does not start with '<'");
  try {
    return decode(text);
  } catch (cause: unknown) {
    if (!isXmlModelError(cause)) throw cause;
    const code = XML_CODES[cause.code] ?? "MALFORMED_XML";
    throw new BodyFailure(code, `${cause.code}${cause.path ? ` at ${cause.path}` : ""}`, undefined, cause);
  }
}

/**
 * The fields of an error body: an XML `<Error>` with a non-empty `<Code>` gives them; anything else
 * (HTML from a proxy, an empty body, truncated XML) gives `{ xmlBody: false }`.
 * @internal
 */
export interface ErrorFields {
  readonly xmlBody: boolean;
  readonly code?: string | undefined;
  readonly message?: string | undefined;
  readonly requestId?: string | undefined;
  readonly traceId?: string | undefined;
  readonly resource?: string | undefined;
}

/** Reads an error body. @internal */
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
