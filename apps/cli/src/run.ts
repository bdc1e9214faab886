import { CommanderError } from "commander";
import type { CliIo } from "./io.js";
import { buildProgram, type Invocation } from "./program.js";

/**
 * Runs `cibatch` with `argv` (without `node` and the script) against `io`, and resolves with the exit status.
 * Never calls `process.exit` and never touches a global: everything goes through `io`. Only what `--help` needs
 * is loaded up front; each command's module (and the client, YAML, JMESPath) loads when it runs.
 *
 * @param argv - The arguments, e.g. `["jobs", "describe", "b3deffea2f84911ec9cb15254008618d9"]`.
 * @param io - Streams, environment, `fetch`, clock and TTY facts.
 * @returns The exit status (see {@link EXIT_CODES}).
 * @example
 * ```ts
 * import { run } from "@cibatch/cli";
 * import { createFakeCi, DEMO_ACCOUNT } from "@cibatch/testing-fakes";
 *
 * const fake = createFakeCi();
 * let out = "";
 * const code = await run(["jobs", "list", "-o", "json"], {
 *   stdout: { write: (text) => (out += text) },
 *   stderr: { write: () => true },
 *   env: {
 *     CIBATCH_BUCKET: "examplebucket-1250000000",
 *     CIBATCH_REGION: "ap-beijing",
 *     TENCENTCLOUD_SECRET_ID: DEMO_ACCOUNT.secretId,
 *     TENCENTCLOUD_SECRET_KEY: DEMO_ACCOUNT.secretKey,
 *   },
 *   fetch: fake.fetch,
 * });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let invocation: Invocation | undefined;
  let parseError: string | undefined;
  const program = buildProgram(
    io,
    (parsed) => {
      invocation = parsed;
    },
    (text) => {
      parseError = text;
    },
  );
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
      // A group without its subcommand (`cibatch jobs`): commander printed the group's help on stderr.
      if (error.code === "commander.help") return 2;
      const { reportUsageError } = await import("./execute.js");
      return reportUsageError(parseError ?? error.message, argv, io);
    }
    const { reportUnexpected } = await import("./execute.js");
    return reportUnexpected(error, io);
  }
  if (invocation === undefined) return 0;
  const { execute } = await import("./execute.js");
  return execute(invocation, io);
}
