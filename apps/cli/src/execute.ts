import { setTimeout as delay } from "node:timers/promises";
import type { CiClient, ResolvedCredentials } from "@cibatch/ci-client";
import pc from "picocolors";
import { CliError } from "./cli-error.js";
import type { CliIo } from "./io.js";
import { colourEnabled } from "./output/colour.js";
import { type OutputFormat, type OutputView, renderView } from "./output/render.js";
import type { Styles } from "./output/table.js";
import { terminalWidth } from "./output/terminal-width.js";
import type { TimeContext, TimeFormat } from "./output/times.js";
import { wrapText } from "./output/wrap.js";
import { cliVersion, type Invocation } from "./program.js";
import { checkSettings, resolveSettings } from "./settings/settings.js";
import type { HandlerName } from "./spec/types.js";
import { classifyError, type ErrorReport } from "./support/classify-error.js";
import type { CommandContext, CommandHandler } from "./support/context.js";
import { parseSeconds } from "./support/duration.js";

const HANDLERS: Readonly<Record<HandlerName, () => Promise<{ execute: CommandHandler }>>> = {
  "jobs-create": () => import("./commands/jobs-create.js"),
  "jobs-describe": () => import("./commands/jobs-describe.js"),
  "jobs-list": () => import("./commands/jobs-list.js"),
  "jobs-cancel": () => import("./commands/jobs-cancel.js"),
  "jobs-wait": () => import("./commands/jobs-wait.js"),
  "jobs-watch": () => import("./commands/jobs-watch.js"),
  configure: () => import("./commands/configure.js"),
  "configure-list": () => import("./commands/configure-list.js"),
  "configure-set": () => import("./commands/configure-set.js"),
  "configure-get": () => import("./commands/configure-get.js"),
  sign: () => import("./commands/sign.js"),
  fake: () => import("./commands/fake.js"),
  completion: () => import("./commands/completion.js"),
  help: () => import("./commands/help.js"),
};

const PLAIN: Styles = pc.createColors(false);

function isCi(env: CliIo["env"]): boolean {
  return env.CI === "true" || env.CI === "1";
}

function writeError(report: ErrorReport, json: boolean, io: CliIo, styles: Styles): number {
  const message = report.message.trimEnd();
  const text = `cibatch: error: ${message}${/[.!?:]$/.test(message) ? "" : "."}`;
  // On a terminal, long messages wrap at its width (between words); a pipe gets each message on one line.
  const wrapped = io.isTTY?.stderr === true ? wrapText(text, terminalWidth(io, "stderr"), "  ") : text;
  io.stderr.write(`${styles.red("cibatch: error:")}${wrapped.slice("cibatch: error:".length)}\n`);
  if (json) {
    const envelope = {
      error: {
        code: report.code,
        message: report.message,
        requestId: report.requestId ?? null,
        httpStatus: report.httpStatus ?? null,
        retryable: report.retryable,
      },
    };
    io.stderr.write(`${JSON.stringify(envelope)}\n`);
  }
  return report.exitCode;
}

function stylesFor(io: CliIo, stream: "stdout" | "stderr", when: string | undefined): Styles {
  return pc.createColors(colourEnabled(when, io.env, io.isTTY?.[stream] === true));
}

function guessJsonOutput(argv: readonly string[], io: CliIo): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === "-o" || arg === "--output") && i + 1 < argv.length) return argv[i + 1] === "json";
    if (arg?.startsWith("--output=")) return arg.slice(9) === "json";
  }
  if (io.env.CIBATCH_OUTPUT) return io.env.CIBATCH_OUTPUT.toLowerCase() === "json";
  return io.isTTY?.stdout !== true;
}

/**
 * Reports a command-line parse error (exit 2) in the CLI's error format.
 *
 * @param text - Commander's error text.
 * @param argv - The arguments (to find `--output json`).
 * @param io - The streams.
 * @returns 2.
 * @example
 * ```ts
 * import { reportUsageError } from "./execute.js";
 * declare const io: import("./io.js").CliIo;
 * await reportUsageError("error: unknown option '--x'", ["--x"], io); // 2
 * ```
 * @internal
 */
