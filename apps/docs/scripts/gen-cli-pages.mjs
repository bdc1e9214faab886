// Writes the pages generated from the CLI's command declarations (apps/cli/src/spec) into generated/:
// the CLI reference (cliReferenceMarkdown(), the same source as --help and the completions) and the exit-code
// page (EXIT_CODES, the same table as `cibatch help exit-codes`). generated/ is git-ignored: the pages are rebuilt
// by every `pnpm run docs`, so they cannot drift from the code. Needs @cibatch/cli built (the turbo `docs` task
// depends on ^build).
import { mkdirSync, writeFileSync } from "node:fs";

let cli;
try {
  cli = await import("@cibatch/cli");
} catch (error) {
  console.error("gen-cli-pages: cannot load @cibatch/cli (build it first: pnpm turbo run build --filter=@cibatch/cli)");
  throw error;
}
if (typeof cli.cliReferenceMarkdown !== "function" || !Array.isArray(cli.EXIT_CODES)) {
  throw new Error("gen-cli-pages: @cibatch/cli must export cliReferenceMarkdown() and EXIT_CODES");
}

const out = new URL("../generated/", import.meta.url);
mkdirSync(out, { recursive: true });

const cell = (text) => String(text).replace(/\|/g, "\\|").replace(/\n/g, " ");
// TypeDoc reads Markdown with raw HTML allowed: placeholders such as <bucket> outside code must be escaped.
const escapeAngles = (markdown) =>
  markdown
    .split(/(```[\s\S]*?```)/g)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(`[^`\n]*`)|<(?!!--)/g, (_m, code) => code ?? "&lt;")))
    .join("");

// TypeDoc makes a heading's anchor from its text without code spans and punctuation, so a heading that is all
// code (## `cibatch jobs list`) gets "#_", "#_-1", ... Each command's heading must give its own name as anchor.
const slug = (heading) =>
  heading
    .replace(/`[^`]*`/g, "")
    .trim()
    .replace(/[\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&()*+,./:;<=>?@[\]^`{|}~]/g, "")
    .replace(/\s/g, "-")
    .toLowerCase();
const anchorsOf = (markdown) =>
  markdown.split(/```[\s\S]*?```/).flatMap((part) => [...part.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1])));
const anchors = anchorsOf(cli.cliReferenceMarkdown());
const bad = anchors.filter((anchor, i) => anchor === "" || anchors.indexOf(anchor) !== i);
if (bad.length > 0 || !anchors.includes("jobs-describe")) {
  throw new Error(
    `gen-cli-pages: CLI reference headings must give distinct command-name anchors; got ${anchors.join(", ")}`,
  );
}

const reference = escapeAngles(cli.cliReferenceMarkdown());
writeFileSync(
  new URL("cli-reference.md", out),
  `---\ntitle: CLI reference\ngroup: CLI\n---\n\n${reference.trimEnd()}\n\nSee also the [CLI guide](../guides/cli.md) and the [exit codes](./exit-codes.md).\n`,
);

const rows = cli.EXIT_CODES.map((row) => `| ${row.code} | ${cell(row.meaning)} |`);
writeFileSync(
  new URL("exit-codes.md", out),
  [
    "---",
    "title: Exit codes",
    "group: CLI",
    "---",
    "",
    "# Exit codes",
    "",
    "<!-- Generated from EXIT_CODES in apps/cli/src/exit-codes.ts; do not edit by hand. -->",
    "",
    "Every `cibatch` command ends with one of these statuses; they are stable across minor versions.",
    "`cibatch help exit-codes` prints the same table, and `EXIT` / `EXIT_CODES` export it for scripts written in TypeScript.",
    "",
    "| Code | Meaning |",
    "| --- | --- |",
    ...rows,
    "",
    "In a shell script:",
    "",
    "```sh",
    'cibatch jobs wait "$job" --until success --timeout 3600',
    "case $? in",
    "  0) echo done ;;",
    "  8) echo 'still running after an hour' ;;",
    "  9) cibatch jobs describe \"$job\" --query 'Jobs[0].[Code,Message]' -o text ;;",
    "  *) exit 1 ;;",
    "esac",
    "```",
    "",
    "Status 10 (create outcome unknown) means the job **may** exist: list jobs by name before creating it again",
    "(see [Retries, timeouts and create idempotency](../guides/retries-and-idempotency.md)).",
    "",
  ].join("\n"),
);
console.log(`gen-cli-pages: wrote ${new URL("cli-reference.md", out).pathname} and exit-codes.md`);
