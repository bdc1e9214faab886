import { readFileSync } from "node:fs";
// Resolved through package.json "exports" with the @cibatch/source and node conditions.
import * as pkg from "@cibatch/signer";
import { describe, expect, it } from "vitest";

describe("package entry", () => {
  it("resolves to the node:crypto source under vitest (node condition)", () => {
    expect(pkg.signerRuntime).toBe("node");
  });

  it("maps node and default conditions to the two entries, types first", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      exports: Record<string, Record<string, unknown>>;
    };
    const root = manifest.exports["."] as Record<string, unknown>;
    expect(Object.keys(root)).toEqual(["@cibatch/source", "types", "node", "default"]);
    expect(root["@cibatch/source"]).toEqual({ node: "./src/node.ts", default: "./src/index.ts" });
    expect(root.node).toBe("./dist/node.js");
    expect(root.default).toBe("./dist/index.js");
  });
});
