import { type HeadersInput, REDACTED, redactHeaders, redactText } from "@cibatch/signer";
import { isCiError } from "./ci-error.js";

/**
 * Redacts a URL's signature and token parameters and masks its SecretId (`q-ak`).
 *
 * @param url - The URL.
 * @returns The redacted text.
 * @public
 */
export function redactUrl(url: string | URL): string {
  return redactText(typeof url === "string" ? url : url.href);
}

/**
 * A redacted, single-line excerpt of a body (control characters and runs of whitespace collapse
 * to one space), at most `max` characters.
 * @internal
 */
export function redactedExcerpt(text: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this collapses.
  const flat = redactText(text).replace(/[\s\u0000-\u001f\u007f]+/g, " ");
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}

const MAX_CAUSE_DEPTH = 10;

/**
 * A copy of an error (and its `cause` chain) with secrets redacted from messages and stacks. Our
 * own errors are already redacted and returned as they are; a string is redacted as text.
 * @internal
 */
export function redactCause(cause: unknown, depth = 0): unknown {
  if (typeof cause === "string") return redactText(cause);
  if (!(cause instanceof Error) || depth >= MAX_CAUSE_DEPTH || isCiError(cause)) return cause;
  const inner = "cause" in cause ? redactCause(cause.cause, depth + 1) : undefined;
  const message = redactText(cause.message);
  const stack = cause.stack === undefined ? undefined : redactText(cause.stack);
  const changed = message !== cause.message || stack !== cause.stack || ("cause" in cause && inner !== cause.cause);
  if (!changed) return cause;
  const copy = new Error(message, "cause" in cause ? { cause: inner } : undefined);
  Object.defineProperty(copy, "name", { value: cause.name, configurable: true, writable: true });
  if (stack !== undefined) copy.stack = stack;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  return copy;
}

/** Text fields of our errors that may quote what a server or a provider said. */
const TEXT_FIELDS = ["message", "stack", "excerpt", "body", "serverMessage"] as const;

/**
 * Replaces every exact occurrence of the given secret values (the SecretKey and session token a
 * client holds) with `[REDACTED]`, in an error's message, stack, body excerpt and whole `cause`
 * chain, or in a string or a plain record of log fields. Values shorter than 4 characters are
 * ignored (they would match by chance). Returns the input itself when nothing matched.
 * @internal
 */
export function scrubSecrets<T>(value: T, secrets: ReadonlySet<string>, depth = 0): T {
  if (secrets.size === 0 || depth > MAX_CAUSE_DEPTH) return value;
  if (typeof value === "string") {
    let text: string = value;
    for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join(REDACTED);
    return text as T;
  }
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Error) {
    const error = value as Error & Record<string, unknown>;
    for (const field of TEXT_FIELDS) {
      const text = error[field];
      if (typeof text !== "string") continue;
      const clean = scrubSecrets(text, secrets);
      if (clean !== text) Object.defineProperty(error, field, { value: clean, configurable: true, writable: true });
    }
    if ("cause" in error) {
      const cause = scrubSecrets(error.cause, secrets, depth + 1);
      if (cause !== error.cause)
        Object.defineProperty(error, "cause", { value: cause, configurable: true, writable: true });
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, secrets, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = scrubSecrets(field, secrets, depth + 1);
  return out as T;
}

/**
 * A request as an error received it, before redaction.
 *
 * @public
 */
export interface FailedRequest {
  /** The HTTP method. */
  readonly method: string;
  /** The URL the request went to. */
  readonly url: string | URL;
  /** The request headers. */
  readonly headers?: HeadersInput;
}

/**
 * A request as an error shows it: signature and tokens redacted, SecretId masked.
 *
 * @public
 */
export interface RequestSummary {
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The URL, redacted. */
  readonly url: string;
  /** The headers, lower-cased and redacted, when they were given. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** The redacted summary of a request, as errors keep it. @internal */
export function summarizeRequest(request: FailedRequest): RequestSummary {
  return Object.freeze({
    method: String(request.method).toUpperCase(),
    url: redactUrl(request.url),
    ...(request.headers !== undefined && { headers: Object.freeze(redactHeaders(request.headers)) }),
  });
}

/** ` on GET /inventorytriggerjob/…` for a message, or `""` without a request. @internal */
export function describeRequest(request: RequestSummary | undefined): string {
  if (request === undefined) return "";
  let target = request.url;
  try {
    const url = new URL(request.url);
    target = `${url.pathname}${url.search}`;
  } catch {
    // A relative URL: print it as it is (already redacted).
  }
  return ` on ${request.method} ${target}`;
}
