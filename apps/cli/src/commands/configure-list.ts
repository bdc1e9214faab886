import { maskSecretId } from "@cibatch/ci-client";
import type { CommandHandler } from "../support/context.js";

/**
 * `cibatch configure list`: each effective setting, its value and where it came from (flag, environment, config
 * profile, default). The SecretId shows its last 4 characters, the SecretKey is never shown, a token only as
 * `[REDACTED]`. Missing credentials are reported in the table, not as an error.
 *
 * @example
 * ```ts
 * import { execute } from "./configure-list.js";
 * declare const ctx: import("../support/context.js").CommandContext;
 * const code = await execute(ctx);
 * ```
 * @internal
 */
export const execute: CommandHandler = async (ctx) => {
  const s = ctx.settings;
  const rows: { Name: string; Value: string; Source: string }[] = [];
  const add = (name: string, value: string | undefined, source: string): void => {
    rows.push({ Name: name, Value: value ?? "(not set)", Source: value === undefined ? "-" : source });
  };
  add("profile", s.profile.value, s.profile.source);
  add("region", s.region.value, s.region.source);
  add("bucket", s.bucket.value, s.bucket.source);
  if (s.endpointUrl.value !== undefined) add("endpoint", s.endpointUrl.value, s.endpointUrl.source);
  else if (s.bucket.value !== undefined && s.region.value !== undefined) {
    add("endpoint", `https://${s.bucket.value}.ci.${s.region.value}.myqcloud.com`, "derived");
  } else add("endpoint", undefined, "-");
  try {
    const { credentials, source } = await ctx.credentials();
    const label = source === "env" ? "env TENCENTCLOUD_SECRET_ID" : source;
    add("secret_id", maskSecretId(credentials.secretId), label);
    add("secret_key", "**** (never shown)", source === "env" ? "env TENCENTCLOUD_SECRET_KEY" : source);
    add("token", credentials.sessionToken ? "[REDACTED]" : undefined, source);
  } catch (error) {
    const reason = (error as { code?: unknown }).code;
    rows.push({ Name: "secret_id", Value: "(not set)", Source: `no credentials (${String(reason ?? "error")})` });
    rows.push({ Name: "secret_key", Value: "(not set)", Source: "-" });
    rows.push({ Name: "token", Value: "(not set)", Source: "-" });
  }
  add("output", ctx.format, ctx.formatSource);
  add("color", s.color.value ?? "auto", s.color.value === undefined ? "default" : s.color.source);
  rows.push({
    Name: "config_file",
    Value: s.configFile,
    Source: ctx.io.env.CIBATCH_CONFIG_FILE ? "env CIBATCH_CONFIG_FILE" : "default",
  });
  await ctx.emit({
    data: { Settings: rows },
    table: { columns: ["Name", "Value", "Source"], rows: rows.map((r) => [r.Name, r.Value, r.Source]) },
    text: rows.map((r) => [r.Name, r.Value, r.Source]),
  });
  return 0;
};
