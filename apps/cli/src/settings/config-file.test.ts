import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";
import { configFilePath, readConfigProfile } from "./config-file.js";

const temp = mkdtempSync(join(tmpdir(), "cibatch-config-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tempDir(): string {
  return mkdtempSync(join(temp, "case-"));
}

function configFile(text: string): string {
  const file = join(tempDir(), "config");
  writeFileSync(file, text);
  return file;
}

describe("configFilePath", () => {
  it("is CIBATCH_CONFIG_FILE when set, else ~/.cibatch/config under the given home", () => {
    expect(configFilePath({ CIBATCH_CONFIG_FILE: "/etc/cibatch.ini" }, () => "/home/me")).toBe("/etc/cibatch.ini");
    expect(configFilePath({}, () => "/home/me")).toBe(join("/home/me", ".cibatch", "config"));
    expect(configFilePath({ CIBATCH_CONFIG_FILE: "" }, () => "/home/me")).toBe(join("/home/me", ".cibatch", "config"));
  });
});

describe("readConfigProfile", () => {
  it("a missing file or section is an empty profile", async () => {
    const missing = join(tempDir(), "config");
    expect(await readConfigProfile(missing, "default")).toEqual({ file: missing, values: {} });
    const file = configFile("[default]\nregion = ap-beijing\n");
    expect(await readConfigProfile(file, "prod")).toEqual({ file, values: {}, found: false });
    expect((await readConfigProfile(file, "default")).found).toBe(true);
  });

  it("keeps the known keys of the section, trimmed, and drops blank and unknown ones", async () => {
    const file = configFile(
      "[default]\nregion =  ap-guangzhou  \nbucket =\noutput = table\ncolor = off\nendpoint_url = http://127.0.0.1:9000\nsecret_key = nope\n",
    );
    expect((await readConfigProfile(file, "default")).values).toEqual({
      region: "ap-guangzhou",
      output: "table",
      color: "off",
      endpoint_url: "http://127.0.0.1:9000",
    });
  });

  it("finds a dotted profile name, which the INI parser nests", async () => {
    const file = configFile("[team.prod]\nregion = ap-shanghai\nbucket = prodbucket-1250000000\n");
    expect((await readConfigProfile(file, "team.prod")).values).toEqual({
      region: "ap-shanghai",
      bucket: "prodbucket-1250000000",
    });
    expect((await readConfigProfile(file, "team.dev")).values).toEqual({});
    expect((await readConfigProfile(file, "team")).values).toEqual({});
  });

  it("a file that cannot be read is a configuration error (exit 3)", async () => {
    const dir = tempDir();
    await expect(readConfigProfile(dir, "default")).rejects.toMatchObject({
      code: "CONFIG",
      exitCode: 3,
      message: expect.stringMatching(new RegExp(`^cannot read the config file ${dir}: .*EISDIR`)),
    });
  });
});

describe("the config file through the CLI", () => {
  it("reads ~/.cibatch/config from the injected home when CIBATCH_CONFIG_FILE is not set", async () => {
    const home = tempDir();
    mkdirSync(join(home, ".cibatch"));
    writeFileSync(
      join(home, ".cibatch", "config"),
      "[default]\nregion = ap-chengdu\n\n[team.prod]\nregion = ap-nanjing\n",
    );
    const env = { CIBATCH_CONFIG_FILE: undefined, CIBATCH_REGION: undefined };
    const base = await harness().run(["configure", "list", "-o", "json"], { env, homedir: () => home });
    expect(base.code).toBe(0);
    const region = (stdout: string) =>
      (JSON.parse(stdout) as { Settings: { Name: string; Value: string; Source: string }[] }).Settings.find(
        (row) => row.Name === "region",
      );
    expect(region(base.stdout)).toMatchObject({ Value: "ap-chengdu", Source: "~/.cibatch/config [default]" });
    const dotted = await harness().run(["configure", "list", "-o", "json", "--profile", "team.prod"], {
      env,
      homedir: () => home,
    });
    expect(region(dotted.stdout)).toMatchObject({ Value: "ap-nanjing", Source: "~/.cibatch/config [team.prod]" });
  });

  it("an unreadable config file stops any command with exit 3 before a request", async () => {
    const h = harness();
    const dir = tempDir();
    const result = await h.run(["jobs", "list", "-o", "text"], { env: { CIBATCH_CONFIG_FILE: dir } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`cannot read the config file ${dir}`);
    expect(h.fake.journal.entries()).toHaveLength(0);
  });
});
