import { describe, expect, it } from "vitest";
import { presignUrl, signRequest, verifyRequest } from "./index.js";

// The README's example, with the network call left out.
describe("README example", () => {
  it("signs, verifies and presigns", async () => {
    const url =
      "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9";
    const credentials = { secretId: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", secretKey: "secret", sessionToken: "tok" };

    const signed = await signRequest({ method: "GET", url, credentials });
    expect(Object.keys(signed.headers)).toEqual(["authorization", "x-ci-security-token"]);

    const result = await verifyRequest(new Request(url, { headers: signed.headers }), {
      getSecret: (secretId) => (secretId === credentials.secretId ? credentials.secretKey : undefined),
      now: Date.now(),
    });
    expect(result).toMatchObject({ ok: true, token: { value: "tok", name: "x-ci-security-token" } });

    const { url: link, expiresAt } = await presignUrl({ method: "GET", url, credentials, expiresIn: 300 });
    expect(expiresAt - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(300);
    expect((await verifyRequest({ method: "GET", url: link }, { getSecret: () => "secret" })).ok).toBe(true);
  });
});
