import type { ErrorReport } from "./classify-error.js";

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

const TIMEOUT_FLAGS: Readonly<Record<string, string>> = {
  connect: "--cli-connect-timeout",
  attempt: "--cli-read-timeout",
  total: "--cli-total-timeout",
  wait: "--timeout",
};

/** The messages and codes of an error and of its causes, innermost last. */
function chainText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === "object"; depth++) {
    const e = current as ErrorLike;
    parts.push(String(e.code ?? ""), String(e.message ?? ""));
    current = e.cause;
  }
  return parts.join(" ");
}

/** A TLS handshake answered by a server that speaks plain HTTP (OpenSSL's words for it). */
const TLS_TO_PLAIN = /wrong version number|WRONG_VERSION_NUMBER|packet length too long|http request|EPROTO/i;

function endpointOf(error: ErrorLike): URL | undefined {
  const url = (error as { request?: { url?: unknown } }).request?.url;
  try {
    return typeof url === "string" ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The library's name for an argument, in the user's terms (`jobIds[0]` is the job id they typed). */
function argumentName(path: string): string {
  return /^jobIds?(\[\d+\])?$/.test(path) ? "job id" : path;
}

/**
 * Rewords a classified error in the CLI's terms, keeping its exit status: network and timeout failures name the
 * endpoint and the `--cli-*-timeout` flag instead of the library's option names, give their advice once, and a
 * TLS handshake against a plain-HTTP server suggests `http://`; the CLI's own messages keep their line breaks.
 *
 * @param error - What was thrown.
 * @param report - Its classification (exit status and envelope fields).
 * @returns The report with the message to show.
 * @example
 * ```ts
 * import { explainError } from "./explain-error.js";
 * import { classifyError } from "./classify-error.js";
 * declare const error: unknown;
 * const report = explainError(error, classifyError(error));
 * ```
 * @internal
 */
export function explainError(error: unknown, report: ErrorReport): ErrorReport {
  const e = (error ?? {}) as ErrorLike;
  if (e.name === "CliError" && typeof e.message === "string") return { ...report, message: e.message };
  if (e.name === "CiNetworkError") {
    const url = endpointOf(e);
    const where = url ? `${url.protocol}//${url.host}` : "the service";
    const text = chainText(error);
    if (url?.protocol === "https:" && TLS_TO_PLAIN.test(text)) {
      return {
        ...report,
        message: `could not start TLS with ${where}: it answers in plain HTTP. If it is a plain-HTTP endpoint (as \`cibatch fake\` is), use --endpoint-url http://${url.host}`,
      };
    }
    const sent = (error as { sent?: unknown }).sent === true;
    return {
      ...report,
      message: `cannot reach ${where} (${String(e.code)})${sent ? "; the request may have reached it" : ""}. Check --endpoint-url (or --bucket and --region), DNS, proxy and network, then try again`,
    };
  }
  if (e.name === "CiTimeoutError") {
    const kind = String((error as { timeout?: unknown }).timeout);
    const ms = Number((error as { ms?: unknown }).ms);
    const url = endpointOf(e);
    const flag = TIMEOUT_FLAGS[kind] ?? "--cli-total-timeout";
    const what = kind === "connect" ? "could not connect to" : "no answer from";
    return {
      ...report,
      message: `${what} ${url ? url.host : "the service"} within ${seconds(ms)} (${flag}; 0 = no limit)`,
    };
  }
  if (e.name === "ValidationError") {
    const problems = (error as { problems?: readonly { path: string; message: string }[] }).problems ?? [];
    if (problems.length > 0) {
      return {
        ...report,
        message: `invalid input, nothing was sent:\n${problems.map((p) => `  - ${argumentName(p.path)}: ${p.message}`).join("\n")}`,
      };
    }
  }
  return report;
}
