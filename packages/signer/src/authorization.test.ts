import { describe, expect, it } from "vitest";
import { parseAuthorization } from "./authorization.js";
import { vectors } from "./vectors.fixture.js";

describe("parseAuthorization", () => {
  it.each(vectors)("parses the Authorization of vector $name", (vector) => {
    const parsed = parseAuthorization(vector.expected.authorization);
    expect(parsed.secretId).toBe(vector.secretId);
    expect(parsed.signTime).toBe(vector.keyTime);
    expect(parsed.keyTime).toBe(vector.keyTime);
    expect(parsed.headerList.join(";")).toBe(vector.expected.headerList);
    expect(parsed.urlParamList.join(";")).toBe(vector.expected.urlParamList);
    expect(parsed.signature).toBe(vector.expected.signature);
  });

  it("accepts any field order, surrounding spaces and unknown fields", () => {
    const parsed = parseAuthorization(
      " q-signature=ab&q-url-param-list=&q-header-list=&q-key-time=1;2&q-sign-time=3;4&q-ak=AK&x-extra=1&&q-sign-algorithm=sha1 ",
    );
    expect(parsed).toEqual({
      algorithm: "sha1",
      secretId: "AK",
      signTime: "3;4",
      keyTime: "1;2",
      signTimeRange: { start: 3, end: 4 },
      keyTimeRange: { start: 1, end: 2 },
      headerList: [],
      urlParamList: [],
      signature: "ab",
    });
  });

  it("names every missing field", () => {
    expect(() => parseAuthorization("q-sign-algorithm=sha1&q-ak")).toThrow(
      /lacks q-sign-time, q-key-time, q-header-list, q-url-param-list, q-signature/,
    );
  });

  it("rejects a value that is not a string", () => {
    expect(() => parseAuthorization(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: "InvalidAuthorization" }),
    );
  });
});
