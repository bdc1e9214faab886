import { describe, expect, it } from "vitest";
import { parseProfileSections } from "./profile-sections.js";

describe("parseProfileSections", () => {
  it("returns each section's keys, ignoring comments and keys outside sections", () => {
    const sections = parseProfileSections(
      [
        "stray = ignored",
        "; a comment",
        "# another",
        "[default]",
        "secret_id = AKIDEXAMPLE1234",
        "secret_key=abc==",
        "",
        "[prod]",
        "  secret_id =  AKIDPROD5678  ",
        "token = t0k3n ; inline comment",
      ].join("\r\n"),
    );
    expect([...sections.keys()]).toEqual(["default", "prod"]);
    expect(sections.get("default")).toEqual({ secret_id: "AKIDEXAMPLE1234", secret_key: "abc==" });
    expect(sections.get("prod")).toEqual({ secret_id: "AKIDPROD5678", token: "t0k3n" });
  });

  it("finds dotted section names as written", () => {
    const sections = parseProfileSections(
      "[team]\nsecret_id = A\n[team.prod]\nsecret_id = B\n[other.eu]\nsecret_id = C\n",
    );
    expect(sections.get("team")).toEqual({ secret_id: "A" });
    expect(sections.get("team.prod")).toEqual({ secret_id: "B" });
    expect(sections.get("other.eu")).toEqual({ secret_id: "C" });
    // `other` is only the parent the parser invented for `[other.eu]`.
    expect(sections.has("other")).toBe(false);
  });

  it("keeps an empty section and returns none for an empty file", () => {
    expect([...parseProfileSections("[empty]\n").entries()]).toEqual([["empty", {}]]);
    expect(parseProfileSections("").size).toBe(0);
  });
});
