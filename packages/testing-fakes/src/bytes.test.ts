import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { base64OfBytes, concatBytes } from "./bytes.js";

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
