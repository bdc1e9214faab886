import { decodeErrorBody, decodeListJobsResponse } from "@cibatch/xml-model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT } from "./client.fixture.js";
import { manualClock } from "./clock.js";
import type { JobState } from "./job-state.js";
import type { RunningListener } from "./listener.js";
import { createFakeCi, type NodeFakeCi as FakeCi } from "./node.js";
import { signedRaw } from "./raw-http.fixture.js";

const START = Date.UTC(2024, 2, 1, 0, 0, 0); // 2024-03-01T08:00:00+0800
const clock = manualClock(START);
let fake: FakeCi;
let server: RunningListener;
const ids: Record<string, string> = {};

/** Twelve jobs one minute apart: alternating types, every state, two workflows, names by index. */
beforeAll(async () => {
  fake = createFakeCi({ clock, randomSeed: "list", accounts: [ACCOUNT], transition: { mode: "manual" } });
  server = await fake.listen();
  const states: JobState[] = ["Submitted", "Running", "Success", "Failed", "Pause", "Cancel"];
  for (let i = 0; i < 12; i++) {
    const job = fake.jobs.seed({
      Name: i % 3 === 0 ? "nightly" : `job${i}`,
      Type: i % 2 === 0 ? "Workflow" : "Job",
      State: states[i % 6] as JobState,
      CreationTime: START + i * 60_000,
      Input: { Prefix: `in/${i}` },
      Operation:
        i % 2 === 0
          ? { WorkflowIds: i % 4 === 0 ? "wAAA" : "wBBB,wCCC" }
          : {
              Tag: "Transcode",
              JobParam: { TemplateId: "t1" },
              Output: { Region: "ap-beijing", Bucket: "b-1", Object: "o" },
            },
    });
    ids[i] = job.jobId;
  }
});
afterAll(() => server.close());

async function list(
  query: string,
): Promise<{ names: string[]; ids: string[]; nextToken: string | undefined; raw: string }> {
  const res = await signedRaw(fake, server.url, { target: `/inventorytriggerjob${query}` });
  expect(res.status, res.body).toBe(200);
  const body = decodeListJobsResponse(res.body);
  return {
    names: body.JobsDetail.map((j) => j.Name),
    ids: body.JobsDetail.map((j) => j.JobId),
    nextToken: body.NextToken,
    raw: res.body,
  };
}
const idx = (...n: number[]): string[] => n.map((i) => ids[i] as string);

describe("list filters (raw HTTP)", () => {
  it("defaults: both types, newest first, 10 per page", async () => {
    const page = await list("");
    expect(page.ids).toEqual(idx(11, 10, 9, 8, 7, 6, 5, 4, 3, 2));
    expect(page.nextToken).toBeDefined();
  });

  it("type", async () => {
    expect((await list("?type=Job&size=100")).ids).toEqual(idx(11, 9, 7, 5, 3, 1));
    expect((await list("?type=Workflow&size=100")).ids).toEqual(idx(10, 8, 6, 4, 2, 0));
  });

  it("[assumes OQ3] switch list.defaultType=Workflow hides Job jobs when type is absent", async () => {
    fake.configure({ switches: { list: { defaultType: "Workflow" } } });
    try {
      expect((await list("?size=100")).ids).toEqual(idx(10, 8, 6, 4, 2, 0));
    } finally {
      fake.configure({ switches: { list: { defaultType: "all" } } });
    }
  });

  it("states: a comma list, and All", async () => {
    expect((await list("?states=Running,Failed&size=100")).ids).toEqual(idx(9, 7, 3, 1));
    expect((await list("?states=All&size=100")).ids).toHaveLength(12);
    expect((await list("?states=Pause&size=100")).ids).toEqual(idx(10, 4));
  });

  it("name, jobId, workflowId", async () => {
    expect((await list("?name=nightly&size=100")).ids).toEqual(idx(9, 6, 3, 0));
    expect((await list(`?jobId=${ids[5]}`)).ids).toEqual(idx(5));
    expect((await list("?workflowId=wAAA&size=100")).ids).toEqual(idx(8, 4, 0));
    expect((await list("?workflowId=wCCC&size=100")).ids).toEqual(idx(10, 6, 2));
  });

  it("startCreationTime and endCreationTime are inclusive, with %2B offsets", async () => {
    const page = await list("?startCreationTime=2024-03-01T08:02:00%2B0800&endCreationTime=2024-03-01T08:04:00%2B0800");
    expect(page.ids).toEqual(idx(4, 3, 2));
    const utc = await list("?startCreationTime=2024-03-01T00:10:00Z&size=100");
    expect(utc.ids).toEqual(idx(11, 10));
  });

  it("orderByTime=Asc", async () => {
    expect((await list("?orderByTime=Asc&size=3")).ids).toEqual(idx(0, 1, 2));
  });

  it("empty values mean no filter (the Python SDK sends nextToken=&workflowId=&jobId=)", async () => {
    const page = await list(
      "?type=&orderByTime=&states=&size=&nextToken=&workflowId=&jobId=&name=&startCreationTime=&endCreationTime=",
    );
    expect(page.ids).toEqual(idx(11, 10, 9, 8, 7, 6, 5, 4, 3, 2));
  });

  it("combines filters", async () => {
    expect((await list("?type=Workflow&states=Success,Pause,Submitted&name=nightly&size=100")).ids).toEqual(idx(6, 0));
  });
});

