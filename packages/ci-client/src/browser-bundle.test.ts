import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

describe("a browser app importing @cibatch/ci-client", () => {
  it("bundles with esbuild's defaults for platform=browser, and nothing in it imports node:*", async () => {
    const result = await build({
      stdin: {
        contents:
          'import { CiClient, createCiCore, describeJob, fromProfileFile } from "@cibatch/ci-client";\n' +
          "export { CiClient, createCiCore, describeJob, fromProfileFile };\n",
        resolveDir: packageDir,
        loader: "js",
      },
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      conditions: ["@cibatch/source"],
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles.map((file) => file.text).join("\n");
    expect(code).not.toMatch(/["']node:/);
    expect(code).toContain("inventorytriggerjob");
  });
});
