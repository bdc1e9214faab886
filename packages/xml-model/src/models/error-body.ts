import { decode, type ModelDecodeOptions } from "../decode.js";
import { encode, type ModelEncodeOptions } from "../encode.js";
import {
  type Infer,
  type ObjectSchema,
  type OptionalSchema,
  object,
  optional,
  type TextSchema,
  text,
} from "../schema.js";

/** Default size cap of an error body: 64 KiB (an `<Error>` is a few hundred bytes). */
const ERROR_MAX_BYTES = 64 * 1024;

/**
 * Schema type of {@link ErrorBodySchema}.
 *
 * @public
 * @example
 * ```ts
 * import type { ErrorBodySchemaType } from "@cibatch/xml-model";
 * ```
 */
export type ErrorBodySchemaType = ObjectSchema<{
  /** The error code, e.g. `InvalidArgument` or `SignatureDoesNotMatch`. */
  Code: TextSchema;
  /** What went wrong, for people. */
  Message: OptionalSchema<TextSchema>;
  /** The bucket or object URL concerned (COS-style errors). */
  Resource: OptionalSchema<TextSchema>;
  /** The request id (also in the `x-ci-request-id` header). */
  RequestId: OptionalSchema<TextSchema>;
  /** The trace id (also in the `x-ci-trace-id` header). */
  TraceId: OptionalSchema<TextSchema>;
}>;

/**
 * The `<Error>` body of a failed call : `Code` is required; `Resource` appears in COS-style
 * errors.
 *
 * @public
 * @example
 * ```ts
 * import { ErrorBodySchema } from "@cibatch/xml-model";
 *
 * console.log([...ErrorBodySchema.byName.keys()]); // ["Code", "Message", "Resource", "RequestId", "TraceId"]
 * ```
 */
export const ErrorBodySchema: ErrorBodySchemaType = object({
  Code: text(),
  Message: optional(text()),
  Resource: optional(text()),
  RequestId: optional(text()),
  TraceId: optional(text()),
});

/**
 * An `<Error>` body.
 *
 * @public
 * @example
 * ```ts
 * import type { ErrorBody } from "@cibatch/xml-model";
 *
 * const body: ErrorBody = { Code: "InvalidArgument", Message: "size must be 1..100" };
 * ```
 */
export type ErrorBody = Infer<ErrorBodySchemaType>;

/**
 * Decodes an `<Error>` body. The size cap defaults to 64 KiB.
 *
 * @throws {@link XmlModelError} for a malformed body, another root, or a missing `Code`
 * @public
 * @example
 * ```ts
 * import { decodeErrorBody } from "@cibatch/xml-model";
 *
 * const error = decodeErrorBody(
 *   "<?xml version='1.0' encoding='utf-8' ?><Error><Code>InvalidArgument</Code><Message>bad size</Message></Error>",
 * );
 * error.Code; // "InvalidArgument"
 * ```
 */
export function decodeErrorBody(xml: string | Uint8Array, options?: ModelDecodeOptions): ErrorBody {
  return decode(ErrorBodySchema, xml, { maxBytes: ERROR_MAX_BYTES, ...options, root: "Error" });
}

/**
 * Encodes an `<Error>` body (what the fake server answers).
 *
 * @throws {@link XmlModelError} `InvalidValue` for a value that does not fit the schema
 * @public
 * @example
 * ```ts
 * import { encodeErrorBody } from "@cibatch/xml-model";
 *
 * encodeErrorBody({ Code: "InvalidArgument", Message: "size must be 1..100", RequestId: "r", TraceId: "t" });
 * ```
 */
export function encodeErrorBody(value: ErrorBody, options?: ModelEncodeOptions): string {
  return encode(ErrorBodySchema, value, { ...options, root: "Error" });
}
