import { request as httpRequest } from "node:http";
import { type SignedCall, signedRequest } from "./client.fixture.js";
import type { FakeCi } from "./node.js";

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP/1.1 request with node:http, exactly the given headers (no client library). */
export function rawHttp(
  baseUrl: string,
  call: { method?: string; target: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: call.method ?? "GET",
        path: call.target,
        headers: call.headers ?? {},
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (call.body !== undefined) req.write(call.body);
    req.end();
  });
}

/** Signs with @cibatch/signer (Host = the real CI host) and sends over node:http to the listener. */
export async function signedRaw(fake: FakeCi, baseUrl: string, call: SignedCall): Promise<RawResponse> {
  const req = await signedRequest(fake, call);
  const headers: Record<string, string> = {};
  for (const [name, value] of req.headers) headers[name] = value;
  return rawHttp(baseUrl, {
    method: req.method,
    target: call.target,
    headers,
    ...(call.body !== undefined ? { body: call.body } : {}),
  });
}

/** The text of the first `<name>` element, or undefined (test helper; not an XML parser). */
export function xmlText(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return m?.[1];
}

/** Every text of `<name>` elements in order. */
export function xmlTexts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, "g"))].map((m) => m[1] as string);
}
