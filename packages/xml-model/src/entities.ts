const ENTITY = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos));/g;

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Decodes the five predefined XML entities and character references in one pass (so `&amp;lt;` becomes
 * `&lt;`, never `<`). Nothing else is expanded: other `&name;` sequences stay as written. Returns
 * `undefined` when a character reference names a character XML forbids.
 *
 * @internal
 */
export function decodeEntities(text: string): string | undefined {
  if (text.indexOf("&") === -1) return text;
  let invalid = false;
  const decoded = text.replace(ENTITY, (_match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] as string;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex as string, 16);
    if (!isXmlChar(code)) {
      invalid = true;
      return "";
    }
    return String.fromCodePoint(code);
  });
  return invalid ? undefined : decoded;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
