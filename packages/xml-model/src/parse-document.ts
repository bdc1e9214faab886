import type { XMLParser } from "fast-xml-parser";
import { parserClass } from "#fxp";
import { XmlModelError } from "./errors.js";

/**
 * Default size cap of {@link decode}: 1 MiB.
 *
 * @public
 * @example
 * ```ts
 * import { DEFAULT_MAX_BYTES, decodeDescribeJobsResponse } from "@cibatch/xml-model";
 *
 * decodeDescribeJobsResponse("<Response><RequestId>r</RequestId></Response>", { maxBytes: 2 * DEFAULT_MAX_BYTES });
 * ```
 */
export const DEFAULT_MAX_BYTES: number = 1024 * 1024;

/**
 * Default nesting cap of {@link decode}: 32 levels of elements.
 *
 * @public
 * @example
 * ```ts
 * import { DEFAULT_MAX_DEPTH, decodeDescribeJobsResponse } from "@cibatch/xml-model";
 *
 * decodeDescribeJobsResponse("<Response><RequestId>r</RequestId></Response>", { maxDepth: DEFAULT_MAX_DEPTH + 8 });
 * ```
 */
export const DEFAULT_MAX_DEPTH = 32;

/**
 * A node of fast-xml-parser's ordered (`preserveOrder`) output: `{ [elementName]: children }` with the
 * position metadata under a symbol, `{ "#text": text }`, or `{ "#cdata": [{ "#text": text }] }`.
 *
 * @internal
 */
export type FxpNode = Record<PropertyKey, unknown>;

/** Position metadata fast-xml-parser records per element with `captureMetaData`. */
interface FxpMeta {
  readonly startIndex: number;
  readonly endIndex?: number;
}

/** fast-xml-parser's metadata symbol, read when the first parser is built. */
let META: symbol | undefined;

/** @internal */
export const CDATA_KEY = "#cdata";

/** @internal */
export const TEXT_KEY = "#text";

/**
 * A well-formed document: its text (positions refer to it) and its root element.
 *
 * @internal
 */
export interface ParsedDocument {
  readonly xml: string;
  readonly rootName: string;
  readonly root: FxpNode;
}

const parsers = new Map<number, XMLParser>();

function parserFor(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth);
  if (parser === undefined) {
    const XMLParserClass = parserClass();
    META ??= XMLParserClass.getMetaDataSymbol() as symbol;
    parser = new XMLParserClass({
      // The ordered output keeps every element with its start/end positions, which is how well-formedness
      // is checked (see checkClosed) without a second pass of XMLValidator.
      preserveOrder: true,
      captureMetaData: true,
      ignoreAttributes: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      // Leaf text is never coerced: ids such as 0123 stay strings.
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      // Entities are decoded by decodeEntities (the five XML entities and character references, one pass,
      // no expansion); DOCTYPE is rejected before parsing, so no entity is ever declared.
      processEntities: false,
      htmlEntities: false,
      cdataPropName: CDATA_KEY,
      commentPropName: false,
      maxNestedTags: maxDepth,
      jPath: false,
      strictReservedNames: true,
      // __proto__, constructor and prototype still throw; other names (toString...) are kept as written:
      // decoded objects never use unknown names as keys.
      onDangerousProperty: (name: string) => name,
    });
    parsers.set(maxDepth, parser);
  }
  return parser;
}

let utf8: InstanceType<typeof TextDecoder> | undefined;

// Characters XML 1.0 forbids, and unpaired surrogates.
const INVALID_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters rejected.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Turns the input into text and applies every document-level safety rule: size cap, UTF-8, forbidden
 * characters, no DOCTYPE, nesting cap, reserved names, one root element with nothing but whitespace,
 * comments and processing instructions around it, and the expected root name.
 *
 * @internal
 */
