import stringWidth from "string-width";
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
 * How a column gives way when a table is wider than the terminal: columns with a `drop` rank are dropped, lowest
 * rank first; a `shrink` column is cut (with `…`) down to that many columns before anything is dropped. A column
 * with neither is never cut nor dropped (job ids: a cut id cannot be pasted into another command).
 *
 * @example
 * ```ts
 * import type { ColumnFit } from "./table.js";
 * const name: ColumnFit = { drop: 4, shrink: 8 };
 * ```
 * @internal
 */
export interface ColumnFit {
  readonly drop?: number | undefined;
  readonly shrink?: number | undefined;
}

/**
 * A table: header names, rows of cell texts, and (optionally) how each column gives way in a narrow terminal.
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
  /** Per column; a table without it cuts its widest columns (never a job id) to fit. */
  readonly fit?: readonly ColumnFit[] | undefined;
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

let segmenter: Intl.Segmenter | undefined;

/**
 * Cuts `text` to at most `width` terminal columns (a CJK character takes two), ending in `…` when cut.
 *
 * @param text - The text (no escape sequences).
 * @param width - The columns available.
 * @returns The text, or its cut version.
 * @example
 * ```ts
 * import { cutToWidth } from "./table.js";
 * cutToWidth("夜间转码任务", 7); // "夜间转…"
 * ```
 * @internal
 */
export function cutToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 0) return "";
  segmenter ??= new Intl.Segmenter();
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

const JOB_ID = /^b[0-9a-f]{32}$/;

/** The fit of a table that declared none: any column may be cut to 8 columns, but never through a job id. */
function defaultFit(table: TableModel): ColumnFit[] {
  return table.columns.map((_, i) => ({
    shrink: Math.max(8, ...table.rows.map((row) => (JOB_ID.test(row[i] ?? "") ? (row[i] ?? "").length : 0))),
  }));
}

/**
 * The width of each column once the table fits `maxWidth` (`0` = a dropped column).
 *
 * @param table - The table.
 * @param maxWidth - The width to fit, or undefined for no limit.
 * @returns One width per column.
 * @example
 * ```ts
 * import { fitColumns } from "./table.js";
 * fitColumns({ columns: ["A", "B"], rows: [["xxxx", "y"]], fit: [{}, { drop: 1 }] }, 5); // [4, 0]
 * ```
 * @internal
 */
export function fitColumns(table: TableModel, maxWidth: number | undefined): number[] {
  const natural = table.columns.map((name, i) =>
    Math.max(stringWidth(name), ...table.rows.map((row) => stringWidth(row[i] ?? ""))),
  );
  if (maxWidth === undefined || maxWidth <= 0) return natural;
  const fit = table.fit ?? defaultFit(table);
  const visible = new Set(natural.keys());
  for (;;) {
    const widths = natural.map((w, i) => (visible.has(i) ? w : 0));
    const total = (): number => widths.reduce((sum, w) => sum + w, 0) + 2 * (visible.size - 1);
    const shrinkable = [...visible].filter((i) => fit[i]?.shrink !== undefined);
    const floor = (i: number): number => Math.min(natural[i] ?? 0, fit[i]?.shrink ?? 0);
    const room = shrinkable.reduce((sum, i) => sum + (natural[i] ?? 0) - floor(i), 0);
    if (total() - room <= maxWidth || !fit.some((f, i) => visible.has(i) && f?.drop !== undefined)) {
      // Cut the widest shrinkable column one column at a time until the table fits (or nothing can give).
      while (total() > maxWidth) {
        let widest = -1;
        for (const i of shrinkable) {
          if ((widths[i] ?? 0) > floor(i) && (widest === -1 || (widths[i] ?? 0) > (widths[widest] ?? 0))) widest = i;
        }
        if (widest === -1) break;
        widths[widest] = (widths[widest] ?? 0) - 1;
      }
      return widths;
    }
    let drop = -1;
    for (const i of visible) {
      const rank = fit[i]?.drop;
      if (rank !== undefined && (drop === -1 || rank < (fit[drop]?.drop ?? 0))) drop = i;
    }
    visible.delete(drop);
  }
}

/**
 * Renders a table with aligned columns and a bold header. Widths are display widths (`string-width`: a CJK
 * character takes two columns). With `maxWidth` the table is fitted (see {@link fitColumns}); job ids are never
 * cut.
 *
 * @param table - The table.
 * @param styles - Styles (identity when colour is off).
 * @param maxWidth - The width to fit, if any.
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
  const widths = fitColumns(table, maxWidth);
  const shown = widths.flatMap((w, i) => (w > 0 ? [i] : []));
  const stateColumn = table.columns.indexOf("State");
  const line = (cells: readonly string[], header: boolean): string =>
    shown
      .map((i, position) => {
        const width = widths[i] ?? 0;
        const text = cutToWidth(cells[i] ?? "", width);
        const pad = position === shown.length - 1 ? "" : " ".repeat(Math.max(0, width - stringWidth(text)));
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
