import { engine as webEngine } from "./engine-web.js";
import * as entry from "./index.js";
import { presignUrlWith, signRequestWith } from "./sign-request.js";
import { verifyRequestWith } from "./verify-request.js";

/** The public functions whose results depend on the engine. */
export interface Implementation {
  readonly name: string;
  readonly signRequest: typeof entry.signRequest;
  readonly presignUrl: typeof entry.presignUrl;
  readonly verifyRequest: typeof entry.verifyRequest;
}

/** The package entry as Node loads it (node:crypto, through `#engine`). */
export const node: Implementation = {
  name: "node:crypto",
  signRequest: entry.signRequest,
  presignUrl: entry.presignUrl,
  verifyRequest: entry.verifyRequest,
};

/** The same functions over the Web Crypto engine, as every other runtime loads them. */
export const web: Implementation = {
  name: "Web Crypto",
  signRequest: (input) => signRequestWith(webEngine, input),
  presignUrl: (input) => presignUrlWith(webEngine, input),
  verifyRequest: (request, options) => verifyRequestWith(webEngine, request, options),
};

/** Both implementations, to run the same tests against each. */
export const implementations: readonly Implementation[] = [node, web];
