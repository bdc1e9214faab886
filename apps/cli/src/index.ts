/**
 * `cibatch`: the ops command line for Tencent Cloud CI batch data processing jobs (`/inventorytriggerjob`).
 * The binary is a shim over {@link run}; the rest of this entry is for embedding and testing the CLI
 * (`run(argv, io)` with injected streams, environment, `fetch` and clock) and for the docs (the command
 * declarations, the reference page and the completion scripts).
 *
 * @packageDocumentation
 */
export { CliError, type CliErrorCode, isCliError } from "./cli-error.js";
export { type CompletionShell, completionScript } from "./completion.js";
export { EXIT, EXIT_CODES, type ExitCodeRow, exitCodesText } from "./exit-codes.js";
export type { CliIo, OutputStream } from "./io.js";
export { nodeIo } from "./node-io.js";
export { colourEnabled } from "./output/colour.js";
export type { OutputFormat } from "./output/render.js";
export { cliReferenceMarkdown } from "./reference.js";
export { run } from "./run.js";
export { COMMANDS, GLOBAL_OPTIONS } from "./spec/commands.js";
export type { ArgumentSpec, CommandSpec, HandlerName, OptionSpec } from "./spec/types.js";
