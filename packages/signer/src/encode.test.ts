import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatQuery, uriEncode } from "./encode.js";
import { SignerError } from "./errors.js";

describe("uriEncode", () => {
  it("leaves only A-Z a-z 0-9 - _ . ~ unencoded", () => {
    expect(uriEncode("AZaz09-_.~")).toBe("AZaz09-_.~");
    // Every printable ASCII character listed by the signature doc as "must be encoded".
    for (const char of " !\"#$%&'()*+,/:;<=>?@[\\]^`{|}") {
      expect(uriEncode(char)).toBe(`%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
    }
  });

  it("encodes UTF-8 bytes in uppercase hex and a space as %20, never +", () => {
    expect(uriEncode("批量 任务*(1)!")).toBe("%E6%89%B9%E9%87%8F%20%E4%BB%BB%E5%8A%A1%2A%281%29%21");
    expect(uriEncode("é")).toBe("%C3%A9");
    expect(uriEncode("😀")).toBe("%F0%9F%98%80");
  });

  it("is decoded back by decodeURIComponent for any well-formed text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const encoded = uriEncode(text);
        expect(encoded).toMatch(/^([A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(text);
      }),
    );
  });

  it("rejects a lone surrogate with a SignerError", () => {
    expect(() => uriEncode("a\ud800")).toThrow(SignerError);
    expect(() => uriEncode("a\ud800")).toThrow(/lone UTF-16 surrogate/);
  });
});

describe("formatQuery", () => {
  it("encodes names and values with uriEncode, writes empty values as bare names", () => {
    expect(
      formatQuery({ size: 10, startCreationTime: "2022-06-01T00:00:00+0800", cancel: "", a: null, b: undefined }),
    ).toBe("size=10&startCreationTime=2022-06-01T00%3A00%3A00%2B0800&cancel&a&b");
    expect(formatQuery({ "k y": "v w", flag: true })).toBe("k%20y=v%20w&flag=true");
    expect(formatQuery({})).toBe("");
  });
});
