import { parse } from "ini";

/** The keys of one INI section; values are strings, or `true` for a bare key. */
type SectionValues = Readonly<Record<string, unknown>>;

/**
 * Parses an INI credentials file into its sections, keyed by section name. The `ini` package nests
 * dotted section names (`[team.prod]` becomes `{ team: { prod: … } }`); this undoes that, so every
 * section is found under its name as written. Keys outside any section are ignored.
 * @internal
 */
export function parseProfileSections(text: string): Map<string, SectionValues> {
  const sections = new Map<string, SectionValues>();
  collect(parse(text), "", sections);
  return sections;
}

function collect(node: Record<string, unknown>, prefix: string, sections: Map<string, SectionValues>): void {
  for (const [key, value] of Object.entries(node)) {
    if (!isSection(value)) continue;
    const name = prefix === "" ? key : `${prefix}.${key}`;
    const values: Record<string, unknown> = {};
    let hasChildren = false;
    for (const [field, fieldValue] of Object.entries(value)) {
      if (isSection(fieldValue)) hasChildren = true;
      else values[field] = fieldValue;
    }
    // `[a.b]` without `[a]` creates an empty parent `a` that is not in the file.
    if (!hasChildren || Object.keys(values).length > 0) sections.set(name, values);
    collect(value, name, sections);
  }
}

function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