export function parseDocument(
  input: string | Uint8Array,
  root: string,
  maxBytes: number,
  maxDepth: number,
): ParsedDocument {
  const xml = toText(input, maxBytes);
  if (xml.trim() === "") {
    throw new XmlModelError({
      code: "EmptyDocument",
      expected: `an XML document with root <${root}>`,
      found: "an empty body",
      hint: "The server sent no body where one is required.",
    });
  }
  const bad = INVALID_CHAR.exec(xml);
  if (bad !== null) {
    throw new XmlModelError({
      code: "InvalidEncoding",
      expected: "only characters XML allows",
      found: `U+${(bad[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")} at offset ${bad.index}`,
    });
  }
  checkDeclaredEncoding(xml);
  const doctype = xml.indexOf("<!D");
  if (doctype !== -1) {
    throw new XmlModelError({
      code: "UnsafeXml",
      expected: "a document without DOCTYPE (the API never sends one; entities are not expanded)",
      found: around(xml, doctype),
    });
  }
  let nodes: FxpNode[];
  try {
    nodes = parserFor(maxDepth).parse(xml) as FxpNode[];
  } catch (error) {
    throw parserError(error, maxDepth, xml);
  }
  let rootNode: FxpNode | undefined;
  let rootName = "";
  for (const node of nodes) {
    const name = nodeName(node);
    if (name === TEXT_KEY || name === CDATA_KEY) continue;
    if (rootNode !== undefined) {
      throw malformedAt(xml, metaOf(node).startIndex, "a single root element", "Several root elements.");
    }
    rootNode = node;
    rootName = name;
  }
  if (rootNode === undefined && isMisc(xml, 0, xml.length)) {
    throw new XmlModelError({
      code: "Truncated",
      expected: `an XML document with root <${root}>`,
      found: "only an XML declaration, comments or whitespace",
      hint: "The body was cut short.",
    });
  }
  if (rootNode === undefined) {
    throw new XmlModelError({
      code: "MalformedXml",
      expected: `an XML document with root <${root}>`,
      found: xml,
      hint: "The body is not XML (an HTML page, JSON or plain text?).",
    });
  }
  const meta = metaOf(rootNode);
  if (meta.endIndex === undefined && !endsWithClosingTag(xml, rootName)) {
    throw new XmlModelError({
      code: "Truncated",
      path: rootName,
      expected: `a closing tag </${rootName}>`,
      found: `the end of the document after ${xml.length} characters`,
      hint: "The body was cut short.",
    });
  }
  checkClosed(xml, rootNode, rootName, () => rootName);
  if (!isMisc(xml, 0, meta.startIndex)) {
    throw malformedAt(xml, 0, `nothing but an XML declaration, comments or whitespace before <${rootName}>`);
  }
  const end = meta.endIndex as number;
  if (!isMisc(xml, end, xml.length)) {
    throw malformedAt(xml, end, `nothing but comments or whitespace after </${rootName}>`);
  }
  if (rootName !== root) {
    throw new XmlModelError({
      code: "WrongRoot",
      path: rootName,
      expected: `root element <${root}>`,
      found: `<${rootName}>`,
      hint:
        rootName === "Error"
          ? "The server answered with an <Error> body: decode it with decodeErrorBody."
          : rootName.endsWith(`:${root}`)
            ? "The element has a namespace prefix; the API's elements have none."
            : undefined,
    });
  }
  return { xml, rootName, root: rootNode };
}

/**
 * The element or text key of a node (`#text`, `#cdata` or the element name).
 *
 * @internal
 */
export function nodeName(node: FxpNode): string {
  for (const key in node) return key;
  return "";
}

function metaOf(node: FxpNode): FxpMeta {
  return node[META as symbol] as FxpMeta;
}

/**
 * Checks that the element `node` named `name` was closed by `</name>` (or was self-closing): the parser
 * itself accepts unclosed and mismatched tags, so this is what makes truncated or unbalanced documents fail.
 *
 * @internal
 */
