// What a README block imports instead of "@cibatch/testing-fakes" or "@cibatch/testing-fakes/node": the Node entry
// (a superset of the main one), except that every listener a block opens is closed after the run (README blocks may
// leave a server running, as an application would).
import {
  type ListenOptions,
  type NodeFakeCi,
  type NodeFakeCiOptions,
  createFakeCi as realCreateFakeCi,
  startFake as realStartFake,
} from "@cibatch/testing-fakes/node";
import { readme } from "./context.js";

export * from "@cibatch/testing-fakes/node";

/** `createFakeCi` whose `listen()` registers the listener for closing. */
export function createFakeCi(options?: NodeFakeCiOptions): NodeFakeCi {
  const fake = realCreateFakeCi(options);
  return new Proxy(fake, {
    get(target, property, receiver) {
      if (property !== "listen") return Reflect.get(target, property, receiver);
      return async (listenOptions?: ListenOptions) => {
        const server = await target.listen(listenOptions);
        readme.track(() => server.close());
        return server;
      };
    },
  });
}

/** `startFake` that registers the listener for closing. */
export const startFake: typeof realStartFake = async (options) => {
  const server = await realStartFake(options);
  readme.track(() => server.close());
  return server;
};
