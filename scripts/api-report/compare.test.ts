import { describe, expect, it } from "vitest";
import { type ApiChange, bumpCovers, compareReports, formatChanges, requiredBump } from "./compare.mjs";

type Item = { subpath?: string; name: string; kind: string; declarations: string[] };

function report(...items: Item[]) {
  return { exports: items.map((item) => ({ subpath: ".", ...item })) };
}

function fn(name: string, text: string): Item {
  return { name, kind: "function", declarations: [text] };
}

function only(changes: ApiChange[]): ApiChange {
  expect(changes).toHaveLength(1);
  const [change] = changes;
  if (change === undefined) throw new Error("no change");
  return change;
}

describe("compareReports: exports", () => {
  it("finds nothing between identical reports, and needs no bump", () => {
    const a = report(fn("f", "function f(a: string): void;"));
    const changes = compareReports(a, structuredClone(a));
    expect(changes).toEqual([]);
    expect(requiredBump(changes)).toBe("none");
  });

  it("ignores differences of whitespace only", () => {
    const before = report({ name: "I", kind: "interface", declarations: ["interface I {\n    a: string;\n}"] });
    const after = report({ name: "I", kind: "interface", declarations: ["interface I {  a: string; }"] });
    expect(compareReports(before, after)).toEqual([]);
  });

  it("calls a removed export breaking", () => {
    const change = only(compareReports(report(fn("f", "function f(): void;")), report()));
    expect(change).toMatchObject({ path: "f", change: "removed", breaking: true });
    expect(requiredBump([change])).toBe("major");
  });

  it("calls a new export an addition that needs a minor bump", () => {
    const change = only(compareReports(report(), report(fn("g", "function g(): void;"))));
    expect(change).toMatchObject({ path: "g", change: "added", breaking: false });
    expect(requiredBump([change])).toBe("minor");
  });

  it("names exports of other entry points with their subpath", () => {
    const change = only(
      compareReports(
        report({ subpath: "./testing", name: "x", kind: "const", declarations: ["const x: 1;"] }),
        report(),
      ),
    );
    expect(change.path).toBe("./testing:x");
  });

  it("calls a change of kind breaking", () => {
    const before = report(fn("f", "function f(): void;"));
    const after = report({ name: "f", kind: "const", declarations: ["const f: () => void;"] });
    expect(only(compareReports(before, after))).toMatchObject({ breaking: true, detail: "kind function → const" });
  });

  it("calls a class exported as a type only breaking, and the reverse compatible", () => {
    const value = report({ name: "C", kind: "class", declarations: ["class C {\n}"] });
    const typeOnly = report({ name: "C", kind: "class (type-only)", declarations: ["class C {\n}"] });
    expect(only(compareReports(value, typeOnly)).breaking).toBe(true);
    expect(only(compareReports(typeOnly, value)).breaking).toBe(false);
  });
});

describe("compareReports: functions", () => {
  it("accepts a trailing optional parameter", () => {
    const change = only(
      compareReports(
        report(fn("f", "function f(a: string): number;")),
        report(fn("f", "function f(a: string, options?: { b: boolean }): number;")),
      ),
    );
    expect(change).toMatchObject({ change: "changed", breaking: false });
    expect(change.detail).toContain("options?: { b: boolean }");
  });

  it("accepts a trailing rest parameter and one with a default", () => {
    const before = report(fn("f", "function f(a: string): number;"));
    expect(
      only(compareReports(before, report(fn("f", "function f(a: string, ...rest: number[]): number;")))).breaking,
    ).toBe(false);
  });

  it("rejects a new required parameter", () => {
    const change = only(
      compareReports(
        report(fn("f", "function f(a: string): void;")),
        report(fn("f", "function f(a: string, b: number): void;")),
      ),
    );
    expect(change.breaking).toBe(true);
    expect(change.detail).toContain("→");
  });

  it("rejects a changed parameter or return type", () => {
    const before = report(fn("f", "function f(a: string): void;"));
    expect(only(compareReports(before, report(fn("f", "function f(a: number): void;")))).breaking).toBe(true);
    expect(only(compareReports(before, report(fn("f", "function f(a: string): string;")))).breaking).toBe(true);
    expect(only(compareReports(before, report(fn("f", "function f<T>(a: string): void;")))).breaking).toBe(true);
  });

  it("accepts a new overload and rejects a removed one", () => {
    const one = { name: "f", kind: "function", declarations: ["function f(a: string): void;"] };
    const two = {
      name: "f",
      kind: "function",
      declarations: ["function f(a: string): void;", "function f(a: number): void;"],
    };
    expect(only(compareReports(report(one), report(two)))).toMatchObject({ change: "added", breaking: false });
    expect(only(compareReports(report(two), report(one)))).toMatchObject({ change: "changed", breaking: true });
  });
});

