import { decodeListJobsResponse, encodeListJobsResponse, type JobsDetail } from "@cibatch/xml-model";
import COS from "cos-nodejs-sdk-v5";
import { XMLParser } from "fast-xml-parser";
import { interleavedRounds, type Metric, opsPerSecond, type Suite, throughputMetric } from "../measure.js";

// biome-ignore lint/suspicious/noTemplateCurlyInString: ${InventoryTriggerJobId} is the API's own placeholder, sent as is.
const OUTPUT_OBJECT = "output/${InventoryTriggerJobId}/out.mp4";

/**
 * A realistic list page: 100 jobs alternating between the two variants, shaped like the ListInventoryTriggerJob
 * response samples of Tencent's documentation (`<Message/>`, `-` start/end times while running, `JobParam`, `Output`), indented as in the
 * API's documentation samples.
 */
export function listPage(jobs = 100): string {
  const details: JobsDetail[] = [];
  const created = Date.UTC(2022, 5, 27, 7, 23, 10);
  for (let i = 0; i < jobs; i++) {
    const common = {
      Code: "Success",
      Name: `demo-${i}`,
      JobId: `b${i.toString(16).padStart(32, "0")}`,
      CreationTime: new Date(created + i * 1000),
      Input: { Prefix: `input/${i}/` },
    };
    const TimeInterval = { Start: new Date(Date.UTC(2022, 1, 1, 4)), End: new Date(Date.UTC(2022, 4, 1, 4)) };
    if (i % 2 === 0) {
      details.push({
        ...common,
        Type: "Workflow",
        State: "Running",
        Operation: { TimeInterval, WorkflowIds: "w7476ff3564ee45b7b490d64bccaba6cc" },
      });
    } else {
      details.push({
        ...common,
        Type: "Job",
        State: "Success",
        StartTime: new Date(created + i * 1000 + 1000),
        EndTime: new Date(created + i * 1000 + 120_000),
        Operation: {
          TimeInterval,
          QueueId: "p893bcda225bf4945a378da6662e81a89",
          UserData: "this is my inventorytriggerjob",
          JobLevel: 0,
          CallBack: "https://www.callback.com",
          Tag: "Transcode",
          JobParam: { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" },
          Output: {
            Region: "ap-chongqing",
            Bucket: "test-1234567890",
            Object: OUTPUT_OBJECT,
          },
        },
      });
    }
  }
  const compact = encodeListJobsResponse({
    RequestId: "NjJiZDU1ZmZfOTBmYTUwNjRfNzdjY18xYQ==",
    JobsDetail: details,
    NextToken: "25",
  });
  return indent(compact);
}

/** Pretty-prints compact XML made of elements and short texts (two spaces per level), as the docs' samples. */
function indent(xml: string): string {
  const tokens = xml.match(/<[^>]+>|[^<]+/g) ?? [];
  let out = "";
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.startsWith("</")) {
      depth--;
      out += `${"  ".repeat(depth)}${token}\n`;
    } else if (token.endsWith("/>")) {
      out += `${"  ".repeat(depth)}${token}\n`;
    } else if (token.startsWith("<")) {
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (text !== undefined && !text.startsWith("<") && close?.startsWith("</")) {
        out += `${"  ".repeat(depth)}${token}${text}${close}\n`;
        i += 2;
      } else {
        out += `${"  ".repeat(depth)}${token}\n`;
        depth++;
      }
    }
  }
  return out;
}

/**
 * Decoding a 100-job list page: `@cibatch/xml-model` (safety checks + parse + typed mapping) against the
 * official SDK's `COS.util.xml2json` (cos-nodejs-sdk-v5 3.0.0) and a bare `new XMLParser().parse` of
 * fast-xml-parser 5 with its default options, on the same text, in interleaved rounds.
 */
export const xmlModelSuite: Suite = {
  name: "xml-model",
  async run(): Promise<Metric[]> {
    const xml = listPage(100);
    const bare = new XMLParser();
    // Check that every contender really decodes the page before timing it.
    const ours = decodeListJobsResponse(xml);
    if (ours.JobsDetail.length !== 100) throw new Error("xml-model decoded the wrong number of jobs");
    const official = COS.util.xml2json(xml) as { Response: { JobsDetail: unknown[] } };
    if (official.Response.JobsDetail.length !== 100) throw new Error("xml2json decoded the wrong number of jobs");
    const parsed = bare.parse(xml) as { Response: { JobsDetail: unknown[] } };
    if (parsed.Response.JobsDetail.length !== 100) throw new Error("XMLParser decoded the wrong number of jobs");

    const results = await interleavedRounds(
      {
        ours: () => opsPerSecond(() => decodeListJobsResponse(xml), 1000),
        official: () => opsPerSecond(() => COS.util.xml2json(xml), 1000),
        bare: () => opsPerSecond(() => bare.parse(xml), 1000),
      },
      7,
    );
    const ours_ = results.ours as { median: number; rounds: number[] };
    const official_ = results.official as { median: number; rounds: number[] };
    const bare_ = results.bare as { median: number; rounds: number[] };
    const bytes = Buffer.byteLength(xml);
    return [
      throughputMetric(
        {
          id: "xml-model.list-page-decodes-per-second",
          label: "decode a 100-job list page (decodes/s)",
          unit: "ops/s",
          ours: ours_.median,
          peerName: "cos-nodejs-sdk-v5 3.0.0 COS.util.xml2json",
          peer: official_.median,
          extra: { bytes, oursRounds: ours_.rounds.join(" "), peerRounds: official_.rounds.join(" ") },
        },
        1.5,
      ),
      {
        id: "xml-model.list-page-time-vs-bare-parse",
        label: "decode time vs bare XMLParser.parse (ms per page)",
        unit: "ms",
        ours: 1000 / ours_.median,
        peerName: "fast-xml-parser 5 new XMLParser().parse (defaults)",
        peer: 1000 / bare_.median,
        ratio: bare_.median / ours_.median,
        goal: "<= 1.50x",
        met: bare_.median / ours_.median <= 1.5,
        extra: { bytes, bareRounds: bare_.rounds.join(" ") },
      },
    ];
  },
};