export function checkClosed(xml: string, node: FxpNode, name: string, path: () => string): void {
  const meta = metaOf(node);
  const end = meta.endIndex;
  if (end === undefined) {
    throw new XmlModelError({
      code: "MalformedXml",
      path: path(),
      expected: `a closing tag </${name}>`,
      found: "the end of the document",
      hint: "The document is truncated or its tags are unbalanced.",
    });
  }
  const lt = xml.lastIndexOf("<", end - 1);
  if (lt === meta.startIndex) {
    // A self-closing tag <name/>: the parser ended the element at the same tag.
    if (xml.charCodeAt(end - 2) === 47 /* / */) return;
  } else if (xml.charCodeAt(lt + 1) === 47 /* / */ && xml.startsWith(name, lt + 2)) {
    let i = lt + 2 + name.length;
    while (i < end - 1 && isSpace(xml.charCodeAt(i))) i++;
    if (i === end - 1) return;
  }
  throw new XmlModelError({
    code: "MalformedXml",
    path: path(),
    expected: `a closing tag </${name}>`,
    found: xml.slice(lt, end),
    hint: "The document's tags are unbalanced.",
  });
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/**
 * Whitespace, comments and processing instructions only (what XML allows around the root); the XML
 * declaration only at the very start.
 */
function isMisc(xml: string, from: number, to: number): boolean {
  let i = from;
  if (i === 0 && xml.charCodeAt(0) === 0xfeff) i = 1;
  const declarationAt = i === 0 || i === 1 ? i : -1;
  while (i < to) {
    const code = xml.charCodeAt(i);
    if (isSpace(code)) {
      i++;
    } else if (xml.startsWith("<?", i)) {
      if (i !== declarationAt && /^<\?xml[\s?]/i.test(xml.slice(i, i + 6))) return false;
      const close = xml.indexOf("?>", i + 2);
      if (close === -1 || close + 2 > to) return false;
      i = close + 2;
    } else if (xml.startsWith("<!--", i)) {
      const close = xml.indexOf("-->", i + 4);
      if (close === -1 || close + 3 > to) return false;
      i = close + 3;
    } else {
      return false;
    }
  }
  return true;
}

function toText(input: string | Uint8Array, maxBytes: number): string {
  if (typeof input === "string") {
    if (input.length > maxBytes) throw tooLarge(maxBytes, `${input.length} bytes or more`);
    if (input.length * 3 > maxBytes) {
      const bytes = utf8Length(input);
      if (bytes > maxBytes) throw tooLarge(maxBytes, `${bytes} bytes`);
    }
    return input;
  }
  if (!(input instanceof Uint8Array)) {
    throw new XmlModelError({
      code: "InvalidValue",
      expected: "the document as a string or a Uint8Array",
      found: typeof input,
    });
  }
  if (input.byteLength > maxBytes) throw tooLarge(maxBytes, `${input.byteLength} bytes`);
  utf8 ??= new TextDecoder("utf-8", { fatal: true });
  try {
    return utf8.decode(input);
  } catch (error) {
    throw new XmlModelError({
      code: "InvalidEncoding",
      expected: "UTF-8 bytes",
      found: "bytes that are not valid UTF-8",
      cause: error,
    });
  }
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(maxBytes: number, found: string): XmlModelError {
  return new XmlModelError({
    code: "TooLarge",
    expected: `at most ${maxBytes} bytes`,
    found,
    hint: "Raise maxBytes if such documents are legitimate.",
  });
}

/** Whether the document's last tag is `</name>` (trailing whitespace and comments aside). */
function endsWithClosingTag(xml: string, name: string): boolean {
  const at = xml.lastIndexOf(`</${name}`);
  if (at === -1) return false;
  const close = xml.indexOf(">", at);
  return close !== -1 && /^\s*$/.test(xml.slice(at + 2 + name.length, close)) && isMisc(xml, close + 1, xml.length);
}

const DECLARATION = /^\uFEFF?<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/;

/**
 * Refuses an XML declaration naming an encoding other than UTF-8: the text has already been read as UTF-8 (bytes
 * are decoded strictly), so a document that says `UTF-16` or `GBK` would be read as something its writer did not
 * mean.
 */
function checkDeclaredEncoding(xml: string): void {
  if (!xml.startsWith("<?xml", xml.charCodeAt(0) === 0xfeff ? 1 : 0)) return;
  const declared = DECLARATION.exec(xml.slice(0, 200))?.[2];
  if (declared === undefined || /^utf-?8$/i.test(declared)) return;
  throw new XmlModelError({
    code: "InvalidEncoding",
    expected: 'an XML declaration with encoding="UTF-8" (or none)',
    found: `encoding="${declared}"`,
    hint: "The API sends UTF-8 only; the body was read as UTF-8.",
  });
}

/** Parser messages that mean the input stopped inside a construct: a body cut short. */
const CUT_SHORT = /is not closed|readTagExp returned undefined|Unexpected end/i;

function parserError(error: unknown, maxDepth: number, xml: string): XmlModelError {
  const message = error instanceof Error ? error.message : String(error);
  if (CUT_SHORT.test(message)) {
    return new XmlModelError({
      code: "Truncated",
      expected: "a complete XML document",
      found: `the end of the document inside a tag, comment or CDATA section (${xml.length} characters)`,
      hint: "The body was cut short.",
      cause: error,
    });
  }
  if (message.includes("Maximum nested tags exceeded")) {
    return new XmlModelError({
      code: "TooDeep",
      expected: `elements nested at most ${maxDepth} deep`,
      found: "deeper nesting",
      hint: "Raise maxDepth if such documents are legitimate.",
      cause: error,
    });
  }
  if (message.includes("[SECURITY]") || message.startsWith("Invalid tag name")) {
    return new XmlModelError({
      code: "UnsafeXml",
      expected: "element names other than __proto__, constructor, prototype, #text and #cdata",
      found: message,
      cause: error,
    });
  }
  return new XmlModelError({
    code: "MalformedXml",
    expected: "well-formed XML",
    found: message,
    hint: "The document is truncated or not XML.",
    cause: error,
  });
}

function malformedAt(xml: string, index: number, expected: string, hint?: string): XmlModelError {
  return new XmlModelError({ code: "MalformedXml", expected, found: around(xml, index), hint });
}

function around(xml: string, index: number): string {
  return xml.slice(Math.max(0, index - 20), index + 180);
}
