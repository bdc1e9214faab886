import { decodeErrorBody } from "@cibatch/xml-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeAccount } from "./accounts.js";
import { authErrorFor } from "./auth.js";
import { ACCOUNT, CI_HOST, type SignedCall, signedRequest } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";
import { type RawResponse, rawHttp } from "./raw-http.fixture.js";
import { loadVectors } from "./vectors.fixture.js";

const NOW = Date.UTC(2024, 3, 1, 12, 0, 0);
const TEMP: FakeAccount = {
  bucket: "examplebucket-1250000000",
  secretId: "AKIDtemporaryFIXTURE0000000000000002",
  secretKey: "temporary-secret-key-0000000002",
  token: "session-token-abc",
  expiresAt: new Date(NOW + 3_600_000),
};
let fake: FakeCi;
let server: RunningListener;

beforeAll(async () => {
  fake = createFakeCi({ clock: manualClock(NOW), randomSeed: "auth", accounts: [ACCOUNT, TEMP] });
  server = await fake.listen();
});
afterAll(() => server.close());

/** Signs `sign`, lets `mutate` change method/target/headers, sends the result raw. */
async function send(
  sign: SignedCall,
  mutate: (r: { method: string; target: string; headers: Record<string, string> }) => void = () => undefined,
): Promise<RawResponse> {
  const request = await signedRequest(fake, sign);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  const wire = { method: request.method, target: sign.target, headers };
  mutate(wire);
  return rawHttp(server.url, { ...wire, ...(sign.body !== undefined ? { body: sign.body } : {}) });
}
function expectError(res: RawResponse, status: number, code: string): string {
  expect(res.status, res.body).toBe(status);
  const error = decodeErrorBody(res.body);
  expect(error.Code).toBe(code);
  expect(res.headers["x-ci-request-id"]).toBe(error.RequestId);
  expect(res.headers["x-ci-trace-id"]).toBe(error.TraceId);
  return error.Message ?? "";
}

describe("signature verification (cos error table, default)", () => {
  const target = "/inventorytriggerjob?size=1&states=Running";

  it("accepts a correct signature", async () => {
    expect((await send({ target })).status).toBe(200);
    expect(fake.journal.last()?.signature).toMatchObject({ result: "ok", accepted: true, secretId: "****0001" });
  });

  it("wrong key → 403 SignatureDoesNotMatch, the message carries the StringToSign the fake expected", async () => {
    const message = expectError(
      await send({ target, account: { ...ACCOUNT, secretKey: "not-the-key" } }),
      403,
      "SignatureDoesNotMatch",
    );
    const expected = fake.journal.last()?.signature.expected;
    expect(expected?.stringToSign).toMatch(/^sha1\n\d+;\d+\n[0-9a-f]{40}\n$/);
    expect(message).toContain(JSON.stringify(expected?.stringToSign));
    expect(message).toContain(JSON.stringify(expected?.httpString));
  });

  it("a mutated signed header → 403 SignatureDoesNotMatch", async () => {
    const res = await send({ target, headers: { "x-cos-meta-a": "1" } }, (r) => {
      r.headers["x-cos-meta-a"] = "2";
    });
    expectError(res, 403, "SignatureDoesNotMatch");
  });

  it("a mutated signed param → 403 SignatureDoesNotMatch", async () => {
    const res = await send({ target }, (r) => {
      r.target = "/inventorytriggerjob?size=2&states=Running";
    });
    expectError(res, 403, "SignatureDoesNotMatch");
  });

  it("a mutated path → 403 SignatureDoesNotMatch", async () => {
    const res = await send({ target: "/inventorytriggerjob/baaaa" }, (r) => {
      r.target = "/inventorytriggerjob/bbbbb";
    });
    expectError(res, 403, "SignatureDoesNotMatch");
  });

  it("a mutated method → 403 SignatureDoesNotMatch", async () => {
    const res = await send({ target: "/inventorytriggerjob/baaaa?cancel" }, (r) => {
      r.method = "PUT";
    });
    expectError(res, 403, "SignatureDoesNotMatch");
  });

  it("a listed header the request lacks → 403 SignatureDoesNotMatch", async () => {
    const res = await send({ target, headers: { "x-cos-meta-a": "1" } }, (r) => {
      delete r.headers["x-cos-meta-a"];
    });
    expectError(res, 403, "SignatureDoesNotMatch");
  });

  it("expired → 403 AccessDenied 'Request has expired' (the message the official SDKs correct their clock on)", async () => {
    const message = expectError(await send({ target, now: NOW - 2 * 3_600_000 }), 403, "AccessDenied");
    expect(message).toBe("Request has expired");
  });

  it("not yet valid (start > 900 s ahead) → 403 RequestTimeTooSkewed; within 900 s is tolerated", async () => {
    expectError(await send({ target, now: NOW + 3_600_000 }), 403, "RequestTimeTooSkewed");
    // the signer backdates 60 s, so now + 10 min starts 9 min ahead: inside the tolerance
    expect((await send({ target, now: NOW + 600_000 })).status).toBe(200);
  });

  it("unknown SecretId → 403 InvalidAccessKeyId", async () => {
    expectError(
      await send({ target, account: { ...ACCOUNT, secretId: "AKIDunknown000000000000000000000000" } }),
      403,
      "InvalidAccessKeyId",
    );
  });

  it("malformed Authorization → 401 InvalidAuthorization", async () => {
    const res = await send({ target }, (r) => {
      r.headers.authorization = "q-sign-algorithm=md5&q-ak=x";
    });
    expectError(res, 401, "InvalidAuthorization");
  });

  it("missing Authorization → 401 MissingAuthorization", async () => {
    const res = await send({ target }, (r) => {
      delete r.headers.authorization;
    });
    expectError(res, 401, "MissingAuthorization");
  });

  it("ignores unsigned headers and params", async () => {
    const res = await send({ target }, (r) => {
      r.headers["x-unsigned"] = "whatever";
      r.headers["user-agent"] = "test";
      r.target = `${target}&unsignedParam=1`;
    });
    expect(res.status).toBe(200);
    expect(fake.journal.last()?.unknownParams).toEqual(["unsignedParam"]);
  });
});

