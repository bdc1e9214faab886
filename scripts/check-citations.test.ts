import { describe, expect, it } from "vitest";
import { findCitations } from "./check-citations.mjs";

const what = (text: string): string[] => findCitations(text).map((finding: { what: string }) => finding.what);

describe("findCitations", () => {
  it.each([
    ["// see api.md §5.2 for the list sample", ["a design document", "a § outside a public standard's citation"]],
    ["// as cli.md says", ["a design document"]],
    ["// reliability §3: retries", ["a design document", "a § outside a public standard's citation"]],
    ['readFileSync("../shared/spec/signature-vectors.json")', ["a path beside the repository"]],
    ["// asked for by the issue", ['"the issue"']],
    ["// design card §7", ['"design card"', "a § outside a public standard's citation"]],
    ["// the seed document's sample job", ['"seed document"']],
    ["// the order of §4.2", ["a § outside a public standard's citation"]],
  ])("reports %j", (text, expected) => {
    expect(what(text)).toEqual(expected);
  });

  it.each([
    "// RFC 9112 §3.2.2: the Host header",
    "// RFC 3986 §2.3 and §3.3 leave these unreserved",
    "// ECMA-262 §7.1.6 ToInt32",
    "// FIPS 180-4 §6.1",
    "see [the record](docs/decisions/0004-signer-signing-choices.md)",
    "packages/signer/api-report.api.md is generated",
    "[CLI guide](guides/cli.md)",
    "an issue of the official SDK",
  ])("accepts %j", (text) => {
    expect(findCitations(text)).toEqual([]);
  });

  it("names the line of each finding", () => {
    expect(findCitations("fine\n// api.md\nfine").map((f: { line: number }) => f.line)).toEqual([2]);
  });
});
