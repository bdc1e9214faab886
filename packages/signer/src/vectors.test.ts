import { beforeAll, describe, expect, it } from "vitest";
import { formatQuery } from "./encode.js";
import { implementations } from "./implementations.fixture.js";
import { signRequest } from "./index.js";
import type { SignedRequest, SignRequestInput } from "./types.js";
import { type SignatureVector, vectorHost, vectors } from "./vectors.fixture.js";

/** The request of a vector, built from its decoded path and query (the vector's `pathname` and `query`). */
function decodedInput(vector: SignatureVector): SignRequestInput {
  const path = vector.pathname.split("/").map(encodeURIComponent).join("/");
  const query = formatQuery(vector.query);
  return {
    method: vector.method,
    url: `https://${vectorHost(vector)}${path}${query ? `?${query}` : ""}`,
    headers: vector.headers,
    credentials: { secretId: vector.secretId, secretKey: vector.secretKey },
    keyTime: vector.keyTime,
    // null = sign every header the vector lists (V1 and V2 sign `date`, outside our defaults).
    headersToSign: vector.signedHeaders ?? Object.keys(vector.headers),
    paramsToSign: vector.signedParams ?? undefined,
  };
}

/** The same request as it travels on the wire (`wirePath`, `wireQuery`). */
function wireUrl(vector: SignatureVector): string {
  const query = vector.wireQuery === undefined ? "" : `?${vector.wireQuery}`;
  return `https://${vectorHost(vector)}${vector.wirePath ?? vector.pathname}${query}`;
}

const STEPS = [
  "signKey",
  "httpString",
  "sha1HttpString",
  "stringToSign",
  "headerList",
  "urlParamList",
  "signature",
  "authorization",
] as const;

describe.each(implementations)("signature vectors ($name)", (impl) => {
  it("reads all 15 vectors from test-vectors/signature-vectors.json", () => {
    expect(vectors.length).toBe(15);
  });

  describe.each(vectors)("$name", (vector) => {
    let signed: SignedRequest;
    beforeAll(async () => {
      signed = await impl.signRequest(decodedInput(vector));
    });

    // One assertion per step, in the order of the algorithm (AWS SigV4 test-suite layout).
    it.each(STEPS)("%s", (step) => {
      expect(signed.parts[step]).toBe(vector.expected[step]);
    });

    it("returns the Authorization value as the authorization header", () => {
      expect(signed.authorization).toBe(vector.expected.authorization);
      expect(signed.headers).toEqual({ authorization: vector.expected.authorization });
    });

    it("signs the wire form (wirePath + wireQuery) identically", async () => {
      const wire = await impl.signRequest({ ...decodedInput(vector), url: wireUrl(vector) });
      expect(wire.parts.signature).toBe(vector.expected.signature);
    });

    it("verifies the vector replayed as a request, and rejects a one-byte change of the signature", async () => {
      const [start] = vector.keyTime.split(";").map(Number) as [number];
      const request = {
        method: vector.method,
        url: wireUrl(vector),
        headers: { ...vector.headers, Authorization: vector.expected.authorization },
      };
      const options = { getSecret: () => vector.secretKey, now: (start + 1) * 1000 };
      const good = await impl.verifyRequest(request, options);
      expect(good).toMatchObject({ ok: true, secretId: vector.secretId, form: "header" });

      const last = vector.expected.authorization.at(-1) === "0" ? "1" : "0";
      const flipped = `${vector.expected.authorization.slice(0, -1)}${last}`;
      const bad = await impl.verifyRequest(
        { ...request, headers: { ...vector.headers, Authorization: flipped } },
        options,
      );
      expect(bad).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
      if (!bad.ok) expect(bad.expected?.httpString).toBe(vector.expected.httpString);
    });
  });
});

describe("signature vectors with the default header selection", () => {
  // Vectors whose signed headers are exactly what our defaults pick: no `date`, no signed token,
  // no explicit subset. Their published values must come out without any headersToSign.
  const defaults = vectors.filter(
    (v) =>
      v.signedHeaders === null &&
      !Object.keys(v.headers).some((name) => /^(date|x-c(os|i)-security-token)$/i.test(name)),
  );

  it("covers the derived CI vectors and the SDK-expressible COS ones", () => {
    expect(defaults.map((v) => v.name)).toEqual(
      expect.arrayContaining(["A-describe", "B-list-filters", "E-create-content-type", "legacy-get-range"]),
    );
  });

  it.each(defaults)("$name", async (vector) => {
    const { headersToSign: _ignored, ...input } = decodedInput(vector);
    const { parts } = await signRequest(input);
    expect(parts.authorization).toBe(vector.expected.authorization);
  });
});
