import { createHash, createHmac } from "node:crypto";
import { createRequire } from "node:module";
import { signRequest } from "@cibatch/signer";
import { interleavedRounds, type Metric, opsPerSecond, type Suite, throughputMetric } from "../measure.js";

/** The official SDK's static signer (CommonJS). */
interface OfficialSdk {
  getAuthorization(options: {
    SecretId: string;
    SecretKey: string;
    Method: string;
    Pathname: string;
    Query: Record<string, string>;
    Headers: Record<string, string>;
    KeyTime: string;
  }): string;
}

const require = createRequire(import.meta.url);

// The sample keys of Tencent's COS "Request Signature" documentation, not a real account.
const SECRET_ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
const SECRET_KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
const HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";
const PATH = "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9";
const URL_ = `https://${HOST}${PATH}`;
const START = 1_700_000_000;
const KEY_TIME = `${START - 60};${START + 900}`;
const ROUND_MS = 300;
const ROUNDS = 7;

/** The bare algorithm with node:crypto, inline: the floor any signer pays for three HMAC/SHA1 calls. */
function floor(): string {
  const signKey = createHmac("sha1", SECRET_KEY).update(KEY_TIME).digest("hex");
  const httpString = `get\n${PATH}\n\nhost=${HOST}\n`;
  const stringToSign = `sha1\n${KEY_TIME}\n${createHash("sha1").update(httpString).digest("hex")}\n`;
  const signature = createHmac("sha1", signKey).update(stringToSign).digest("hex");
  return `q-sign-algorithm=sha1&q-ak=${SECRET_ID}&q-sign-time=${KEY_TIME}&q-key-time=${KEY_TIME}&q-header-list=host&q-url-param-list=&q-signature=${signature}`;
}

/**
 * Signatures per second for a describe request (`GET /inventorytriggerjob/<id>`, host signed, the same
 * KeyTime for every contender): @cibatch/signer (built node entry) against the official
 * `COS.getAuthorization`, with the inline node:crypto floor and a cold-cache run of ours as extras.
 */
export const signerSuite: Suite = {
  name: "signer",
  async run(): Promise<Metric[]> {
    const COS = require("cos-nodejs-sdk-v5") as OfficialSdk;
    const credentials = { secretId: SECRET_ID, secretKey: SECRET_KEY };
    const official = (): string =>
      COS.getAuthorization({
        SecretId: SECRET_ID,
        SecretKey: SECRET_KEY,
        Method: "GET",
        Pathname: PATH,
        Query: {},
        Headers: { Host: HOST },
        KeyTime: KEY_TIME,
      });
    const ours = (): Promise<unknown> => signRequest({ method: "GET", url: URL_, credentials, keyTime: KEY_TIME });
    // A new KeyTime on every call: the SignKey cache (64 entries) never hits.
    let shift = 0;
    const oursCold = (): Promise<unknown> => {
      shift = (shift + 1) % 1_000_000;
      return signRequest({
        method: "GET",
        url: URL_,
        credentials,
        keyTime: { start: START + shift, end: START + shift + 900 },
      });
    };

    // Same inputs, same answer: otherwise the comparison means nothing.
    const mine = (await signRequest({ method: "GET", url: URL_, credentials, keyTime: KEY_TIME })).authorization;
    if (mine !== official() || mine !== floor()) {
      throw new Error("signer bench: @cibatch/signer, the official SDK and the floor disagree on the describe request");
    }

    const results = await interleavedRounds(
      {
        ours: () => opsPerSecond(ours, ROUND_MS),
        official: () => opsPerSecond(official, ROUND_MS),
        floor: () => opsPerSecond(floor, ROUND_MS),
        oursCold: () => opsPerSecond(oursCold, ROUND_MS),
      },
      ROUNDS,
    );
    const median = (name: string): number => results[name]?.median ?? Number.NaN;
    return [
      throughputMetric(
        {
          id: "signer.signatures-per-second",
          label: "signatures/s, describe request (GET /inventorytriggerjob/<id>, host signed)",
          unit: "ops/s",
          ours: median("ours"),
          peerName: "cos-nodejs-sdk-v5@3.0.0 COS.getAuthorization",
          peer: median("official"),
          extra: {
            floorNodeCrypto: median("floor"),
            oursVsFloor: median("ours") / median("floor"),
            oursColdCache: median("oursCold"),
            oursColdVsOfficial: median("oursCold") / median("official"),
            rounds: ROUNDS,
            roundMs: ROUND_MS,
          },
        },
        2.0,
      ),
    ];
  },
};
