import { describe, expect, it } from "vitest";
import { BASE_ENV, harness, stdinOf } from "../cli.fixture.js";
import type { CliIo } from "../io.js";
import { classifyError } from "./classify-error.js";
import { commandPathOf } from "./command-path.js";
import { explainError } from "./explain-error.js";
import { jsonErrorOffset } from "./json-position.js";
import { describePollError } from "./poll-error.js";
import { Prompter } from "./prompt.js";

function named(name: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? name)), { name, ...fields });
}

describe("explainError: the CLI's words for the library's errors", () => {
  const explain = (error: unknown): string => explainError(error, classifyError(error)).message;

  it("TLS against a plain-HTTP endpoint says so and suggests http://", () => {
    const error = named("CiNetworkError", {
      code: "EPROTO",
      sent: false,
      request: { method: "GET", url: "https://127.0.0.1:9000/inventorytriggerjob" },
      cause: { code: "EPROTO", message: "SSL routines:ssl3_get_record:wrong version number" },
    });
    expect(explain(error)).toBe(
      "could not start TLS with https://127.0.0.1:9000: it answers in plain HTTP. If it is a plain-HTTP endpoint (as `cibatch fake` is), use --endpoint-url http://127.0.0.1:9000",
    );
  });

  it("a network error names the endpoint and gives its advice once", () => {
    const error = named("CiNetworkError", {
      code: "ECONNRESET",
      sent: true,
      request: { method: "GET", url: "http://127.0.0.1:9/x" },
      message: "Network error ECONNRESET. Check the endpoint, DNS, proxy and network connection.",
    });
    const message = explain(error);
    expect(message).toBe(
      "cannot reach http://127.0.0.1:9 (ECONNRESET); the request may have reached it. Check --endpoint-url (or --bucket and --region), DNS, proxy and network, then try again",
    );
    expect(message.match(/Check/g)).toHaveLength(1);
  });

  it("timeouts name the CLI flag, not the library option", () => {
    for (const [timeout, flag, what] of [
      ["connect", "--cli-connect-timeout", "could not connect to"],
      ["attempt", "--cli-read-timeout", "no answer from"],
      ["total", "--cli-total-timeout", "no answer from"],
    ] as const) {
      const message = explain(named("CiTimeoutError", { timeout, ms: 2500, request: { url: "http://h:1/x" } }));
      expect(message).toBe(`${what} h:1 within 2.5 s (${flag}; 0 = no limit)`);
      expect(message).not.toContain("deadlineMs");
    }
  });

  it("a validation error lists one problem a line; other errors keep the classification's message", () => {
    const error = named("ValidationError", {
      code: "INVALID_INPUT",
      problems: [
        { path: "jobIds[0]", message: "must not be empty" },
        { path: "jobIds[1]", message: "too long" },
      ],
    });
    expect(explain(error)).toBe(
      "invalid input, nothing was sent:\n  - job id: must not be empty\n  - job id: too long",
    );
    expect(explain(new Error("boom"))).toContain("unexpected error: boom");
  });

  it("a failed poll is one line with what comes next", () => {
    const line = describePollError(named("CiTimeoutError", { timeout: "total", ms: 2000 }), {
      polls: 3,
      nextPollInMs: 5000,
    });
    expect(line).toBe(
      "cibatch: poll 3 failed: no answer from the service within 2 s (--cli-total-timeout; 0 = no limit); trying again in 5 s.",
    );
  });
});

describe("jsonErrorOffset", () => {
  it("is undefined for valid JSON and points at the first error otherwise", () => {
    for (const ok of ['{"a": [1, -2.5e3, true, false, null, "x\\"\\u00e9"]}', " [] ", '"s"']) {
      expect(jsonErrorOffset(ok), ok).toBeUndefined();
    }
    for (const [bad, offset] of [
      ['{"a": x}', 6],
      ['{"a" 1}', 5],
      ['{"a": 1,}', 8],
      ["[1 2]", 3],
      ['{"a": "\\q"}', 8],
      ['{"a": "\\u12"}', 8],
      ["tru", 3],
      ["{}x", 2],
      ['"open', 5],
      ["-", 0],
      ["{a: 1}", 1],
    ] as const) {
      expect(jsonErrorOffset(bad), bad).toBe(offset);
    }
  });
});

describe("commandPathOf", () => {
  it("skips global flags and their values, and stops at the first argument", () => {
    expect(commandPathOf(["--region", "ap-beijing", "jobs", "list", "--bogus"])).toEqual(["jobs", "list"]);
    expect(commandPathOf(["-o=json", "jobs", "DescribeInventoryTriggerJob", "b1"])).toEqual(["jobs", "describe"]);
    expect(commandPathOf(["jobs", "--", "list"])).toEqual(["jobs"]);
    expect(commandPathOf(["nope"])).toEqual([]);
  });

  it("a usage error points at the command's own --help", async () => {
    const result = await harness().run(["--region", "ap-beijing", "jobs", "wait", "b1", "--until", "never"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("see `cibatch jobs wait --help`");
    const top = await harness().run(["--bogus"]);
    expect(top.stderr).toContain("see `cibatch --help`");
  });
});

describe("Prompter", () => {
  const io = (stdin: AsyncIterable<string>, raw?: boolean[]): CliIo & { err: () => string } => {
    let err = "";
    return {
      stdout: { write: () => true },
      stderr: { write: (text) => (err += text) },
      env: BASE_ENV,
      stdin,
      ...(raw && { setRawMode: (on: boolean) => raw.push(on) }),
      err: () => err,
    };
  };

  it("asks several questions over one input, with CR LF, and says when input ended", async () => {
    const target = io(stdinOf("one\r\ntw", "o\nthree"));
    const prompter = new Prompter(target);
    expect(await prompter.ask("A? ")).toBe("one");
    expect(await prompter.ask("B? ")).toBe("two");
    expect(await prompter.ask("C? ")).toBe("three");
    expect(await prompter.ask("D? ")).toBeUndefined();
    await prompter.close();
    expect(target.err()).toBe("A? B? C? \nD? \n");
  });

  it("reads a secret in raw mode: no echo, Backspace applied, Ctrl-C gives up", async () => {
    const modes: boolean[] = [];
    const prompter = new Prompter(io(stdinOf("s3x\x7fcret\r", "\x03"), modes));
    expect(await prompter.ask("Key: ", { secret: true })).toBe("s3cret");
    expect(await prompter.ask("Again: ", { secret: true })).toBeUndefined();
    expect(modes).toEqual([true, false, true, false]);
  });

  it("interactive configure stops without writing when input ends", async () => {
    const result = await harness().run(["configure"], {
      isTTY: { stdin: true, stderr: true },
      stdin: stdinOf(""),
      env: { CIBATCH_CONFIG_FILE: "/nonexistent/cibatch-prompt/config" },
    });
    expect(result.code).toBe(12);
    expect(result.stderr).toContain("configure stopped: nothing was written");
  });
});
