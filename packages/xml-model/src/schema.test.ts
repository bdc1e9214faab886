import { describe, expect, it } from "vitest";
import { type DecodeWarning, decode } from "./decode.js";
import { encode } from "./encode.js";
import { isXmlModelError, XmlModelError } from "./errors.js";
import {
  boolean,
  integer,
  literal,
  object,
  opaque,
  openEnum,
  optional,
  repeated,
  type SchemaNode,
  text,
  time,
  union,
} from "./schema.js";

function fail(run: () => unknown): XmlModelError {
  try {
    run();
  } catch (error) {
    if (error instanceof XmlModelError) return error;
    throw error;
  }
  throw new Error("expected an XmlModelError");
}

const leaf = (schema: SchemaNode, body: string): unknown => decode(schema, `<V>${body}</V>`, { root: "V" });

describe("leaves", () => {
  it("never coerces text: ids, numbers and booleans stay strings", () => {
    for (const body of ["0123", "0x1f", "1e3", "true", " padded "]) expect(leaf(text(), body)).toBe(body.trim());
    expect(leaf(text(), "")).toBe("");
  });

  it("reads integers strictly", () => {
    expect(leaf(integer(), "2")).toBe(2);
    expect(leaf(integer(), "-0")).toBe(0);
    expect(leaf(integer(), "0042")).toBe(42);
    for (const bad of ["", "1.5", "1e3", "0x1", "9007199254740993", "two"]) {
      expect(fail(() => leaf(integer(), bad)).expected).toBe("an integer");
    }
  });

  it("reads booleans strictly", () => {
    expect(leaf(boolean(), "true")).toBe(true);
    expect(leaf(boolean(), "false")).toBe(false);
    expect(() => leaf(boolean(), "1")).toThrow(/true or false/);
  });

  it("reads times in the API's format and refuses others", () => {
    expect((leaf(time(), "2022-06-27T15:23:10+0800") as Date).toISOString()).toBe("2022-06-27T07:23:10.000Z");
    expect(() => leaf(time(), "-")).toThrow(/V: expected a time/);
    expect(() => leaf(time(), "")).toThrow(XmlModelError);
  });

  it("checks literals and accepts any string for open enums", () => {
    expect(leaf(literal("Job"), "Job")).toBe("Job");
    expect(() => leaf(literal("Job"), "job")).toThrow(/expected "Job", found "job"/);
    const State = openEnum(["Running", "Success"]);
    expect(State.values).toEqual(["Running", "Success"]);
    expect(leaf(State, "Paused")).toBe("Paused");
  });

  it("reports a child element where text is expected, keeping it (or refusing it when strict)", () => {
    const error = fail(() => decode(object({ Name: text() }), "<D><Name><B/></Name></D>", { root: "D", strict: true }));
    expect(error.path).toBe("D.Name");
    expect(error.found).toContain("<B>");
    const warnings: DecodeWarning[] = [];
    const value = decode(object({ Name: text() }), "<D><Name><B/></Name></D>", {
      root: "D",
      onWarning: (warning) => warnings.push(warning),
    });
    expect(value).toEqual({ $unknown: [{ name: "Name", children: [{ name: "B", children: [] }] }] });
    expect(warnings).toEqual([
      {
        path: "D.Name",
        expected: "text",
        found: '"a child element <B>"',
        message: 'D.Name: expected text, found "a child element <B>"; kept in $unknown.',
      },
    ]);
  });

  it("concatenates text and CDATA", () => {
    expect(leaf(text(), "a<![CDATA[<b>]]>c")).toBe("a<b>c");
  });
});

