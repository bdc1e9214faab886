import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ACCOUNT, signedFetch, signedRequest, WORKFLOW_BODY } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import { isFakeCiError } from "./errors.js";
import { createFakeCi } from "./node.js";

describe("journal", () => {
  it("records method, path, query, unknown params, body, verdict, status and job ids; secrets redacted", async () => {
    const fake = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT] });
    await signedFetch(fake, {
      method: "POST",
      target: "/inventorytriggerjob",
      body: WORKFLOW_BODY,
      sessionToken: "tok-secret",
    });
    const entry = fake.journal.last();
    expect(entry).toMatchObject({
      seq: 1,
      op: "CreateInventoryTriggerJob",
      method: "POST",
      path: "/inventorytriggerjob",
      body: WORKFLOW_BODY,
      status: 200,
      handled: true,
    });
    expect(entry?.jobIds).toHaveLength(1);
    expect(entry?.headers.authorization).toContain("q-signature=[REDACTED]");
    expect(JSON.stringify(fake.journal.entries())).not.toMatch(/tok-secret|fixture-secret-key/);
    await signedFetch(fake, { target: "/inventorytriggerjob?size=2&States=Running&bogus=1" });
    expect(fake.journal.last()).toMatchObject({
      query: { size: "2", States: "Running", bogus: "1" },
      unknownParams: ["States", "bogus"],
    });
  });

  it("counts and asserts", async () => {
    const fake = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT] });
    await signedFetch(fake, { method: "POST", target: "/inventorytriggerjob", body: WORKFLOW_BODY });
    await signedFetch(fake, { target: "/nope" });
    expect(fake.journal.count({ op: "CreateInventoryTriggerJob" })).toBe(1);
    expect(
      fake.journal.count({ method: "get", handled: false, status: 404, errorCode: "InvalidUrl", path: "/nope" }),
    ).toBe(1);
    expect(fake.journal.find({ since: 1 }).map((e) => e.seq)).toEqual([2]);
    fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 1);
    let caught: unknown;
    try {
      fake.journal.expectCount({ op: "CreateInventoryTriggerJob" }, 2);
    } catch (error) {
      caught = error;
    }
    expect(isFakeCiError(caught) && caught.code).toBe("JournalAssertion");
    expect((caught as Error).message).toMatch(/expected 2 request\(s\).*found 1: #1 POST \/inventorytriggerjob → 200/);
    expect(() => fake.journal.expectNoUnhandled()).toThrow(/#2 GET \/nope → 404 InvalidUrl/);
    expect(() => fake.journal.expectCount((e) => e.status === 500, 1)).toThrow(/the predicate, found 0$/);
    fake.journal.clear();
    expect(fake.journal.entries()).toEqual([]);
    fake.journal.expectNoUnhandled();
  });

  it("keeps only the newest entries beyond its limit", async () => {
    const fake = createFakeCi({ clock: manualClock(), allowAnySignature: true, journalLimit: 3 });
    for (let i = 0; i < 8; i++) await fake.fetch("http://127.0.0.1/inventorytriggerjob");
    expect(fake.journal.entries().map((e) => e.seq)).toEqual([6, 7, 8]);
    expect(() => createFakeCi({ journalLimit: 0 })).toThrow(/journalLimit/);
  });
});

describe("journal signing values", () => {
  it("keeps every intermediate value of an accepted signature (never the SignKey)", async () => {
    const fake = createFakeCi({ clock: manualClock(), accounts: [ACCOUNT] });
    await signedFetch(fake, { target: "/inventorytriggerjob?size=2" });
    const entry = fake.journal.last();
    expect(entry?.signature.result).toBe("ok");
    const values = entry?.signature.expected ?? {};
    expect(Object.keys(values).sort()).toEqual(
      ["headerList", "httpString", "keyTime", "sha1HttpString", "signTime", "stringToSign", "urlParamList"].sort(),
    );
    expect(values.httpString?.startsWith("get\n/inventorytriggerjob\nsize=2\n")).toBe(true);
    expect(values.urlParamList).toBe("size");
    // StringToSign is `sha1\n<q-sign-time>\n<SHA1(HttpString)>\n`, recomputed here with node:crypto.
    const sha1 = createHash("sha1")
      .update(values.httpString ?? "")
      .digest("hex");
    expect(values.sha1HttpString).toBe(sha1);
    expect(values.stringToSign).toBe(`sha1\n${values.signTime}\n${sha1}\n`);
    // The (redacted) Authorization header the client sent names the same window and lists.
    const auth = entry?.headers.authorization ?? "";
    expect(auth).toContain(`q-key-time=${values.keyTime}&`);
    expect(auth).toContain(`q-header-list=${values.headerList}&`);
    expect(JSON.stringify(entry)).not.toMatch(/signKey/i);
  });

  it("keeps the parsed q-* times and lists when verification stops before recomputing (expired)", async () => {
    const clock = manualClock();
    const fake = createFakeCi({ clock, accounts: [ACCOUNT] });
    const request = await signedRequest(fake, { target: "/inventorytriggerjob" });
    clock.advance(3600 * 1000);
    const res = await fake.fetch(request);
    expect(res.status).toBe(403);
    const verdict = fake.journal.last()?.signature;
    expect(verdict).toMatchObject({ result: "failed", code: "SignatureExpired" });
    expect(verdict?.expected?.keyTime).toMatch(/^\d+;\d+$/);
    expect(verdict?.expected?.headerList).toContain("host");
    expect(verdict?.expected?.httpString).toBeUndefined();
  });
});
