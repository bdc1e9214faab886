/**
 * Wraps text to `width` display columns at spaces (a word longer than the line stays whole on its own line);
 * lines after the first start with `indent`. Existing line breaks are kept.
 *
 * @param text - The text.
 * @param width - The columns available, or undefined for no wrapping.
 * @param indent - Put before every continuation line (and counted in its width).
 * @param measure - The display width of a text (`string-width` where CJK text may appear); default: its length.
 * @returns The wrapped lines joined by `\n`.
 * @example
 * ```ts
 * import { wrapText } from "./wrap.js";
 * wrapText("one two three", 8, "  "); // "one two\n  three"
 * ```
 * @internal
 */
export function wrapText(
  text: string,
  width: number | undefined,
  indent = "",
  measure: (text: string) => number = (t) => t.length,
): string {
  if (width === undefined || width <= 0) return text;
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    // Later paragraphs (line breaks in the text itself) continue under the indent too.
    const start = out.length > 0 && !paragraph.startsWith(" ") ? `${indent}${paragraph}` : paragraph;
    if (measure(start) <= width) {
      out.push(start);
      continue;
    }
    const lead = /^ */.exec(start)?.[0] ?? "";
    const words = start.slice(lead.length).split(" ");
    let line = `${lead}${words.shift() ?? ""}`;
    for (const word of words) {
      const candidate = `${line} ${word}`;
      // Never break right after a label that the indent lines up with: the value's first word stays beside it.
      if (measure(candidate) > width && line.trim() !== "" && measure(line.trimEnd()) > measure(indent)) {
        out.push(line);
        line = `${indent}${word}`;
      } else line = candidate;
    }
    out.push(line);
  }
  return out.join("\n");
}