describe("compareReports: types and values", () => {
  const alias = (text: string): Item => ({ name: "Code", kind: "type", declarations: [text] });

  it("accepts a union that gains members", () => {
    const change = only(
      compareReports(report(alias('type Code = "A" | "B";')), report(alias('type Code = "A" | "B" | "C";'))),
    );
    expect(change).toMatchObject({ breaking: false, detail: 'union widened with `"C"`' });
  });

  it("accepts a single type that becomes a union containing it", () => {
    expect(
      only(compareReports(report(alias('type Code = "A";')), report(alias('type Code = "A" | "B";')))).breaking,
    ).toBe(false);
  });

  it("rejects a union that loses members or is replaced", () => {
    expect(
      only(compareReports(report(alias('type Code = "A" | "B";')), report(alias('type Code = "A";')))).breaking,
    ).toBe(true);
    expect(
      only(compareReports(report(alias("type Code = string;")), report(alias("type Code = number;")))).breaking,
    ).toBe(true);
  });

  it("rejects a widened union whose alias gained a type parameter", () => {
    const change = only(compareReports(report(alias('type Code = "A";')), report(alias('type Code<T> = "A" | T;'))));
    expect(change.breaking).toBe(true);
  });

  it("compares a const's declared type like an alias", () => {
    const c = (text: string): Item => ({ name: "MODE", kind: "const", declarations: [text] });
    expect(only(compareReports(report(c('const MODE: "a";')), report(c('const MODE: "a" | "b";')))).breaking).toBe(
      false,
    );
    expect(only(compareReports(report(c('const MODE: "a";')), report(c('const MODE: "b";')))).breaking).toBe(true);
    expect(only(compareReports(report(c('const MODE = "a";')), report(c('const MODE = "b";')))).breaking).toBe(true);
  });
});

describe("compareReports: interfaces and classes", () => {
  const iface = (body: string, header = "interface Options"): Item => ({
    name: "Options",
    kind: "interface",
    declarations: [`${header} {\n${body}\n}`],
  });

  it("reports members one by one", () => {
    const changes = compareReports(
      report(iface("readonly a: string;\nreadonly b?: number;")),
      report(iface("readonly a: string;\nreadonly c?: boolean;\nreadonly d: string;")),
    );
    expect(changes.map((c) => [c.path, c.change, c.breaking, c.detail])).toEqual([
      ["Options.b", "removed", true, "member removed"],
      ["Options.c", "added", false, "member added"],
      ["Options.d", "added", false, "required member added"],
    ]);
    expect(requiredBump(changes)).toBe("major");
  });

  it("accepts a property whose union widened and rejects one that became optional", () => {
    expect(only(compareReports(report(iface('kind: "a";')), report(iface('kind: "a" | "b";')))).breaking).toBe(false);
    expect(only(compareReports(report(iface("kind: string;")), report(iface("kind?: string;")))).breaking).toBe(true);
    expect(only(compareReports(report(iface("kind: string;")), report(iface("readonly kind: string;")))).breaking).toBe(
      true,
    );
  });

  it("accepts a method that gains an optional parameter", () => {
    const change = only(
      compareReports(report(iface("run(a: string): void;")), report(iface("run(a: string, b?: number): void;"))),
    );
    expect(change).toMatchObject({ path: "Options.run", breaking: false });
  });

  it("rejects a changed heritage clause", () => {
    const change = only(
      compareReports(report(iface("a: string;")), report(iface("a: string;", "interface Options extends Base"))),
    );
    expect(change).toMatchObject({ path: "Options", breaking: true });
  });

  it("keys class members by constructor, static and accessor names", () => {
    const cls = (body: string): Item => ({
      name: "C",
      kind: "class",
      declarations: [`class C extends Error {\n${body}\n}`],
    });
    const changes = compareReports(
      report(cls("constructor(a: string);\nstatic of(a: string): C;\nget size(): number;\nset size(v: number);")),
      report(cls("constructor(a: string, b: number);\nget size(): number;")),
    );
    expect(changes.map((c) => [c.path, c.breaking])).toEqual([
      ["C.constructor", true],
      ["C.size", true],
      ["C.static of", true],
    ]);
  });

  it("keys call, construct and index signatures", () => {
    const before = report(iface("(a: string): void;\nnew (a: string): Options;\n[key: string]: unknown;"));
    const changes = compareReports(before, report(iface("")));
    expect(changes.map((c) => c.path)).toEqual(["Options.(call)", "Options.(new)", "Options.[string]"]);
  });
});

describe("bumps", () => {
  it("orders none < patch < minor < major", () => {
    expect(bumpCovers("major", "minor")).toBe(true);
    expect(bumpCovers("minor", "minor")).toBe(true);
    expect(bumpCovers("patch", "minor")).toBe(false);
    expect(bumpCovers("none", "none")).toBe(true);
    expect(bumpCovers("minor", "major")).toBe(false);
  });

  it("formats breaking changes so they stand out", () => {
    expect(
      formatChanges([
        { path: "f", change: "removed", breaking: true, detail: "function removed" },
        { path: "g", change: "added", breaking: false, detail: "function added" },
      ]),
    ).toEqual(["  BREAKING removed f: function removed", "  added g: function added"]);
  });
});