export async function reportUsageError(text: string, argv: readonly string[], io: CliIo): Promise<number> {
  const { commandPathOf } = await import("./support/command-path.js");
  const message = text
    .replace(/^error:\s*/i, "")
    .replace(/\s*\n\s*/g, " ")
    .trim();
  const help = ["cibatch", ...commandPathOf(argv), "--help"].join(" ");
  const report: ErrorReport = {
    exitCode: 2,
    code: "USAGE",
    message: `${message.replace(/\.$/, "")}${/--help/.test(message) ? "" : `; see \`${help}\``}`,
    retryable: false,
  };
  return writeError(report, guessJsonOutput(argv, io), io, stylesFor(io, "stderr", undefined));
}

/**
 * Reports an error thrown outside a command (a bug): exit 1.
 *
 * @param error - What was thrown.
 * @param io - The streams.
 * @returns The exit status.
 * @example
 * ```ts
 * import { reportUnexpected } from "./execute.js";
 * declare const io: import("./io.js").CliIo;
 * await reportUnexpected(new Error("boom"), io); // 1
 * ```
 * @internal
 */
export async function reportUnexpected(error: unknown, io: CliIo): Promise<number> {
  const { explainError } = await import("./support/explain-error.js");
  return writeError(
    explainError(error, classifyError(error)),
    guessJsonOutput([], io),
    io,
    stylesFor(io, "stderr", undefined),
  );
}

function flag(globals: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = globals[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * Runs a parsed command: resolves settings and output rules, builds the context, loads the command's module,
 * and turns any error into one line on stderr (plus a JSON envelope with `-o json`) and its exit status.
 *
 * @param invocation - The parsed command line.
 * @param io - The streams and environment.
 * @returns The exit status.
 * @example
 * ```ts
 * import { execute } from "./execute.js";
 * declare const io: import("./io.js").CliIo;
 * await execute({ handler: "help", path: ["help"], args: [["exit-codes"]], options: {}, globals: {} }, io);
 * ```
 * @internal
 */
export async function execute(invocation: Invocation, io: CliIo): Promise<number> {
  const globals = invocation.globals;
  const colorFlag = globals.color;
  let stderrStyles = stylesFor(io, "stderr", colorFlag === false ? "off" : flag(globals, "color"));
  let json = guessJsonOutput([], io);
  if (flag(globals, "output") !== undefined) json = globals.output === "json";
  const controller = new AbortController();
  const unsubscribe = io.onSignal?.((signal) =>
    controller.abort(new CliError("INTERRUPTED", `interrupted by ${signal}`)),
  );
  const now = (): number => (io.clock ? io.clock.now() : Date.now());
  try {
    const settings = await resolveSettings(
      {
        profile: flag(globals, "profile"),
        region: flag(globals, "region"),
        bucket: flag(globals, "bucket"),
        endpointUrl: flag(globals, "endpointUrl"),
        output: flag(globals, "output"),
        color: typeof colorFlag === "boolean" ? colorFlag : flag(globals, "color"),
      },
      io,
      // `configure` and `configure set` create the profile they are given.
      { profileMustExist: invocation.handler !== "configure" && invocation.handler !== "configure-set" },
    );
    checkSettings(settings, (line) => io.stderr.write(`${line}\n`));
    const colourWhen = settings.color.value?.toLowerCase();
    stderrStyles = stylesFor(io, "stderr", colourWhen);
    const stdoutStyles = stylesFor(io, "stdout", colourWhen);
    const outputValue = settings.output.value?.toLowerCase();
    const format = (outputValue ?? (io.isTTY?.stdout ? "table" : "json")) as OutputFormat;
    const width = terminalWidth(io, "stdout");
    const timeFormat = flag(globals, "timeFormat") as TimeFormat | undefined;
    const times: TimeContext = {
      format: timeFormat ?? (format === "table" && io.isTTY?.stdout === true ? "relative" : "service"),
      now: now(),
      timeZone: io.env.TZ,
    };
    json = format === "json";
    const formatSource =
      outputValue !== undefined ? settings.output.source : io.isTTY?.stdout ? "TTY default" : "pipe default";
    const debugEnv = io.env.CIBATCH_DEBUG?.trim().toLowerCase();
    if (debugEnv !== undefined && !["", "0", "1", "true", "false"].includes(debugEnv)) {
      throw new CliError(
        "CONFIG",
        `CIBATCH_DEBUG=${io.env.CIBATCH_DEBUG}: use 1 (or true) to turn the trace on, 0 to turn it off`,
      );
    }
    const debug = globals.debug === true || debugEnv === "1" || debugEnv === "true";
    const timeouts = {
      connect: flag(globals, "cliConnectTimeout"),
      read: flag(globals, "cliReadTimeout"),
      total: flag(globals, "cliTotalTimeout"),
    };
    const timeoutOptions = {
      ...(timeouts.connect !== undefined && {
        connectTimeoutMs: parseSeconds(timeouts.connect, "--cli-connect-timeout"),
      }),
      ...(timeouts.read !== undefined && { attemptTimeoutMs: parseSeconds(timeouts.read, "--cli-read-timeout") }),
      ...(timeouts.total !== undefined && { deadlineMs: parseSeconds(timeouts.total, "--cli-total-timeout") }),
    };
    const query = flag(globals, "query");
    const ci = isCi(io.env);
    const interactive = globals.input !== false && !ci && io.isTTY?.stdin === true && io.isTTY?.stderr === true;
    const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
      io.sleep ? io.sleep(ms, signal) : delay(ms, undefined, signal ? { signal } : {});
    const note = (line: string): void => {
      io.stderr.write(`${io.isTTY?.stderr === true ? wrapText(line, terminalWidth(io, "stderr"), "  ") : line}\n`);
    };
    let credentials: Promise<ResolvedCredentials> | undefined;
    let chain: import("@cibatch/ci-client").CredentialChain | undefined;
    let client: Promise<CiClient> | undefined;
    const getChain = async (): Promise<import("@cibatch/ci-client").CredentialChain> => {
      if (chain === undefined) {
        const { defaultCredentialChain } = await import("@cibatch/ci-client");
        chain = defaultCredentialChain({
          env: io.env,
          profile: settings.profile.value ?? "default",
          ...(io.homedir && { homedir: io.homedir }),
          logger: { warn: (message: string) => note(`${stderrStyles.yellow("cibatch: warning:")} ${message}`) },
        });
      }
      return chain;
    };
    const ctx: CommandContext = {
      io,
      args: invocation.args,
      options: invocation.options,
      settings,
      format,
      formatSource,
      times,
      width,
      stdoutStyles,
      stderrStyles,
      debug,
      yes: globals.yes === true,
      interactive,
      liveStderr: io.isTTY?.stderr === true && !ci,
      signal: controller.signal,
      now,
      sleep,
      note,
      async emit(view: OutputView): Promise<void> {
        io.stdout.write(
          await renderView(view, { format, query, styles: stdoutStyles, plainStyles: PLAIN, maxWidth: width }),
        );
      },
      credentials(): Promise<ResolvedCredentials> {
        credentials ??= getChain().then((c) => c.resolve());
        return credentials;
      },
      client(): Promise<CiClient> {
        client ??= (async () => {
          const { createClient } = await import("./support/make-client.js");
          return createClient({
            settings,
            io,
            chain: await getChain(),
            timeouts: timeoutOptions,
            debug,
            note,
            now,
            sleep,
            version: cliVersion(),
          });
        })();
        return client;
      },
    };
    const module = await HANDLERS[invocation.handler]();
    return await module.execute(ctx);
  } catch (error) {
    const reason = controller.signal.aborted ? controller.signal.reason : undefined;
    const failure = reason ?? error;
    const { explainError } = await import("./support/explain-error.js");
    return writeError(explainError(failure, classifyError(failure)), json, io, stderrStyles);
  } finally {
    unsubscribe?.();
  }
}
