import { describe, expect, it } from "vitest";
import { XmlModelError } from "./errors.js";
import { LIST_QUERY_PARAMS, listQueryFromParams, listQueryToParams, listQueryToSearch } from "./models/list-query.js";

describe("list query", () => {
  it("writes the ten parameters in the documented order, omitting empty values", () => {
    const pairs = listQueryToParams({
      name: "demo",
      jobId: "b1",
      workflowId: "w1",
      endCreationTime: new Date("2022-06-30T16:00:00Z"),
      startCreationTime: new Date("2022-05-31T16:00:00Z"),
      states: ["Running", "Failed"],
      orderByTime: "Asc",
      type: "Job",
      size: 100,
      nextToken: "25",
    });
    expect(pairs.map(([name]) => name)).toEqual([...LIST_QUERY_PARAMS]);
    expect(Object.fromEntries(pairs)).toEqual({
      nextToken: "25",
      size: "100",
      type: "Job",
      orderByTime: "Asc",
      states: "Running,Failed",
      startCreationTime: "2022-06-01T00:00:00+0800",
      endCreationTime: "2022-07-01T00:00:00+0800",
      workflowId: "w1",
      jobId: "b1",
      name: "demo",
    });
    expect(listQueryToParams({ nextToken: "", name: "", states: "All" })).toEqual([["states", "All"]]);
  });

  it("percent-encodes + as %2B, as the official Node SDK put on the wire", () => {
    expect(
      listQueryToSearch({
        size: 10,
        states: ["Running", "Failed"],
        startCreationTime: new Date("2022-05-31T16:00:00Z"),
      }),
    ).toBe("size=10&states=Running%2CFailed&startCreationTime=2022-06-01T00%3A00%3A00%2B0800");
    expect(listQueryToSearch({ name: "a!'()*b c" })).toBe("name=a%21%27%28%29%2Ab%20c");
  });

  it("refuses values outside the documented ranges, naming the parameter", () => {
    const cases: [object, string][] = [
      [{ size: 0 }, "size"],
      [{ size: 101 }, "size"],
      [{ size: 1.5 }, "size"],
      [{ states: [] }, "states"],
      [{ states: ["Running", "Done"] }, "states"],
      [{ type: "All" }, "type"],
      [{ orderByTime: "desc" }, "orderByTime"],
      [{ startCreationTime: new Date(Number.NaN) }, "startCreationTime"],
      [{ name: 5 }, "name"],
    ];
    for (const [query, path] of cases) {
      expect(() => listQueryToParams(query as never), JSON.stringify(query)).toThrow(
        expect.objectContaining({ code: "InvalidValue", path }),
      );
    }
  });

  it("parses what a server receives: exact names, empty = absent, first occurrence wins, unknown ignored", () => {
    const url = new URL(
      "http://127.0.0.1/inventorytriggerjob?size=10&States=Failed&states=Running%2CFailed&nextToken=&workflowId=&jobId=&type=Workflow&size=99&x=1",
    );
    expect(listQueryFromParams(url.searchParams)).toEqual({
      size: 10,
      states: ["Running", "Failed"],
      type: "Workflow",
    });
    expect(listQueryFromParams({ states: "Running,All", orderByTime: "Desc" })).toEqual({
      states: "All",
      orderByTime: "Desc",
    });
    expect(listQueryFromParams([["startCreationTime", "2022-06-01T00:00:00+0800"]])).toEqual({
      startCreationTime: new Date("2022-05-31T16:00:00Z"),
    });
  });

  it("refuses bad values, and explains a raw + decoded as a space", () => {
    for (const [name, value] of [
      ["size", "0"],
      ["size", "ten"],
      ["size", "101"],
      ["states", "Running,,Failed"],
      ["type", "job"],
      ["orderByTime", "ASC"],
      ["endCreationTime", "yesterday"],
      ["startCreationTime", "0"],
    ] as const) {
      expect(() => listQueryFromParams({ [name]: value }), `${name}=${value}`).toThrow(
        expect.objectContaining({ code: "InvalidValue", path: name }),
      );
    }
    const spaced = new URLSearchParams("startCreationTime=2022-06-01T00:00:00+0800");
    let error: unknown;
    try {
      listQueryFromParams(spaced);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(XmlModelError);
    expect((error as XmlModelError).message).toContain("%2B");
  });
});
