// What a README block imports instead of "@cibatch/ci-client": the same package, except that a client built
// without credentials, fetch or endpoint talks to the shared in-process fake with the demo keys (the README
// shows code for the real service), and sleeps take no real time.
import {
  type CiClientOptions,
  type CiCore,
  CiClient as RealCiClient,
  createCiCore as realCreateCiCore,
} from "@cibatch/ci-client";
import { demoCredentials, instantClock, readme } from "./context.js";

export * from "@cibatch/ci-client";

/** The options with the README defaults described above. */
function withReadmeDefaults(options: CiClientOptions): CiClientOptions {
  return {
    ...options,
    credentials: options.credentials ?? demoCredentials,
    fetch: options.fetch ?? (options.endpoint === undefined ? readme.fetch : undefined),
    clock: options.clock ?? instantClock,
  };
}

/** {@link RealCiClient} with the README defaults described above. */
export class CiClient extends RealCiClient {
  constructor(options: CiClientOptions) {
    super(withReadmeDefaults(options));
  }
}

/** {@link realCreateCiCore} with the README defaults described above (shadows the package's export). */
export function createCiCore(options: CiClientOptions): CiCore {
  return realCreateCiCore(withReadmeDefaults(options));
}
