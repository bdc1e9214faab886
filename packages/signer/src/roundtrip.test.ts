import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodePath, type GeneratedRequest, requestArb } from "./arbitraries.fixture.js";
import { formatQuery } from "./encode.js";
import { engine as nodeEngine } from "./engine-node.js";
import { engine as webEngine } from "./engine-web.js";
import { implementations, node, web } from "./implementations.fixture.js";
import type { SignRequestInput, VerifiableRequest } from "./types.js";

function toInput(r: GeneratedRequest): SignRequestInput & { url: string } {
  const query = formatQuery(r.query);
  return {
    method: r.method,
    url: `https://${r.host}${encodePath(r.pathname)}${query ? `?${query}` : ""}`,
    headers: r.hostInHeaders ? { ...r.headers, Host: r.host } : r.headers,
    credentials: r.credentials,
    keyTime: r.keyTime,
  };
}

const RUNS = 250;

describe.each(implementations)("verify(sign(x)) ($name)", (impl) => {
  async function signed(r: GeneratedRequest) {
    const input = toInput(r);
    const result = await impl.signRequest(input);
    const request: VerifiableRequest & { url: string; headers: Record<string, string> } = {
      method: r.method,
      url: input.url,
      headers: { ...(input.headers as Record<string, string>), ...result.headers },
    };
    const verify = (req: VerifiableRequest, nowSeconds = r.keyTime.start) =>
      impl.verifyRequest(req, { getSecret: () => r.credentials.secretKey, now: nowSeconds * 1000 + 999 });
    return { result, request, verify };
  }

  it("accepts every signed request, whatever unsigned headers and params are added", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.string({ maxLength: 8 }), async (r, extra) => {
        const { result, request, verify } = await signed(r);
        const outcome = await verify(request);
        expect(outcome).toMatchObject({ ok: true, secretId: r.credentials.secretId, form: "header" });
        if (outcome.ok) expect(outcome.parts).toEqual(result.parts);
        const noisy = {
          ...request,
          url: `${request.url}${request.url.includes("?") ? "&" : "?"}unsigned-noise=${encodeURIComponent(extra)}`,
          headers: { ...request.headers, "x-unsigned-noise": extra.replace(/[\r\n\0]/g, "") },
        };
        expect((await verify(noisy)).ok).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("rejects a changed method, path, signed header or signed param with SignatureDoesNotMatch", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.nat(), async (r, pick) => {
        const { result, request, verify } = await signed(r);
        const mismatch = async (req: VerifiableRequest): Promise<void> => {
          const outcome = await verify(req);
          expect(outcome).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
          if (!outcome.ok) expect(outcome.expected?.signature).not.toBe(result.parts.signature);
        };
        // method
        await mismatch({ ...request, method: r.method.toUpperCase() === "PUT" ? "POST" : "PUT" });
        // path
        const url = new URL(request.url);
        url.pathname = `${url.pathname}x`;
        await mismatch({ ...request, url: url.href });
        // a signed header (host is always among them)
        const signedHeaders = result.parts.headerList.split(";");
        const header = signedHeaders[pick % signedHeaders.length] as string;
        if (header === "host") {
          const moved = new URL(request.url);
          moved.host = "other.ci.ap-beijing.myqcloud.com";
          const headers = Object.fromEntries(
            Object.entries(request.headers).filter(([n]) => n.toLowerCase() !== "host"),
          );
          await mismatch({ ...request, url: moved.href, headers });
        } else {
          const headers = Object.fromEntries(
            Object.entries(request.headers).map(([n, v]) => [n, n.toLowerCase() === header ? `${v}x` : v]),
          );
          await mismatch({ ...request, headers });
        }
        // a signed param
        const names = Object.keys(r.query);
        const name = names[pick % Math.max(1, names.length)];
        if (name !== undefined) {
          const query = formatQuery({ ...r.query, [name]: `${r.query[name]}x` });
          await mismatch({ ...request, url: `${request.url.slice(0, request.url.indexOf("?"))}?${query}` });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("rejects a removed signed header or param as SignatureDoesNotMatch naming it", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const { result, request, verify } = await signed(r);
        const listed = result.parts.headerList.split(";").filter((n) => n !== "host");
        for (const name of listed) {
          const headers = Object.fromEntries(Object.entries(request.headers).filter(([n]) => n.toLowerCase() !== name));
          expect(await verify({ ...request, headers })).toMatchObject({
            ok: false,
            code: "SignatureDoesNotMatch",
            missingHeaders: [name],
          });
        }
        if (result.parts.urlParamList !== "") {
          const bare = request.url.slice(0, request.url.indexOf("?"));
          const outcome = await verify({ ...request, url: bare });
          expect(outcome).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
          if (!outcome.ok) expect(outcome.missingParams?.join(";")).toBe(result.parts.urlParamList);
        }
      }),
      { numRuns: RUNS / 5 },
    );
  });

  it("rejects the time: SignatureExpired after the window, RequestTimeTooSkewed far before it, mismatch for an edited q-sign-time", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, fc.integer({ min: 1, max: 10_000 }), async (r, delta) => {
        const { request, verify } = await signed(r);
        expect(await verify(request, r.keyTime.end)).toMatchObject({ ok: true });
        expect(await verify(request, r.keyTime.end + delta)).toMatchObject({ ok: false, code: "SignatureExpired" });
        if (r.keyTime.start - 900 - delta >= 0) {
          expect(await verify(request, r.keyTime.start - 900)).toMatchObject({ ok: true });
          expect(await verify(request, r.keyTime.start - 900 - delta)).toMatchObject({
            ok: false,
            code: "RequestTimeTooSkewed",
          });
        }
        const edited = request.headers.authorization?.replace(
          /q-sign-time=(\d+);(\d+)/,
          (_m, start: string, end: string) => `q-sign-time=${start};${Number(end) + 1}`,
        );
        expect(
          await verify({ ...request, headers: { ...request.headers, authorization: edited as string } }),
        ).toMatchObject({
          ok: false,
          code: "SignatureDoesNotMatch",
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("verifies presigned URLs (query form) and rejects them after expiry", async () => {
    await fc.assert(
      fc.asyncProperty(
        requestArb,
        fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }),
        async (r, token) => {
          const input = toInput(r);
          const credentials = token === undefined ? r.credentials : { ...r.credentials, sessionToken: token };
          const presigned = await impl.presignUrl({ ...input, credentials });
          expect(presigned.expiresAt).toBe(r.keyTime.end);
          const request = { method: r.method, url: presigned.url, headers: input.headers };
          const options = { getSecret: () => r.credentials.secretKey, now: r.keyTime.start * 1000 };
          const outcome = await impl.verifyRequest(request, options);
          expect(outcome).toMatchObject({ ok: true, form: "query", secretId: r.credentials.secretId });
          if (outcome.ok) expect(outcome.token?.value).toBe(token);
          const late = await impl.verifyRequest(request, { ...options, now: (r.keyTime.end + 1) * 1000 });
          expect(late).toMatchObject({ ok: false, code: "SignatureExpired", form: "query" });
        },
      ),
      { numRuns: RUNS / 5 },
    );
  });
});

describe("node:crypto and Web Crypto implementations", () => {
  it("give identical results for generated requests (sign, presign, verify)", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const input = toInput(r);
        expect(await web.signRequest(input)).toEqual(await node.signRequest(input));
        expect(await web.presignUrl(input)).toEqual(await node.presignUrl(input));
        const signed = await node.signRequest(input);
        const request = { ...input, headers: { ...(input.headers as Record<string, string>), ...signed.headers } };
        const wrong = { ...request, method: "OPTIONS" };
        const options = { getSecret: () => r.credentials.secretKey, now: r.keyTime.start * 1000 };
        expect(await web.verifyRequest(request, options)).toEqual(await node.verifyRequest(request, options));
        expect(await web.verifyRequest(wrong, options)).toEqual(await node.verifyRequest(wrong, options));
      }),
      { numRuns: 300 },
    );
  });

  it("name themselves", () => {
    expect([nodeEngine.runtime, webEngine.runtime]).toEqual(["node", "web"]);
  });
});