describe("optional, repeated, objects", () => {
  const Doc = object({
    Id: text(),
    Note: optional(text()),
    At: optional(time(), { absentAs: "-" }),
    Empty: optional(text(), { absentAs: "" }),
    Tags: repeated(text()),
    Parts: optional(repeated(object({ N: integer() }))),
    Box: optional(object({ In: optional(text()) })),
  });

  it("makes empty optional elements and '-' times absent; repeated elements arrays at any count", () => {
    expect(decode(Doc, "<D><Id>1</Id><Note/><At>-</At><Box/></D>", { root: "D" })).toEqual({
      Id: "1",
      Tags: [],
      Box: {},
    });
    expect(decode(Doc, "<D><Id>1</Id><Tags>a</Tags></D>", { root: "D" }).Tags).toEqual(["a"]);
    expect(decode(Doc, "<D><Id>1</Id><Tags>a</Tags><Tags>b</Tags><Parts><N>1</N></Parts></D>", { root: "D" })).toEqual({
      Id: "1",
      Tags: ["a", "b"],
      Parts: [{ N: 1 }],
    });
  });

  it("when strict, refuses a missing required element and a duplicated single one with their paths", () => {
    const strict = { root: "D", strict: true };
    expect(fail(() => decode(Doc, "<D><Tags>a</Tags></D>", strict))).toMatchObject({
      code: "MissingElement",
      path: "D.Id",
    });
    expect(fail(() => decode(Doc, "<D><Id>1</Id><Id>2</Id></D>", strict))).toMatchObject({
      code: "InvalidValue",
      path: "D.Id",
    });
    expect(fail(() => decode(Doc, "<D><Id>1</Id><Note/><Note>x</Note></D>", strict)).path).toBe("D.Note");
    expect(fail(() => decode(Doc, "<D><Id>1</Id><Parts><N>x</N></Parts></D>", strict)).path).toBe("D.Parts[0].N");
  });

  it("otherwise warns, keeps the first of a duplicate, and keeps every offending element in $unknown", () => {
    const warnings: DecodeWarning[] = [];
    const onWarning = (warning: DecodeWarning): void => {
      warnings.push(warning);
    };
    expect(decode(Doc, "<D><Tags>a</Tags></D>", { root: "D", onWarning })).toEqual({ Tags: ["a"] });
    expect(decode(Doc, "<D><Id>1</Id><Id>2</Id></D>", { root: "D", onWarning })).toEqual({
      Id: "1",
      Tags: [],
      $unknown: [{ name: "Id", children: ["2"] }],
    });
    expect(
      decode(Doc, "<D><Id>1</Id><Parts><N>x</N></Parts><Parts><N>2</N></Parts></D>", { root: "D", onWarning }),
    ).toEqual({
      Id: "1",
      Tags: [],
      Parts: [{ $unknown: [{ name: "N", children: ["x"] }] }, { N: 2 }],
    });
    expect(warnings.map((w) => [w.path, w.expected])).toEqual([
      ["D.Id", "a <Id> element"],
      ["D.Id", "at most one <Id>"],
      // Not also "missing": the unreadable <N> is kept, and reported once.
      ["D.Parts[0].N", "an integer"],
    ]);
    // An unreadable item of a list is kept aside; the others keep their own positions in the warnings.
    warnings.length = 0;
    expect(
      decode(Doc, "<D><Id>1</Id><Tags><B/></Tags><Tags>b</Tags><Tags><C/></Tags></D>", { root: "D", onWarning }),
    ).toEqual({
      Id: "1",
      Tags: ["b"],
      $unknown: [
        { name: "Tags", children: [{ name: "B", children: [] }] },
        { name: "Tags", children: [{ name: "C", children: [] }] },
      ],
    });
    expect(warnings.map((w) => w.path)).toEqual(["D.Tags[0]", "D.Tags[2]"]);
    // Without onWarning the values are still kept.
    expect(decode(Doc, "<D><Id>1</Id><At>soon</At></D>", { root: "D" }).$unknown).toEqual([
      { name: "At", children: ["soon"] },
    ]);
  });

  it("keeps unknown elements and stray text in $unknown, in order", () => {
    const value = decode(Doc, "<D>hello<Id>1</Id><New><A>1</A>2</New><New/></D>", { root: "D" });
    expect(value.$unknown).toEqual([
      "hello",
      { name: "New", children: [{ name: "A", children: ["1"] }, "2"] },
      { name: "New", children: [] },
    ]);
  });

  it("encodes in field order with absentAs, repeated elements and unknown nodes last", () => {
    const xml = encode(
      Doc,
      { Id: "1", Tags: ["a", "b"], Parts: [{ N: 2 }], $unknown: [{ name: "X", children: ["y"] }] },
      { root: "D" },
    );
    expect(xml).toBe("<D><Id>1</Id><At>-</At><Empty/><Tags>a</Tags><Tags>b</Tags><Parts><N>2</N></Parts><X>y</X></D>");
    expect(encode(Doc, { Id: "", Tags: [] }, { root: "D", declaration: true })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><D><Id/><At>-</At><Empty/></D>',
    );
  });

  it("escapes text through the builder", () => {
    expect(encode(object({ Name: text() }), { Name: 'a</Name><Type>&"' }, { root: "R" })).toBe(
      "<R><Name>a&lt;/Name&gt;&lt;Type&gt;&amp;&quot;</Name></R>",
    );
  });

  it("refuses values that do not fit, with the path", () => {
    const cases: [unknown, string][] = [
      [{ Tags: [] }, "D.Id"],
      [{ Id: 1, Tags: [] }, "D.Id"],
      [{ Id: "1", Tags: "a" }, "D.Tags"],
      [{ Id: "1", Tags: [], Parts: [{ N: 1.5 }] }, "D.Parts[0].N"],
      [{ Id: "1", Tags: [], At: new Date(Number.NaN) }, "D.At"],
      [{ Id: "1", Tags: [], Typo: "x" }, "D.Typo"],
      [{ Id: "a\u0001", Tags: [] }, "D.Id"],
      [{ Id: "1", Tags: [], $unknown: [{ name: "__proto__", children: [] }] }, "D.$unknown[0]"],
      [{ Id: "1", Tags: [], $unknown: [{ name: "1x", children: [] }] }, "D.$unknown[0]"],
      [{ Id: "1", Tags: [], $unknown: [{ name: "A", children: "no" }] }, "D.$unknown[0]"],
      [{ Id: "1", Tags: [], $unknown: [42] }, "D.$unknown[0]"],
      [{ Id: "1", Tags: [], $unknown: "x" }, "D.$unknown"],
      ["not an object", "D"],
    ];
    for (const [value, path] of cases) {
      const error = fail(() => encode(Doc, value as never, { root: "D" }));
      expect(error.code, JSON.stringify(value)).toBe("InvalidValue");
      expect(error.path, JSON.stringify(value)).toBe(path);
    }
    expect(fail(() => encode(boolean(), "yes" as never, { root: "B" })).expected).toBe("a boolean");
    expect(fail(() => encode(literal("A"), "B" as never, { root: "L" })).expected).toBe('"A"');
    expect(fail(() => encode(opaque(), "x" as never, { root: "O" })).path).toBe("O");
    expect(fail(() => encode(text(), "x", { root: "1bad" })).code).toBe("InvalidValue");
    expect(fail(() => encode(time(), new Date(0), { root: "T", utcOffsetMinutes: 24 * 60 })).path).toBe("T");
  });
});

