import type { Json } from "./job-json.js";

/**
 * Text styling functions (picocolors' shape); identity functions when colour is off.
 *
 * @example
 * ```ts
 * import type { Styles } from "./table.js";
 * const plain: Styles = { bold: (s) => s, red: (s) => s, green: (s) => s, yellow: (s) => s, cyan: (s) => s, dim: (s) => s };
 * ```
 * @internal
 */
export interface Styles {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
}

/**
 * A table: header names and rows of cell texts.
 *
 * @example
 * ```ts
 * import type { TableModel } from "./table.js";
 * const table: TableModel = { columns: ["JobId", "State"], rows: [["b1", "Running"]] };
 * ```
 * @internal
 */
export interface TableModel {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Colours a job state; the word is always written, so colour is never the only signal.
 *
 * @param state - The state.
 * @param styles - The styles in use.
 * @returns The styled word.
 * @example
 * ```ts
 * import { styleState } from "./table.js";
 * import pc from "picocolors";
 * styleState("Failed", pc.createColors(false)); // "Failed"
 * ```
 * @internal
 */
export function styleState(state: string, styles: Styles): string {
  switch (state) {
    case "Success":
      return styles.green(state);
    case "Failed":
      return styles.red(state);
    case "Running":
      return styles.cyan(state);
    case "Pause":
    case "Cancel":
      return styles.yellow(state);
    default:
      return state;
  }
}

function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/**
 * Renders a table with aligned columns and a bold header. With `maxWidth` (terminals only) the widest column
 * is truncated with `…` until the table fits; pipes get full values.
 *
 * @param table - The table.
 * @param styles - Styles (identity when colour is off).
 * @param maxWidth - The terminal width, if any.
 * @returns The lines, each ending in `\n`.
 * @example
 * ```ts
 * import { renderTable } from "./table.js";
 * import pc from "picocolors";
 * renderTable({ columns: ["A"], rows: [["x"]] }, pc.createColors(false)); // "A\nx\n"
 * ```
 * @internal
 */
export function renderTable(table: TableModel, styles: Styles, maxWidth?: number): string {
  const widths = table.columns.map((name, i) =>
    Math.max(name.length, ...table.rows.map((row) => (row[i] ?? "").length)),
  );
  if (maxWidth !== undefined && maxWidth > 0) {
    const total = (): number => widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
    while (total() > maxWidth) {
      const widest = widths.indexOf(Math.max(...widths));
      if ((widths[widest] ?? 0) <= 8) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }
  const stateColumn = table.columns.indexOf("State");
  const line = (cells: readonly string[], header: boolean): string =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const text = cut(cell, width);
        const pad = i === cells.length - 1 ? "" : " ".repeat(width - text.length);
        const styled = header ? styles.bold(text) : i === stateColumn ? styleState(text, styles) : text;
        return styled + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(table.columns, true), ...table.rows.map((row) => line(row, false))].map((l) => `${l}\n`).join("");
}

function cell(value: Json | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * A table for any JSON value (used after `--query`): objects in an array become rows, an object becomes
 * Name/Value pairs, scalars one cell.
 *
 * @param value - The value.
 * @returns The table.
 * @example
 * ```ts
 * import { tableOf } from "./table.js";
 * tableOf([{ JobId: "b1", State: "Running" }]); // { columns: ["JobId", "State"], rows: [["b1", "Running"]] }
 * ```
 * @internal
 */
export function tableOf(value: Json): TableModel {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => item !== null && typeof item === "object" && !Array.isArray(item))) {
      const columns: string[] = [];
      for (const item of value as { [key: string]: Json }[])
        for (const key of Object.keys(item)) if (!columns.includes(key)) columns.push(key);
      return { columns, rows: (value as { [key: string]: Json }[]).map((item) => columns.map((c) => cell(item[c]))) };
    }
    return { columns: ["Value"], rows: value.map((item) => [cell(item)]) };
  }
  if (value !== null && typeof value === "object") {
    return { columns: ["Name", "Value"], rows: Object.entries(value).map(([k, v]) => [k, cell(v)]) };
  }
  return { columns: ["Value"], rows: [[cell(value)]] };
}

/**
 * Tab-separated lines for any JSON value (`-o text`): scalars on their own line, arrays one element per line,
 * objects their values on one line (nested values as compact JSON). No header, no colour, no truncation.
 *
 * @param value - The value.
 * @returns The text, ending in `\n` unless empty.
 * @example
 * ```ts
 * import { textOf } from "./table.js";
 * textOf(["b1", "b2"]); // "b1\nb2\n"
 * ```
 * @internal
 */
export function textOf(value: Json): string {
  const row = (item: Json): string => {
    if (Array.isArray(item)) return item.map(cell).join("\t");
    if (item !== null && typeof item === "object") return Object.values(item).map(cell).join("\t");
    return cell(item);
  };
  const lines = Array.isArray(value) ? value.map(row) : [row(value)];
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
