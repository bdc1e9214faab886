// Outside Node (browsers, bundlers), fast-xml-parser's ES modules, one accessor per class: bundlers
// tree-shake them, so an app that only decodes never carries the builder or the validator.
import { XMLBuilder, XMLParser } from "fast-xml-parser";

/**
 * fast-xml-parser's `XMLParser` class.
 *
 * @returns The class.
 *
 * @example
 * ```ts
 * import { parserClass } from "#fxp";
 *
 * const XMLParser = parserClass();
 * new XMLParser({ ignoreAttributes: true }).parse("<a>1</a>"); // { a: 1 }
 * ```
 * @internal
 */
export function parserClass(): typeof XMLParser {
  return XMLParser;
}

/**
 * fast-xml-parser's `XMLBuilder` class.
 *
 * @returns The class.
 *
 * @example
 * ```ts
 * import { builderClass } from "#fxp";
 *
 * const XMLBuilder = builderClass();
 * new XMLBuilder({}).build({ a: 1 }); // "<a>1</a>"
 * ```
 * @internal
 */
export function builderClass(): typeof XMLBuilder {
  return XMLBuilder;
}
