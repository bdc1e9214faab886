/**
 * Whether to colour one stream: an explicit `on`/`always` or `off`/`never` wins; in `auto`,
 * `NO_COLOR` (non-empty) turns colour off, `FORCE_COLOR` (not `0`/`false`) or `CLICOLOR_FORCE` turn it on,
 * `TERM=dumb` turns it off, and otherwise the stream must be a terminal.
 *
 * @param when - `auto`, `on`, `off`, `always`, `never`, or undefined (auto).
 * @param env - The environment.
 * @param isTTY - Whether this stream is a terminal.
 * @returns Whether to colour.
 * @example
 * ```ts
 * import { colourEnabled } from "@cibatch/cli";
 * colourEnabled("auto", { NO_COLOR: "1" }, true); // false
 * colourEnabled("auto", { FORCE_COLOR: "1" }, false); // true
 * ```
 */
export function colourEnabled(
  when: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (when === "on" || when === "always") return true;
  if (when === "off" || when === "never") return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force.toLowerCase() !== "false") return true;
  const cliForce = env.CLICOLOR_FORCE;
  if (cliForce !== undefined && cliForce !== "" && cliForce !== "0") return true;
  if (env.TERM === "dumb") return false;
  return isTTY;
}
