import { CiAbortError, CiResponseError, CiServiceError } from "@cibatch/ci-client";
import { describe, expect, it } from "vitest";
import { harness } from "../cli.fixture.js";
import { classifyError } from "./classify-error.js";

describe("classifyError: the rarer failures", () => {
  it("a response the client could not read is exit 11, retryable as the client says, with its status and request id", () => {
    const error = new CiResponseError({
      code: "NOT_XML",
      status: 200,
      contentType: "text/html",
      body: "<html>proxy login</html>",
      requestId: "req-9",
      retryable: true,
      attempts: 3,
    });
    const report = classifyError(error);
    expect(report).toMatchObject({
      exitCode: 11,
      code: "NOT_XML",
      httpStatus: 200,
      requestId: "req-9",
      retryable: true,
    });
    expect(report.message).not.toContain("\n");
    expect(report.message).toContain("HTTP 200");
  });

  it("an aborted call is exit 130", () => {
    const report = classifyError(new CiAbortError({ cause: new Error("SIGINT"), sent: false, attempts: 1 }));
    expect(report).toEqual({ exitCode: 130, code: "ABORTED", message: "interrupted", retryable: false });
  });

  it("an unknown job refused with InvalidArgument 'not exist' is exit 7, other InvalidArguments exit 5", () => {
    const notExist = new CiServiceError({
      code: "InvalidArgument",
      status: 400,
      serverMessage: "job not exist",
      retryable: false,
      attempts: 1,
    });
    expect(classifyError(notExist).exitCode).toBe(7);
    const other = new CiServiceError({ code: "InvalidArgument", status: 400, retryable: false, attempts: 1 });
    expect(classifyError(other)).toMatchObject({ exitCode: 5, httpStatus: 400 });
  });

  it("the model's and the signer's input errors are usage errors (exit 2), on one line", () => {
    const xml = Object.assign(new Error("bad XML\n  at line 1"), { name: "XmlModelError", code: "MALFORMED_XML" });
    expect(classifyError(xml)).toEqual({
      exitCode: 2,
      code: "MALFORMED_XML",
      message: "bad XML at line 1",
      retryable: false,
    });
    const signer = Object.assign(new Error("bad key time"), { name: "SignerError" });
    expect(classifyError(signer)).toMatchObject({ exitCode: 2, code: "INVALID_INPUT", message: "bad key time" });
  });

  it("anything else is exit 1 and asks for a bug report", () => {
    expect(classifyError(new RangeError("oops"))).toEqual({
      exitCode: 1,
      code: "UNEXPECTED",
      message: "unexpected error: oops (this is a bug: please report it with the --debug output)",
      retryable: false,
    });
    expect(classifyError("a string").message).toBe(
      "unexpected error: a string (this is a bug: please report it with the --debug output)",
    );
    expect(classifyError(null).code).toBe("UNEXPECTED");
  });

  it("through the CLI: a non-XML answer from a proxy exits 11 with the JSON envelope", async () => {
    const result = await harness().run(["jobs", "describe", "b3deffea2f84911ec9cb15254008618d9", "-o", "json"], {
      fetch: async () =>
        new Response("<html>proxy login</html>", { status: 200, headers: { "content-type": "text/html" } }),
    });
    expect(result.code).toBe(11);
    expect(result.stdout).toBe("");
    const envelope = JSON.parse(result.stderr.trim().split("\n").at(-1) as string);
    expect(envelope.error).toMatchObject({ code: "NOT_XML", httpStatus: 200 });
  });
});
