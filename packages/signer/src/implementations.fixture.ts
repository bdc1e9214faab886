import * as web from "./index.js";
import * as node from "./node.js";

/** The public functions that differ between the two entries. */
export interface Implementation {
  readonly name: string;
  readonly signRequest: typeof node.signRequest;
  readonly presignUrl: typeof node.presignUrl;
  readonly verifyRequest: typeof node.verifyRequest;
}

/** Both implementations, to run the same tests against each. */
export const implementations: readonly Implementation[] = [
  {
    name: "node:crypto",
    signRequest: node.signRequest,
    presignUrl: node.presignUrl,
    verifyRequest: node.verifyRequest,
  },
  { name: "Web Crypto", signRequest: web.signRequest, presignUrl: web.presignUrl, verifyRequest: web.verifyRequest },
];
