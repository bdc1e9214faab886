import { readFileSync } from "node:fs";
// Resolved through package.json "exports" with the @cibatch/source condition; #engine with the node condition.
import * as pkg from "@cibatch/signer";
import { describe, expect, it } from "vitest";

interface Manifest {
  exports: Record<string, Record<string, unknown>>;
  imports: Record<string, Record<string, unknown>>;
}

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as Manifest;

describe("package entry", () => {
  it("loads the node:crypto engine under vitest (node condition)", () => {
    expect(pkg.signerRuntime).toBe("node");
  });

  it("has one entry, types first", () => {
    const root = manifest.exports["."] as Record<string, unknown>;
    expect(Object.keys(root)).toEqual(["@cibatch/source", "types", "default"]);
    expect(root.default).toBe("./dist/index.js");
  });

  it("picks the engine by the #engine import's node and default conditions", () => {
    const engine = manifest.imports["#engine"] as Record<string, unknown>;
    expect(engine["@cibatch/source"]).toEqual({ node: "./src/engine-node.ts", default: "./src/engine-web.ts" });
    expect(engine.node).toBe("./dist/engine-node.js");
    expect(engine.default).toBe("./dist/engine-web.js");
  });
});
