import type { BlockSetup } from "./readme-blocks.js";

/**
 * Hidden lines for the README blocks that need them, by `<folder>#<block number>`. A block not listed runs as it
 * is. A README block that gains a free variable fails the type check until it is given a value here.
 */
export const README_SETUPS: Readonly<Record<string, BlockSetup>> = {
  "packages/signer#1": {
    // The README sends the signed request to the real service; here it goes to the fake.
    prelude: "const fetch = readme.fetch;",
    epilogue: 'readme.expect(result.ok, "verifyRequest accepts what signRequest produced");',
  },
  "packages/signer#2": {
    prelude: [
      'const url = "https://examplebucket-1250000000.ci.ap-beijing.myqcloud.com/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9";',
      'const credentials = { secretId: "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q", secretKey: "secret" };',
    ].join("\n"),
    epilogue:
      'readme.expect(link.includes("q-signature=") && expiresAt > Date.now() / 1000, "presignUrl signs the URL");',
  },
  "packages/xml-model#1": {
    prelude:
      'const xmlText = "<Response><Job><JobId>0123</JobId><State>Paused</State><StartTime>-</StartTime><Tags>a</Tags><Tags>b</Tags></Job><NextToken>n1</NextToken></Response>";',
    epilogue: [
      'readme.expect(page.Job[0]?.JobId === "0123", "ids are never coerced");',
      'readme.expect(page.Job[0]?.StartTime === undefined, "\\"-\\" reads as absent");',
      'readme.expect(page.Job[0]?.Tags.length === 2 && page.Job[0]?.State === "Paused", "repeated and open enum");',
      'readme.expect(xml.includes("<StartTime>-</StartTime>"), "absent is written back as \\"-\\"");',
    ].join("\n"),
  },
  "packages/xml-model#2": {
    prelude: [
      "const responseText = await readme.listJobsXml();",
      'const since = new Date("2022-06-01T00:00:00+08:00");',
    ].join("\n"),
    epilogue: [
      'readme.expect(problems.length === 0 && body.startsWith("<Request>"), "the request is valid and encoded");',
      'readme.expect(page.JobsDetail.length === 3, "the fake\'s list page decodes");',
      'readme.expect(search === "size=100&states=Running%2CFailed&startCreationTime=2022-06-01T00%3A00%3A00%2B0800", "as the README says");',
    ].join("\n"),
  },
  "packages/ci-client#1": {
    epilogue: 'readme.expect(job.State === "Running" && job.$metadata.requestId !== undefined, "the seed job");',
  },
  "packages/ci-client#2": {
    epilogue: [
      'readme.expect(page.JobsDetail.every((j) => j.State === "Running"), "listJobs filters by state");',
      'readme.expect(NonExistJobIds.includes("b0") && JobsDetail.length === 1, "describeJobs reports the unknown id");',
    ].join("\n"),
  },
  "packages/ci-client#3": {
    epilogue: [
      'await inProcess.createJob({ Name: "x", Type: "Workflow", Input: { Prefix: "p/" }, Operation: { WorkflowIds: "w1" } });',
      "const viaSocket = await overSocket.listJobs({ size: 10 });",
      'readme.expect(viaSocket.JobsDetail.length === 1, "both clients reach the same fake");',
    ].join("\n"),
  },
  "packages/ci-client#4": {
    // The modular API: the README passes the credentials it has; here, the demo keys of the fake.
    prelude:
      'const credentials = { secretId: "AKIDcibatchDEMO000000000000000000000", secretKey: "cibatchDEMOsecretKEYnotAsecret00" };',
    epilogue:
      'readme.expect(job.JobId === "b3deffea2f84911ec9cb15254008618d9" && job.Name === "demo", "describeJob on a core reads the seed job");',
  },
  "packages/ci-client#5": {
    epilogue: 'readme.expect(reactTo(new Error("x")) === "give-up", "a foreign error is not retried");',
  },
  "packages/ci-client#6": {
    epilogue: 'readme.expect(client.endpointUrl === "https://ci-proxy.example.com", "the proxy origin");',
  },
  "packages/testing-fakes#1": {
    epilogue: 'readme.expect(res.status === 200, "the fake accepts the signed request");',
  },
  "packages/testing-fakes#2": {
    epilogue: 'readme.expect(fake.jobs.get(job.jobId)?.state === "Failed", "the seeded job keeps its State");',
  },
  "packages/testing-fakes#4": {
    epilogue: 'readme.expect(preflight.status === 403, "a disallowed origin is refused");',
  },
  "apps/cli#1": {
    epilogue: 'readme.expect(code === 0 && out.includes(\'"Jobs"\'), "cibatch jobs list exits 0 with a Jobs array");',
  },
};
