import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import { CONTROL_TOKEN_HEADER } from "./control-api.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";

const T0 = Date.UTC(2024, 8, 1);
let fake: FakeCi;
let server: RunningListener;

beforeAll(async () => {
  fake = createFakeCi({ clock: manualClock(T0), accounts: [ACCOUNT], transition: { mode: "manual" } });
  server = await fake.listen();
});
afterAll(() => server.close());

// biome-ignore lint/suspicious/noExplicitAny: decoded JSON of the control API, shape checked by the assertions
type Json = any;

/** The control API is plain JSON over HTTP: any language can drive it; here, plain fetch. */
async function control(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/_fake/${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

describe("control API under /_fake/", () => {
  it("seeds, lists, advances and gets jobs", async () => {
    const seeded = await control("POST", "jobs", {
      Name: "from-json",
      Type: "Workflow",
      Input: { Prefix: "p/" },
      Operation: { TimeInterval: { Start: "2024-01-01T00:00:00+0800" }, WorkflowIds: "w1" },
    });
    expect(seeded.status).toBe(201);
    const id = seeded.json.jobId as string;
    expect((await control("GET", "jobs")).json.map((j: { jobId: string }) => j.jobId)).toContain(id);
    const advanced = await control("POST", `jobs/${id}/advance`, { state: "Failed", code: "E1", message: "m" });
    expect(advanced.json).toMatchObject({ state: "Failed", code: "E1", message: "m" });
    expect((await control("GET", `jobs/${id}`)).json.state).toBe("Failed");
    expect((await control("POST", `jobs/${id}/advance`, { state: "Running" })).status).toBe(409);
    expect((await control("POST", `jobs/${id}/advance`, { state: "Done" })).status).toBe(400);
    expect((await control("GET", "jobs/bnope")).status).toBe(404);
    expect((await control("POST", "jobs/bnope/advance", { state: "Running" })).status).toBe(404);
  });

  it("moves the clock", async () => {
    expect((await control("GET", "clock")).json).toMatchObject({ now: T0, kind: "manual" });
    expect((await control("POST", "clock", { advanceMs: 1500 })).json.now).toBe(T0 + 1500);
    expect((await control("POST", "clock", { set: "2024-09-02T00:00:00Z" })).json.now).toBe(Date.UTC(2024, 8, 2));
    expect((await control("POST", "clock", { set: T0 })).json.now).toBe(T0);
    expect((await control("POST", "clock", { jump: 1 })).status).toBe(400);
  });

  it("manages faults, with regexes as strings", async () => {
    const added = await control("POST", "faults", {
      match: { path: { regex: "^/inventorytriggerjob$" } },
      times: 1,
      action: { status: 503, code: "ServiceUnavailable" },
    });
    expect(added.status).toBe(201);
    const listed = await control("GET", "faults");
    expect(listed.json[0]).toMatchObject({ id: added.json.id, match: { path: { regex: "^\\/inventorytriggerjob$" } } });
    const hit = await fetch(`${server.url}/inventorytriggerjob`);
    expect(hit.status).toBe(503);
    expect((await control("DELETE", `faults/${added.json.id}`)).status).toBe(200);
    expect((await control("DELETE", `faults/${added.json.id}`)).status).toBe(404);
    expect((await control("POST", "faults", { action: { status: 503 } })).status).toBe(400);
    await control("POST", "faults", { action: { reset: true } });
    expect((await control("DELETE", "faults")).status).toBe(200);
    expect((await control("GET", "faults")).json).toEqual([]);
  });

  it("reads and clears the journal, filtered by op and since", async () => {
    await control("DELETE", "journal");
    await fetch(`${server.url}/inventorytriggerjob`);
    await fetch(`${server.url}/inventorytriggerjob/b1`);
    const all = await control("GET", "journal");
    expect(all.json).toHaveLength(2);
    const some = await control("GET", "journal?op=DescribeInventoryTriggerJob");
    expect(some.json.map((e: { path: string }) => e.path)).toEqual(["/inventorytriggerjob/b1"]);
    const since = await control("GET", `journal?since=${all.json[0].seq}`);
    expect(since.json).toHaveLength(1);
  });

  it("sets transition, config, keys and queues", async () => {
    expect((await control("PUT", "transition", { mode: "afterDescribes", n: 3 })).json).toEqual({
      mode: "afterDescribes",
      n: 3,
    });
    expect((await control("GET", "transition")).json.text).toBe("afterDescribes:3");
    expect((await control("PUT", "transition", { mode: "sometimes" })).status).toBe(400);
    expect((await control("PUT", "config", { switches: { list: { defaultType: "Workflow" } } })).json).toMatchObject({
      switches: { list: { defaultType: "Workflow" } },
    });
    expect((await control("PUT", "config", { authErrors: "xml" })).status).toBe(400);
    expect((await control("GET", "config")).json).toMatchObject({ authErrors: "cos", allowAnySignature: false });
    expect((await control("POST", "keys", { secretId: "AKIDnew", secretKey: "k" })).status).toBe(201);
    expect((await control("GET", "keys")).json.map((k: { secretId: string }) => k.secretId)).toContain("AKIDnew");
    expect(JSON.stringify((await control("GET", "keys")).json)).not.toContain('"k"');
    expect((await control("DELETE", "keys/AKIDnew")).status).toBe(200);
    expect((await control("DELETE", "keys/AKIDnew")).status).toBe(404);
    expect((await control("POST", "keys", { secretId: "" })).status).toBe(400);
    const expiring = { secretId: "AKIDtemp2", secretKey: "k2", token: "t2", expiresAt: Date.UTC(2030, 0, 1) };
    expect((await control("POST", "keys", expiring)).status).toBe(201);
    const listed = (await control("GET", "keys")).json as { secretId: string; expiresAt?: number }[];
    expect(listed.find((k) => k.secretId === "AKIDtemp2")?.expiresAt).toBe(Date.UTC(2030, 0, 1));
    expect((await control("POST", "keys", { ...expiring, secretId: "AKIDtemp3", expiresAt: "soon" })).status).toBe(400);
    expect((await control("POST", "queues/p1/pause")).status).toBe(200);
    expect((await control("POST", "queues/p1/resume")).status).toBe(200);
  });

  it("exports and imports state, and resets", async () => {
    const exported = await control("GET", "state");
    expect(exported.json.version).toBe(1);
    await control("POST", "reset");
    expect((await control("GET", "jobs")).json).toEqual([]);
    const imported = await control("PUT", "state", exported.json);
    expect(imported.json.jobs).toBe((exported.json.jobs as unknown[]).length);
    expect((await control("PUT", "state", { version: 2 })).status).toBe(400);
  });

  it("answers unknown routes and bad JSON with JSON errors", async () => {
    expect((await control("GET", "nothing")).status).toBe(404);
    const bad = await fetch(`${server.url}/_fake/jobs`, { method: "POST", body: "{not json" });
    expect(bad.status).toBe(400);
  });

  it("requires the control token when configured, and a loopback peer", async () => {
    const guarded = createFakeCi({ controlApi: { token: "s3cret" } });
    const s = await guarded.listen();
    try {
      expect((await fetch(`${s.url}/_fake/clock`)).status).toBe(401);
      expect((await fetch(`${s.url}/_fake/clock`, { headers: { [CONTROL_TOKEN_HEADER]: "s3cret" } })).status).toBe(200);
    } finally {
      await s.close();
    }
    const remote = await guarded.handle({
      method: "GET",
      target: "/_fake/clock",
      headers: {},
      body: new Uint8Array(0),
      bodyTooLarge: false,
      fromLoopback: false,
    });
    expect(remote.status).toBe(403);
    const off = createFakeCi({ controlApi: false, allowAnySignature: true });
    const res = await off.fetch("http://127.0.0.1/_fake/clock");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("InvalidUrl");
  });
});
