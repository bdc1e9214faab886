import { describe, expect, it } from "vitest";
import { jobIdProblems } from "./job-id.js";

describe("jobIdProblems", () => {
  // api.md §7.3 and §6 sample ids.
  const valid = ["b3deffea2f84911ec9cb15254008618d9", "be8f65004eb8511eaaed4f377124a303c", "b-xxx-xxx-xxx-xxxx", "B_1"];
  it.each(valid)("accepts %s", (id) => {
    expect(jobIdProblems(id)).toEqual([]);
  });

  const invalid: ReadonlyArray<readonly [string, unknown, RegExp]> = [
    ["empty", "", /must not be empty/],
    ["not a string", 123, /must be a string/],
    ["a ../ traversal", "../inventorytriggerjob", /must not contain '\/'/],
    ["a slash", "b3de/ffea", /must not contain '\/'/],
    ["a backslash", "b3de\\ffea", /must not contain '\/' or '\\'/],
    ["an encoded slash", "b3de%2Fffea", /percent-encoded/],
    ["an encoded traversal", "%2E%2E", /percent-encoded/],
    ["a space", "b3de ffea", /whitespace or control/],
    ["a trailing newline", "b3deffea\n", /whitespace or control/],
    ["a tab", "\tb3de", /whitespace or control/],
    ["a NUL", "b3de\u0000", /whitespace or control/],
    ["DEL", "b3de\u007f", /whitespace or control/],
    ["a comma", "b1,b2", /must not contain ','/],
    ["a dot segment", "..", /may only contain letters/],
    ["a query", "b3de?cancel", /may only contain letters/],
    ["a fragment", "b3de#x", /may only contain letters/],
    ["non-ASCII", "b3dé", /may only contain letters/],
    ["too long", "b".repeat(129), /at most 128/],
  ];
  it.each(invalid)("rejects %s", (_name, id, message) => {
    const problems = jobIdProblems(id, "jobIds[0]");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("jobIds[0]");
    expect(problems[0]?.message).toMatch(message);
  });

  it("shows control characters escaped in the message", () => {
    expect(jobIdProblems("b3de\n")[0]?.message).toContain('"b3de\\n"');
  });
});
