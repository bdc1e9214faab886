import type { Suite } from "../measure.js";
import { ciClientSuite } from "./ci-client.js";
import { cliSuite } from "./cli.js";
import { signerSuite } from "./signer.js";
import { testingFakesSuite } from "./testing-fakes.js";
import { xmlModelSuite } from "./xml-model.js";

/** Every benchmark suite, in the order `pnpm bench` runs them. */
export const suites: readonly Suite[] = [signerSuite, xmlModelSuite, testingFakesSuite, ciClientSuite, cliSuite];
