import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64OfBytes, concatBytes, utf8Bytes } from "./bytes.js";
import { md5 } from "./md5.js";

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

describe("md5", () => {
  it("matches RFC 1321's test suite", () => {
    expect(hex(md5(utf8Bytes("")))).toBe("d41d8cd98f00b204e9800998ecf8427e");
    expect(hex(md5(utf8Bytes("abc")))).toBe("900150983cd24fb0d6963f7d28e17f72");
    expect(
      hex(md5(utf8Bytes("12345678901234567890123456789012345678901234567890123456789012345678901234567890"))),
    ).toBe("57edf4a22be3c955ac49da2e2107b67a");
  });

  it("agrees with node:crypto on any input, across block boundaries", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(hex(md5(bytes))).toBe(createHash("md5").update(bytes).digest("hex"));
      }),
    );
  });
});

describe("bytes", () => {
  it("base64 and concat agree with Buffer", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 4 }), (chunks) => {
        const joined = concatBytes(chunks);
        expect(Buffer.from(joined).equals(Buffer.concat(chunks))).toBe(true);
        expect(base64OfBytes(joined)).toBe(Buffer.from(joined).toString("base64"));
      }),
    );
  });
});