describe("temporary credentials", () => {
  const target = "/inventorytriggerjob";

  it.each(["x-ci-security-token", "x-cos-security-token"])("accepts the token in %s, unsigned", async (name) => {
    const res = await send({ target, account: TEMP }, (r) => {
      r.headers[name] = "session-token-abc";
    });
    expect(res.status, res.body).toBe(200);
    expect(fake.journal.last()?.headers[name]).toBe("[REDACTED]");
  });

  it("accepts a signed token too (the Python and Go SDKs sign it)", async () => {
    const res = await send({
      target,
      account: TEMP,
      headers: { "x-cos-security-token": "session-token-abc" },
      headersToSign: ["host", "x-cos-security-token"],
    });
    expect(res.status, res.body).toBe(200);
  });

  it("refuses a missing or foreign token with 403 AccessDenied", async () => {
    expectError(await send({ target, account: TEMP }), 403, "AccessDenied");
    const res = await send({ target, account: TEMP }, (r) => {
      r.headers["x-ci-security-token"] = "someone-elses";
    });
    expectError(res, 403, "AccessDenied");
  });

  it("refuses an expired temporary key with 400 ExpiredToken", async () => {
    fake.clock.set(NOW + 2 * 3_600_000);
    try {
      const res = await send({ target, account: TEMP }, (r) => {
        r.headers["x-ci-security-token"] = "session-token-abc";
      });
      expectError(res, 400, "ExpiredToken");
    } finally {
      fake.clock.set(NOW);
    }
  });
});

describe("authErrors: ci", () => {
  it.each([
    ["wrong key", { account: { ...ACCOUNT, secretKey: "bad" } }, 401, "AccessDenied"],
    [
      "unknown SecretId",
      { account: { ...ACCOUNT, secretId: "AKIDnobody00000000000000000000000000" } },
      401,
      "SecretidNotExist",
    ],
    ["expired", { now: NOW - 2 * 3_600_000 }, 401, "SignatureExpired"],
    ["not yet valid", { now: NOW + 3_600_000 }, 401, "SignatureExpired"],
  ] as const)("%s → %i %s", async (_what, extra, status, code) => {
    fake.configure({ authErrors: "ci" });
    try {
      expectError(await send({ target: "/inventorytriggerjob", ...extra }), status, code);
    } finally {
      fake.configure({ authErrors: "cos" });
    }
  });

  it("maps every failure in both tables", () => {
    expect(authErrorFor("ExpiredToken", "cos")).toEqual({ status: 400, code: "ExpiredToken" });
    expect(authErrorFor("ExpiredToken", "ci")).toEqual({ status: 401, code: "SignatureExpired" });
    expect(authErrorFor("MissingAuthorization", "ci")).toEqual({ status: 401, code: "MissingAuthorization" });
  });
});

describe("allowAnySignature", () => {
  it("is an explicit opt-out: the request goes through, the journal keeps the failed verdict", async () => {
    fake.configure({ allowAnySignature: true });
    try {
      const res = await send({ target: "/inventorytriggerjob", account: { ...ACCOUNT, secretKey: "bad" } });
      expect(res.status).toBe(200);
      expect(fake.journal.last()?.signature).toMatchObject({
        result: "failed",
        code: "SignatureDoesNotMatch",
        accepted: true,
      });
      const unsigned = await rawHttp(server.url, { target: "/inventorytriggerjob", headers: { host: CI_HOST } });
      expect(unsigned.status).toBe(200);
    } finally {
      fake.configure({ allowAnySignature: false });
    }
    expect(createFakeCi().config().allowAnySignature).toBe(false);
  });
});

describe("Tencent's signature vectors, replayed as real requests", () => {
  const vectors = loadVectors();
  const replay = createFakeCi({
    clock: manualClock(),
    accounts: [...new Map(vectors.map((v) => [v.secretId, { secretId: v.secretId, secretKey: v.secretKey }])).values()],
  });

  it.each(vectors.map((v) => [v.name, v] as const))("%s verifies, and a one-byte change does not", async (_name, v) => {
    const start = Number(v.keyTime.split(";")[0]);
    replay.clock.set((start + 1) * 1000);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(v.headers)) headers[name.toLowerCase()] = value;
    const target = `${v.wirePath ?? v.pathname}${v.wireQuery !== undefined ? `?${v.wireQuery}` : ""}`;
    const request = { method: v.method, target, body: new Uint8Array(0), bodyTooLarge: false };
    await replay.handle({ ...request, headers: { ...headers, authorization: v.expected.authorization } });
    expect(replay.journal.last()?.signature).toMatchObject({ result: "ok" });
    const sig = v.expected.signature;
    const flipped = `${sig.slice(0, -1)}${sig.endsWith("0") ? "1" : "0"}`;
    const mutated = v.expected.authorization.replace(`q-signature=${sig}`, `q-signature=${flipped}`);
    expect(mutated).not.toBe(v.expected.authorization);
    await replay.handle({ ...request, headers: { ...headers, authorization: mutated } });
    expect(replay.journal.last()?.signature).toMatchObject({ result: "failed", code: "SignatureDoesNotMatch" });
  });
});
