import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import * as main from "./index.js";
import * as node from "./node.js";

const entry = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

describe("entries", () => {
  it("the main entry bundles for the browser with esbuild's defaults: nothing from node:*", async () => {
    const result = await build({
      entryPoints: [entry("index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      conditions: ["@cibatch/source"],
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    expect(code).toContain("createFakeCi");
    expect(code).not.toMatch(/["']node:/);
  });

  it("the Node entry re-exports the main one and adds the listener, state files and the CLI", () => {
    for (const name of Object.keys(main)) expect(Object.keys(node)).toContain(name);
    expect(
      Object.keys(node)
        .filter((name) => !(name in main))
        .sort(),
    ).toEqual(["FAKE_CLI_USAGE", "readStateFile", "runFakeCli", "startFake", "writeStateFile"]);
    expect(typeof node.createFakeCi().listen).toBe("function");
    expect("listen" in main.createFakeCi()).toBe(false);
  });

  it("fake.fetch is a server's handler: a second argument that is not a RequestInit is ignored", async () => {
    class ServerLike {
      readonly method = "DELETE";
      readonly url = "http://elsewhere/";
    }
    const fake = main.createFakeCi();
    const res = await fake.fetch(new Request("http://127.0.0.1/_fake/clock"), new ServerLike() as never);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { kind: string }).kind).toBe("real");
  });
});
