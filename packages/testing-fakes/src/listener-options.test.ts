import { describe, expect, it } from "vitest";
import { ACCOUNT, CI_HOST, signedFetch, WORKFLOW_BODY } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import { createFakeCi } from "./node.js";
import { rawHttp, xmlText } from "./raw-http.fixture.js";

const chunked = { host: CI_HOST, "content-type": "application/xml", "transfer-encoding": "chunked" };

describe("411 MissingContentLength on the listener", () => {
  it("refuses a POST or PUT without Content-Length (a chunked upload), before looking at the signature", async () => {
    const fake = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT] });
    const server = await fake.listen();
    try {
      const post = await rawHttp(server.url, {
        method: "POST",
        target: "/inventorytriggerjob",
        headers: chunked,
        body: WORKFLOW_BODY,
      });
      expect(post.status).toBe(411);
      expect(xmlText(post.body, "Code")).toBe("MissingContentLength");
      expect(post.headers["x-ci-trace-id"]).toBeDefined();
      const put = await rawHttp(server.url, {
        method: "PUT",
        target: "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9?cancel",
        headers: { host: CI_HOST, "transfer-encoding": "chunked" },
        body: "",
      });
      expect(put.status).toBe(411);
      // A GET needs no Content-Length: it reaches authentication (and fails there, unsigned).
      const get = await rawHttp(server.url, { target: "/inventorytriggerjob", headers: { host: CI_HOST } });
      expect(get.status).toBe(401);
      expect(fake.journal.count({ errorCode: "MissingContentLength" })).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("accepts them with requireContentLength: false, and never refuses in-process requests", async () => {
    const lenient = createFakeCi({ clock: manualClock(), allowAnySignature: true, requireContentLength: false });
    const server = await lenient.listen();
    try {
      const post = await rawHttp(server.url, {
        method: "POST",
        target: "/inventorytriggerjob",
        headers: chunked,
        body: WORKFLOW_BODY,
      });
      expect(post.status).toBe(200);
    } finally {
      await server.close();
    }
    const strict = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT] });
    const res = await signedFetch(strict, { method: "POST", target: "/inventorytriggerjob", body: WORKFLOW_BODY });
    expect(res.status).toBe(200);
  });
});

describe("resetOnClose", () => {
  it("clears jobs, faults and journal when a listener closes; without it they stay", async () => {
    const seed = { Name: "n", Type: "Workflow", Input: { Prefix: "p/" }, Operation: { WorkflowIds: "w1" } };
    const resetting = createFakeCi({ resetOnClose: true });
    const kept = createFakeCi();
    for (const fake of [resetting, kept]) {
      fake.jobs.seed(seed);
      fake.faults.add({ action: { status: 503, code: "ServiceUnavailable" } });
      const server = await fake.listen();
      await rawHttp(server.url, { target: "/inventorytriggerjob" });
      expect(fake.journal.count()).toBe(1);
      await server.close();
    }
    expect([resetting.jobs.list().length, resetting.faults.list().length, resetting.journal.count()]).toEqual([
      0, 0, 0,
    ]);
    expect([kept.jobs.list().length, kept.faults.list().length, kept.journal.count()]).toEqual([1, 1, 1]);
  });
});