describe("pagination (raw HTTP)", () => {
  it("walks every page; the last page has no NextToken", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await list(`?size=5${token ? `&nextToken=${token}` : ""}`);
      seen.push(...page.ids);
      token = page.nextToken;
      pages++;
      if (!token) expect(page.raw).not.toContain("NextToken");
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(idx(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
  });

  it("a page that ends exactly at the last job carries no NextToken", async () => {
    const page = await list("?size=12");
    expect(page.ids).toHaveLength(12);
    expect(page.nextToken).toBeUndefined();
    const filtered = await list("?type=Job&size=6");
    expect(filtered.nextToken).toBeUndefined();
  });

  it("jobs created between pages neither shift nor repeat the rest", async () => {
    const first = await list("?size=4&orderByTime=Asc");
    clock.advance(3_600_000);
    // A job older than every page so far: in Asc order it would shift an offset-based cursor.
    fake.jobs.seed({
      Name: "late",
      Type: "Workflow",
      Input: { Prefix: "x" },
      Operation: { WorkflowIds: "w" },
      CreationTime: START - 1,
    });
    const second = await list(`?size=100&orderByTime=Asc&nextToken=${first.nextToken}`);
    expect(second.ids).toEqual(idx(4, 5, 6, 7, 8, 9, 10, 11));
  });
});

describe("list refusals", () => {
  const refuse = async (query: string, field: string): Promise<void> => {
    const res = await signedRaw(fake, server.url, { target: `/inventorytriggerjob${query}` });
    expect(res.status).toBe(400);
    const error = decodeErrorBody(res.body);
    expect(error.Code).toBe("InvalidArgument");
    expect(error.Message).toContain(field);
  };
  it.each([
    ["?size=101", "size"],
    ["?size=0", "size"],
    ["?size=ten", "size"],
    ["?type=Batch", "type"],
    ["?orderByTime=Newest", "orderByTime"],
    ["?states=Running,Done", "states"],
    ["?startCreationTime=yesterday", "startCreationTime"],
    ["?endCreationTime=2024-03-01", "endCreationTime"],
    ["?nextToken=999999", "nextToken"],
  ])("%s → 400 InvalidArgument", async (query, field) => {
    await refuse(query, field);
  });

  it("size=100 is accepted", async () => {
    const res = await signedRaw(fake, server.url, { target: "/inventorytriggerjob?size=100" });
    expect(res.status).toBe(200);
  });

  it("[assumes OQ5] a token is only valid with the filters it was issued for; list.endSignal=empty sends an empty NextToken", async () => {
    for (let i = 0; i < 3; i++)
      fake.jobs.seed({ Name: `p${i}`, Type: "Workflow", Input: { Prefix: "x" }, Operation: { WorkflowIds: "w" } });
    const first = await list("?size=1&type=Workflow");
    expect(first.nextToken).toMatch(/^\d+$/);
    await refuse(`?size=1&type=Job&nextToken=${first.nextToken}`, "nextToken");
    fake.configure({ switches: { list: { endSignal: "empty" } } });
    try {
      const last = await list("?size=100");
      expect(last.raw).toMatch(/<NextToken\/>|<NextToken><\/NextToken>/);
    } finally {
      fake.configure({ switches: { list: { endSignal: "omit" } } });
    }
  });
});
