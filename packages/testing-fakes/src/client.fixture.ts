import { signRequest } from "@cibatch/signer";
import type { FakeAccount } from "./accounts.js";
import type { FakeCi } from "./node.js";

/** The CI host the fixtures sign for. */
export const CI_HOST = "examplebucket-1250000000.ci.ap-beijing.myqcloud.com";

/** Test credentials bound to the default bucket's APPID. */
export const ACCOUNT: FakeAccount = {
  bucket: "examplebucket-1250000000",
  secretId: "AKIDtestFIXTURE00000000000000000001",
  secretKey: "fixture-secret-key-000000000001",
};

export interface SignedCall {
  readonly method?: string;
  /** Path and query as sent, e.g. `/inventorytriggerjob?size=2`. */
  readonly target: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly host?: string;
  readonly account?: FakeAccount;
  /** Signing time (default: the fake clock). */
  readonly now?: number;
  readonly sessionToken?: string;
  readonly headersToSign?: readonly string[];
  readonly paramsToSign?: readonly string[];
}

/** Signs a request with @cibatch/signer and sends it through `fake.fetch` (Host = the real CI host). */
export async function signedFetch(fake: FakeCi, call: SignedCall): Promise<Response> {
  const request = await signedRequest(fake, call);
  return fake.fetch(request);
}

/** Builds the signed Request without sending it. */
export async function signedRequest(fake: FakeCi, call: SignedCall, base = "http://127.0.0.1:9"): Promise<Request> {
  const method = call.method ?? "GET";
  const host = call.host ?? CI_HOST;
  const headers: Record<string, string> = { host, ...call.headers };
  if (call.body !== undefined) {
    headers["content-type"] ??= "application/xml";
    headers["content-length"] ??= String(Buffer.byteLength(call.body));
  }
  const account = call.account ?? ACCOUNT;
  const signed = await signRequest({
    method,
    url: `http://${host}${call.target}`,
    headers,
    credentials: {
      secretId: account.secretId,
      secretKey: account.secretKey,
      ...(call.sessionToken !== undefined ? { sessionToken: call.sessionToken } : {}),
    },
    now: call.now ?? fake.clock.now(),
    ...(call.headersToSign ? { headersToSign: call.headersToSign } : {}),
    ...(call.paramsToSign ? { paramsToSign: call.paramsToSign } : {}),
  });
  return new Request(`${base}${call.target}`, {
    method,
    headers: { ...headers, ...signed.headers },
    ...(call.body !== undefined ? { body: call.body } : {}),
  });
}

/** The Go SDK's byte-exact Job-variant create body. */
export const GO_JOB_BODY =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
  "<Request><Name>demo</Name><Type>Job</Type><Input><Prefix>input</Prefix></Input><Operation><TimeInterval><Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval><QueueId>p893bcda225bf4945a378da6662e81a89</QueueId><UserData>this is my inventorytriggerjob</UserData><JobLevel>1</JobLevel><CallBack>https://www.callback.com</CallBack><Tag>Transcode</Tag><JobParam><TemplateId>t1460606b9752148c4ab182f55163ba7cd</TemplateId></JobParam><Output><Region>ap-chongqing</Region><Bucket>test-1234567890</Bucket><Object>output/${InventoryTriggerJobId}/out.mp4</Object></Output></Operation></Request>";

/** The documented workflow create body. */
export const WORKFLOW_BODY =
  "<Request><Name>demo</Name><Type>Workflow</Type><Input><Prefix>input</Prefix></Input><Operation><TimeInterval><Start>2022-02-01T12:00:00+0800</Start><End>2022-05-01T12:00:00+0800</End></TimeInterval><WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation></Request>";

/** A create body for a workflow job named `name`. */
export function workflowBody(name: string, prefix = "input/"): string {
  return `<Request><Name>${name}</Name><Type>Workflow</Type><Input><Prefix>${prefix}</Prefix></Input><Operation><WorkflowIds>w7476ff3564ee45b7b490d64bccaba6cc</WorkflowIds></Operation></Request>`;
}
