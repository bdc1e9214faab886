import { parseAuthorization, type SignatureParts, signRequest } from "@cibatch/signer";
import { CliError } from "../cli-error.js";
import { EXIT } from "../exit-codes.js";
import type { CommandContext, CommandHandler } from "../support/context.js";

const strings = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function parseHeaders(values: readonly string[]): [string, string][] {
  return values.map((value) => {
    const colon = value.indexOf(":");
    if (colon <= 0) throw new CliError("USAGE", `--header ${value}: expected "Name: value"`);
    return [value.slice(0, colon).trim(), value.slice(colon + 1).trim()];
  });
}

function buildUrl(ctx: CommandContext, headers: [string, string][]): URL {
  const given = text(ctx.options.url);
  if (given !== undefined) {
    try {
      return new URL(given);
    } catch {
      throw new CliError("USAGE", `--url ${given}: not an absolute URL`);
    }
  }
  const hostHeader = headers.find(([name]) => name.toLowerCase() === "host")?.[1];
  const { bucket, region } = ctx.settings;
  const host =
    hostHeader ?? (bucket.value && region.value ? `${bucket.value}.ci.${region.value}.myqcloud.com` : undefined);
  if (host === undefined) {
    throw new CliError(
      "CONFIG",
      'no Host: pass --header "Host: <bucket>.ci.<region>.myqcloud.com", --url, or --bucket and --region',
    );
  }
  const path = text(ctx.options.path) ?? "/inventorytriggerjob";
  if (!path.startsWith("/")) throw new CliError("USAGE", `--path ${path}: must start with /`);
  const url = new URL(`https://${host}`);
  // Decode first so a %-encoded path and a decoded one sign the same.
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw new CliError("USAGE", `--path ${path}: malformed %-encoding`);
  }
  url.pathname = decoded;
  const params = strings(ctx.options.param).map((pair) => {
    const eq = pair.indexOf("=");
    return eq < 0
      ? `${encodeURIComponent(pair)}`
      : `${encodeURIComponent(pair.slice(0, eq))}=${encodeURIComponent(pair.slice(eq + 1))}`;
  });
  url.search = params.join("&");
  return url;
}

function marked(value: string): string {
  return value
    .split("\n")
    .map((line, i, all) => (i < all.length - 1 ? `  ${line}⏎` : line ? `  ${line}` : ""))
    .filter((line, i, all) => i < all.length - 1 || line !== "")
    .join("\n");
}

function partsText(parts: SignatureParts, method: string, url: URL): string {
  return [
    `Request        ${method} ${url.pathname}${url.search}`,
    `KeyTime        ${parts.keyTime}`,
    `SignTime       ${parts.signTime}`,
    `HeaderList     ${parts.headerList}`,
    `UrlParamList   ${parts.urlParamList}`,
    "HttpString (⏎ marks each \\n):",
    marked(parts.httpString),
    `SHA1(HttpString)  ${parts.sha1HttpString}`,
    "StringToSign (⏎ marks each \\n):",
    marked(parts.stringToSign),
    `Signature      ${parts.signature}`,
    `Authorization  ${parts.authorization}`,
    "",
  ].join("\n");
}

/**
 * `cibatch sign`: signs a described request with the configured credentials and prints every intermediate value
 * (KeyTime, lists, HttpString, SHA1, StringToSign, signature, Authorization), never the SecretKey or the SignKey.
 * With `--check <authorization>` it re-signs with that header's KeyTime and lists and reports what differs
 * (exit 4 when the signature does not match).
 *
 * @example
 * ```ts
 * import { execute } from "./sign.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const headers = parseHeaders(strings(ctx.options.header));
  const url = buildUrl(ctx, headers);
  if (!headers.some(([name]) => name.toLowerCase() === "host")) headers.push(["Host", url.host]);
  const method = (text(ctx.options.method) ?? "GET").toUpperCase();
  const check = text(ctx.options.check);
  const captured = check === undefined ? undefined : parseAuthorization(check);
  const { credentials } = await ctx.credentials();
  const keyTime = captured?.keyTime ?? text(ctx.options.keyTime);
  const signHeaders = captured ? captured.headerList : strings(ctx.options.signHeader);
  const signParams = captured ? captured.urlParamList : strings(ctx.options.signParam);
  const signed = await signRequest({
    method,
    url,
    headers,
    credentials,
    now: ctx.now(),
    ...(keyTime !== undefined && { keyTime }),
    ...((captured || signHeaders.length > 0) && { headersToSign: signHeaders }),
    ...((captured || signParams.length > 0) && { paramsToSign: signParams }),
  });
  const parts = signed.parts;
  const findings: string[] = [];
  if (captured) {
    if (captured.secretId !== credentials.secretId)
      findings.push(`q-ak differs: the captured request was signed with another SecretId`);
    if (captured.signTime !== captured.keyTime)
      findings.push(
        `q-sign-time (${captured.signTime}) differs from q-key-time (${captured.keyTime}): unusual; the signature uses q-key-time`,
      );
    if (captured.signature !== parts.signature) {
      findings.push(
        "q-signature differs: with the same KeyTime and lists, the HttpString above (method, decoded path, parameters, header values) or the SecretKey differs from what the captured request used",
      );
    }
  }
  if (ctx.format === "json" || ctx.format === "yaml") {
    await ctx.emit({
      data: {
        Method: method,
        Url: url.toString(),
        KeyTime: parts.keyTime,
        SignTime: parts.signTime,
        HeaderList: parts.headerList,
        UrlParamList: parts.urlParamList,
        HttpString: parts.httpString,
        Sha1HttpString: parts.sha1HttpString,
        StringToSign: parts.stringToSign,
        Signature: parts.signature,
        Authorization: parts.authorization,
        ...(captured && { Check: { Match: findings.length === 0, Findings: findings } }),
      },
    });
  } else {
    ctx.io.stdout.write(partsText(parts, method, url));
    if (captured)
      ctx.io.stdout.write(
        findings.length === 0
          ? "Check          the captured signature matches\n"
          : findings.map((f) => `Check          ${f}\n`).join(""),
      );
  }
  const end = Number(parts.keyTime.split(";")[1]);
  if (Number.isFinite(end) && end * 1000 > ctx.now()) {
    ctx.note(
      `cibatch: note: this Authorization is a live credential until ${new Date(end * 1000).toISOString()}; do not share it`,
    );
  }
  return captured && findings.some((f) => f.startsWith("q-signature") || f.startsWith("q-ak")) ? EXIT.AUTH : EXIT.OK;
};
