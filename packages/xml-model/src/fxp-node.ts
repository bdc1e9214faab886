// Under the `node` condition, fast-xml-parser is loaded through its CommonJS build, on first use:
// one self-contained file instead of about forty ES modules (the ESM build and its six
// dependencies), which makes `import("@cibatch/xml-model")` several times cheaper in a fresh
// process (Node's ESM loader pays per module file; see the README, "Choices"). Same classes, same
// version.
import { createRequire } from "node:module";
import type * as Fxp from "fast-xml-parser";

let fxp: typeof Fxp | undefined;

function load(): typeof Fxp {
  fxp ??= createRequire(import.meta.url)("fast-xml-parser") as typeof Fxp;
  return fxp;
}

/**
 * fast-xml-parser's `XMLParser` class (its CommonJS build under the `node` condition), loaded on
 * first call.
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
export function parserClass(): typeof Fxp.XMLParser {
  return load().XMLParser;
}

/**
 * fast-xml-parser's `XMLBuilder` class (its CommonJS build under the `node` condition), loaded on
 * first call.
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
export function builderClass(): typeof Fxp.XMLBuilder {
  return load().XMLBuilder;
}
