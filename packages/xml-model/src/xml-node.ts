/**
 * One node of an XML subtree kept as is: a text (a string) or an element.
 *
 * Used for {@link opaque} fields (such as everything inside `JobParam` except `TemplateId`) and for the
 * elements a schema does not know, kept in {@link UNKNOWN_KEY | `$unknown`}.
 *
 * @public
 * @example
 * ```ts
 * import type { XmlNode } from "@cibatch/xml-model";
 *
 * const watermark: XmlNode = { name: "Watermark", children: [{ name: "Type", children: ["Text"] }] };
 * ```
 */
export type XmlNode = string | XmlElement;

/**
 * An element of an opaque subtree: its name and its children in document order.
 *
 * Attributes, comments and processing instructions are not kept (the CI API uses none). Text is
 * trimmed and entity-decoded; CDATA sections become plain text.
 *
 * @public
 * @example
 * ```ts
 * import type { XmlElement } from "@cibatch/xml-model";
 *
 * const segment: XmlElement = { name: "Segment", children: [{ name: "Duration", children: ["10"] }] };
 * ```
 */
export interface XmlElement {
  /** The element name, e.g. `Watermark`. */
  name: string;
  /** Child elements and texts in document order. */
  children: XmlNode[];
}

/**
 * The property of every decoded object that holds the child nodes its schema does not know, in
 * document order. Absent when there are none. Encoders write them back after the known fields.
 *
 * `$` cannot start an XML name, so this key never collides with a field.
 *
 * @public
 * @example
 * ```ts
 * import { UNKNOWN_KEY, decodeDescribeJobsResponse } from "@cibatch/xml-model";
 *
 * const response = decodeDescribeJobsResponse(
 *   "<Response><RequestId>r</RequestId><Progress>50</Progress></Response>",
 * );
 * console.log(response[UNKNOWN_KEY]); // [{ name: "Progress", children: ["50"] }]
 * ```
 */
export const UNKNOWN_KEY = "$unknown" as const;
