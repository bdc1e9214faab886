const ENTITY = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|([A-Za-z_:][A-Za-z0-9_.:-]*));/g;

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Why {@link decodeEntities} refused a text: a character reference to a character XML forbids, or a reference to
 * an entity that is not one of the five XML predefines (no DOCTYPE is accepted, so none can be declared).
 *
 * @internal
 */
export interface EntityProblem {
  readonly kind: "forbidden-character" | "undeclared-entity";
  /** The reference as written, e.g. `&foo;` or `&#0;`. */
  readonly reference: string;
}

/**
 * Decodes the five predefined XML entities and character references in one pass (so `&amp;lt;` becomes
 * `&lt;`, never `<`). Nothing is expanded beyond them: a reference to any other entity (`&foo;`) is an
 * {@link EntityProblem}, as is a character reference to a character XML forbids. A `&` that starts no
 * reference (`a & b`) is kept as written.
 *
 * @internal
 */
export function decodeEntities(text: string): string | EntityProblem {
  if (text.indexOf("&") === -1) return text;
  let problem: EntityProblem | undefined;
  const decoded = text.replace(ENTITY, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      const known = NAMED[name];
      if (known === undefined) problem ??= { kind: "undeclared-entity", reference: match };
      return known ?? match;
    }
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex as string, 16);
    if (!isXmlChar(code)) {
      problem ??= { kind: "forbidden-character", reference: match };
      return "";
    }
    return String.fromCodePoint(code);
  });
  return problem ?? decoded;
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
