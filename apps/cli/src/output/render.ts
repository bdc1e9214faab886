import { CliError } from "../cli-error.js";
import type { Json } from "./job-json.js";
import type { Styles, TableModel } from "./table.js";

/**
 * The output formats of `-o, --output`.
 *
 * @example
 * ```ts
 * import type { OutputFormat } from "@cibatch/cli";
 * const format: OutputFormat = "yaml";
 * ```
 */
export type OutputFormat = "json" | "table" | "text" | "yaml";

/**
 * What a command hands to the renderer: the JSON result (what `json`, `yaml` and `--query` see) and, optionally,
 * the command's own table and text views of it (used when no `--query` reshaped the data).
 *
 * @example
 * ```ts
 * import type { OutputView } from "./render.js";
 * const view: OutputView = { data: { JobId: "b1" }, text: [["b1"]] };
 * ```
 * @internal
 */
export interface OutputView {
  readonly data: Json;
  readonly table?: TableModel | undefined;
  readonly text?: readonly (readonly string[])[] | undefined;
  /** A free-form view (the detail view of `jobs describe`), used instead of `table` and `text`. */
  readonly detail?:
    | ((options: { styles: Styles; maxWidth: number | undefined }) => string | Promise<string>)
    | undefined;
}

/**
 * How to render: the format, the `--query`, the styles of stdout and the width tables fit.
 *
 * @example
 * ```ts
 * import type { RenderOptions } from "./render.js";
 * import pc from "picocolors";
 * const options: RenderOptions = { format: "json", styles: pc.createColors(false) };
 * ```
 * @internal
 */
export interface RenderOptions {
  readonly format: OutputFormat;
  readonly query?: string | undefined;
  readonly styles: Styles;
  readonly maxWidth?: number | undefined;
  /** Styles for `-o text` (no colour: text is for scripts). */
  readonly plainStyles?: Styles | undefined;
}

/**
 * Applies a JMESPath expression (loaded on first use).
 *
 * @param data - The JSON result.
 * @param expression - The `--query` text.
 * @returns The projected value.
 * @throws CliError `USAGE` for an invalid expression.
 * @example
 * ```ts
 * import { applyQuery } from "./render.js";
 * await applyQuery({ Jobs: [{ JobId: "b1" }] }, "Jobs[].JobId"); // ["b1"]
 * ```
 * @internal
 */
export async function applyQuery(data: Json, expression: string): Promise<Json> {
  const { search } = await import("@jmespath-community/jmespath");
  try {
    return search(data, expression) as Json;
  } catch (cause) {
    throw new CliError(
      "USAGE",
      `--query ${expression}: not a valid JMESPath expression (${(cause as Error).message})`,
      {
        cause,
      },
    );
  }
}

/**
 * Renders a command's result for stdout: `--query` first (once, on the whole result), then the format.
 *
 * @param view - The result and its views.
 * @param options - Format, query, styles, width.
 * @returns The text to write.
 * @example
 * ```ts
 * import { renderView } from "./render.js";
 * import pc from "picocolors";
 * await renderView({ data: { a: 1 } }, { format: "json", styles: pc.createColors(false) }); // '{\n  "a": 1\n}\n'
 * ```
 * @internal
 */
export async function renderView(view: OutputView, options: RenderOptions): Promise<string> {
  const queried = options.query !== undefined;
  const data = queried ? await applyQuery(view.data, options.query as string) : view.data;
  switch (options.format) {
    case "json":
      return `${JSON.stringify(data, null, 2)}\n`;
    case "yaml": {
      const { stringify } = await import("yaml");
      return stringify(data);
    }
    case "text": {
      if (!queried && view.detail)
        return view.detail({ styles: options.plainStyles ?? options.styles, maxWidth: undefined });
      if (!queried && view.text) return view.text.map((row) => `${row.join("\t")}\n`).join("");
      const { textOf } = await import("./table.js");
      return textOf(data);
    }
    case "table": {
      if (!queried && view.detail) return view.detail({ styles: options.styles, maxWidth: options.maxWidth });
      // Loaded only for tables: display widths need string-width, which json and yaml output never do.
      const { renderTable, tableOf } = await import("./table.js");
      return renderTable(!queried && view.table ? view.table : tableOf(data), options.styles, options.maxWidth);
    }
  }
}