describe("unions", () => {
  const Op = union(
    "Type",
    {
      A: object({ Type: optional(literal("A")), X: text() }),
      B: object({ Type: literal("B"), Y: integer() }),
    },
    { absent: "A" },
  );

  it("selects the variant by the discriminant element, or the absent default", () => {
    expect(decode(Op, "<O><Type>B</Type><Y>3</Y></O>", { root: "O" })).toEqual({ Type: "B", Y: 3 });
    expect(decode(Op, "<O><X>x</X></O>", { root: "O" })).toEqual({ X: "x" });
    expect(fail(() => decode(Op, "<O><Type>C</Type></O>", { root: "O" }))).toMatchObject({
      code: "InvalidValue",
      path: "O.Type",
    });
    const strict = union("K", { A: object({ K: literal("A") }) });
    expect(fail(() => decode(strict, "<O/>", { root: "O" }))).toMatchObject({ code: "MissingElement", path: "O.K" });
  });

  it("encodes by the discriminant, and refuses an unknown one", () => {
    expect(encode(Op, { Type: "B", Y: 1 }, { root: "O" })).toBe("<O><Type>B</Type><Y>1</Y></O>");
    expect(encode(Op, { X: "x" }, { root: "O" })).toBe("<O><X>x</X></O>");
    expect(fail(() => encode(Op, { Type: "C" } as never, { root: "O" })).path).toBe("O.Type");
    expect(fail(() => encode(Op, null as never, { root: "O" })).path).toBe("O");
  });

  it("checks its declaration", () => {
    expect(() => union("Type", { A: object({ X: text() }) })).toThrow(/must declare Type: literal\("A"\)/);
    expect(() => union("Type", { A: object({ Type: literal("A") }) }, { absent: "B" as never })).toThrow(
      /absent variant/,
    );
  });
});

describe("schema construction", () => {
  it("refuses misuses", () => {
    expect(() => optional(optional(text()))).toThrow(TypeError);
    expect(() => optional(repeated(text()), { absentAs: "" })).toThrow(TypeError);
    expect(() => repeated(optional(text()))).toThrow(TypeError);
    expect(() => object({ constructor: text() })).toThrow(TypeError);
    expect(() => object({ "a b": text() })).toThrow(TypeError);
    expect(() => decode(optional(text()), "<V>x</V>", { root: "V" })).toThrow(/schema error/);
    expect(() => encode(repeated(text()), ["x"], { root: "V" })).toThrow(/schema error/);
  });

  it("opaque keeps a subtree", () => {
    expect(decode(opaque(), "<V>a<B>1</B><B/></V>", { root: "V" })).toEqual([
      "a",
      { name: "B", children: ["1"] },
      { name: "B", children: [] },
    ]);
  });
});

describe("XmlModelError", () => {
  it("is recognised across copies by name and code", () => {
    const error = new XmlModelError({ code: "InvalidValue", expected: "x", found: "y" });
    expect(isXmlModelError(error)).toBe(true);
    expect(isXmlModelError({ name: "XmlModelError", code: "InvalidValue" })).toBe(true);
    expect(isXmlModelError(new Error("x"))).toBe(false);
    expect(isXmlModelError(null)).toBe(false);
    expect(error.message).toBe('expected x, found "y".');
    expect(error.path).toBeUndefined();
    const withCause = new XmlModelError({ code: "MalformedXml", expected: "x", found: "y", cause: "boom" });
    expect(withCause.cause).toBe("boom");
  });

  it("caps the excerpt at 200 characters", () => {
    const error = new XmlModelError({ code: "InvalidValue", expected: "x", found: "\n".repeat(300) });
    expect(error.found.length).toBe(200);
    expect(error.found.endsWith("…")).toBe(true);
  });
});
