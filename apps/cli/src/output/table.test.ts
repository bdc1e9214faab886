import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";
import { renderTable, type Styles, styleState, tableOf, textOf } from "./table.js";

/** Styles that tag their text, so a test can see which one was used. */
const tags: Styles = {
  bold: (s) => `<b>${s}</b>`,
  red: (s) => `<red>${s}</red>`,
  green: (s) => `<green>${s}</green>`,
  yellow: (s) => `<yellow>${s}</yellow>`,
  cyan: (s) => `<cyan>${s}</cyan>`,
  dim: (s) => `<dim>${s}</dim>`,
};
const plain: Styles = {
  bold: (s) => s,
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
  cyan: (s) => s,
  dim: (s) => s,
};

describe("styleState", () => {
  it("colours each known state and always keeps the word", () => {
    expect(styleState("Success", tags)).toBe("<green>Success</green>");
    expect(styleState("Failed", tags)).toBe("<red>Failed</red>");
    expect(styleState("Running", tags)).toBe("<cyan>Running</cyan>");
    expect(styleState("Pause", tags)).toBe("<yellow>Pause</yellow>");
    expect(styleState("Cancel", tags)).toBe("<yellow>Cancel</yellow>");
    expect(styleState("Submitted", tags)).toBe("Submitted");
  });
});

describe("renderTable", () => {
  it("aligns columns two spaces apart, bolds the header, colours only the State column, no trailing blanks", () => {
    const out = renderTable(
      {
        columns: ["JobId", "State", "Name"],
        rows: [
          ["b1", "Failed", "Failed"],
          ["b22", "Pause", ""],
        ],
      },
      tags,
    );
    expect(out).toBe(
      [
        "<b>JobId</b>  <b>State</b>   <b>Name</b>",
        "b1     <red>Failed</red>  Failed",
        "b22    <yellow>Pause</yellow>",
        "",
      ].join("\n"),
    );
  });

  it("shrinks the widest column with … until the table fits the width", () => {
    const table = { columns: ["Id", "Description"], rows: [["x", "a description that is much too long"]] };
    const out = renderTable(table, plain, 20);
    const lines = out.trimEnd().split("\n");
    expect(lines).toEqual(["Id  Description", "x   a description t…"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(20);
    // No width (a pipe) or a zero width: full values.
    expect(renderTable(table, plain)).toContain("a description that is much too long");
    expect(renderTable(table, plain, 0)).toContain("a description that is much too long");
  });

  it("never cuts a column below 8 characters, even when the table still does not fit", () => {
    const out = renderTable({ columns: ["A", "B"], rows: [["0123456789abc", "0123456789abc"]] }, plain, 5);
    expect(out.split("\n")[1]).toBe("0123456…  0123456…");
  });
});

describe("tableOf", () => {
  it("makes rows of an array of objects, with every key as a column in first-seen order", () => {
    expect(tableOf([{ a: 1 }, { b: [1, 2], a: null }, { c: { d: true } }])).toEqual({
      columns: ["a", "b", "c"],
      rows: [
        ["1", "", ""],
        ["", "[1,2]", ""],
        ["", "", '{"d":true}'],
      ],
    });
  });

  it("makes one Value column for other arrays, Name/Value pairs for an object, one cell for a scalar", () => {
    expect(tableOf([])).toEqual({ columns: ["Value"], rows: [] });
    expect(tableOf(["b1", 2, null, [3], { x: 1 }])).toEqual({
      columns: ["Value"],
      rows: [["b1"], ["2"], [""], ["[3]"], ['{"x":1}']],
    });
    expect(tableOf({ JobId: "b1", Count: 3, Input: { Prefix: "p" }, End: null })).toEqual({
      columns: ["Name", "Value"],
      rows: [
        ["JobId", "b1"],
        ["Count", "3"],
        ["Input", '{"Prefix":"p"}'],
        ["End", ""],
      ],
    });
    expect(tableOf(7)).toEqual({ columns: ["Value"], rows: [["7"]] });
    expect(tableOf(null)).toEqual({ columns: ["Value"], rows: [[""]] });
  });
});

describe("textOf", () => {
  it("writes scalars on a line, arrays one element a line, objects their values tab-separated", () => {
    expect(textOf([])).toBe("");
    expect(textOf("b1")).toBe("b1\n");
    expect(textOf(7)).toBe("7\n");
    expect(textOf(["b1", "b2"])).toBe("b1\nb2\n");
    expect(textOf([[1, "a", null]])).toBe("1\ta\t\n");
    expect(textOf([{ a: 1, b: 2 }, { a: 3 }])).toBe("1\t2\n3\n");
    expect(textOf({ JobId: "b1", Input: { Prefix: "p" }, Tags: [1, 2] })).toBe('b1\t{"Prefix":"p"}\t[1,2]\n');
  });
});

describe("tables of --query results", () => {
  it("an object becomes Name/Value rows and a list of ids one Value column", async () => {
    const h = harness();
    const one = await h.run([
      "jobs",
      "describe",
      "b3deffea2f84911ec9cb15254008618d9",
      "--query",
      "Jobs[0]",
      "-o",
      "table",
    ]);
    expect(one.code).toBe(0);
    const lines = one.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Name\s+Value$/);
    expect(lines).toContain("JobId         b3deffea2f84911ec9cb15254008618d9");
    expect(lines).toContain('Input         {"Prefix":"input"}');
    const ids = await h.run(["jobs", "list", "--query", "Jobs[?State=='Failed'].JobId", "-o", "table"]);
    expect(ids.stdout).toBe("Value\nbc29640f823400022d15ee1663248666a\n");
  });
});
