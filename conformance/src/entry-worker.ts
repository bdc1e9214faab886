// A workerd module worker. `GET /__conformance` runs the suite inside the worker against an in-process fake; any
// other request is answered by a fake whose fetch handler is this worker's (the fake served by workerd).
import { type FakeCi, faultRuleFromJson } from "@cibatch/testing-fakes";
import { createSuiteFake } from "./fake-setup.js";
import { inProcessHarness } from "./harness.js";
import { runSuite } from "./run-suite.js";

let served: FakeCi | undefined;

export default {
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === "/__conformance") {
      const report = await runSuite("workerd, in-process", inProcessHarness(createSuiteFake(), faultRuleFromJson));
      return Response.json([report]);
    }
    served ??= createSuiteFake();
    return served.fetch(request);
  },
};
