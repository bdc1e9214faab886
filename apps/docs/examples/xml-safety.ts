import { decodeListJobsResponse, isXmlModelError } from "@cibatch/xml-model";
import type { ExampleEnv } from "./env.js";

/** What the decoder refuses before mapping anything: a DOCTYPE (so no entity expansion) and truncated XML. */
export async function main(env: ExampleEnv): Promise<string[]> {
  const log = env.log ?? console.log;
  const codes: string[] = [];
  // #region refuse
  const hostile = [
    // An entity bomb: refused at the DOCTYPE, nothing is expanded.
    '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Response>&b;</Response>',
    // A truncated body: an error, never partial data.
    "<Response><JobsDetail><JobId>b1</JobId>",
  ];
  for (const xml of hostile) {
    try {
      decodeListJobsResponse(xml);
    } catch (error) {
      if (!isXmlModelError(error)) throw error;
      log(error.code, error.path, error.message); // "UnsafeXml" …, then "Truncated" …
      codes.push(error.code);
    }
  }
  // #endregion refuse
  return codes;
}
