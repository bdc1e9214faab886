import { signRequest, verifyRequest } from "@cibatch/signer";
import type { ExampleEnv } from "./env.js";

/**
 * Reproduces a `SignatureDoesNotMatch` (a query changed after signing) and explains it by comparing the
 * HttpString we signed with the one the verifier rebuilt from what was sent.
 */
export async function main(env: ExampleEnv): Promise<{ status: number; code: string; differs: boolean }> {
  const log = env.log ?? console.log;
  // #region sign
  const signedUrl = `${env.endpoint}/inventorytriggerjob?size=10`;
  const signed = await signRequest({ method: "GET", url: signedUrl, credentials: env.credentials });
  log(signed.parts.httpString); // "get\n/inventorytriggerjob\nsize=10\nhost=127.0.0.1%3A…\n"
  log(signed.parts.stringToSign); // "sha1\n<q-sign-time>\n<sha1 of the HttpString>\n"
  // #endregion sign

  // #region mismatch
  // The bug: the request sent is not the one that was signed.
  const sentUrl = `${env.endpoint}/inventorytriggerjob?size=20`;
  const response = await fetch(sentUrl, { headers: signed.headers });
  const body = await response.text();
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? "";
  log(response.status, code); // 403 "SignatureDoesNotMatch"

  // Rebuild what a verifier computes from the request as sent, and compare the HttpStrings line by line.
  const result = await verifyRequest(new Request(sentUrl, { headers: signed.headers }), {
    getSecret: (id) => (id === env.credentials.secretId ? env.credentials.secretKey : undefined),
  });
  const differs = !result.ok && result.expected?.httpString !== signed.parts.httpString;
  if (!result.ok) {
    const ours = signed.parts.httpString.split("\n");
    const theirs = result.expected?.httpString.split("\n") ?? [];
    ours.forEach((line, i) => {
      if (line !== theirs[i]) log(`line ${i + 1}: signed ${JSON.stringify(line)}, sent ${JSON.stringify(theirs[i])}`);
    }); // line 3: signed "size=10", sent "size=20"
  }
  // #endregion mismatch
  return { status: response.status, code, differs };
}
