import fc from "fast-check";
import { JOB_STATES, JOB_TAGS } from "./models/common.js";
import type { XmlElement, XmlNode } from "./xml-node.js";

/**
 * Arbitrary values of the models, within the domain where `decode(encode(v))` must equal `v`:
 * texts are trimmed and free of `\r` (XML parsing normalises line ends and trims), optional texts are
 * non-empty (an empty optional element means "absent"), times have whole seconds, opaque and unknown
 * nodes have no adjacent or empty texts, and unknown element names never collide with a field.
 */

const CHARS = [
  "a",
  "Z",
  "0",
  "9",
  " ",
  "-",
  "_",
  ".",
  "/",
  "$",
  "{",
  "}",
  "<",
  ">",
  "&",
  '"',
  "'",
  ";",
  "#",
  "é",
  "数",
  "据",
  "😀",
  "\n",
  "\t",
  "]]>",
  "&amp;",
];

/** A text that survives trimming (possibly empty). */
export const anyText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...CHARS), { maxLength: 12 })
  .map((parts) => parts.join("").trim());

/** A non-empty trimmed text. */
export const someText: fc.Arbitrary<string> = anyText.filter((s) => s !== "");

/** A time with whole seconds between 1970 and 2100. */
export const wholeSecondDate: fc.Arbitrary<Date> = fc
  .integer({ min: 0, max: 4_102_444_800 })
  .map((seconds) => new Date(seconds * 1000));

/** A value of an open enum: a known value or any other non-empty text. */
export function openEnumValue(values: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...values), someText);
}

const UNKNOWN_NAMES = ["Progress", "FreeTranscode", "Extra", "ns:Extra", "x.y-z", "Ü", "toString", "hasOwnProperty"];

/** Nodes without adjacent or empty texts. */
function withoutAdjacentTexts(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if (typeof node === "string" && (node === "" || typeof out[out.length - 1] === "string")) continue;
    out.push(node);
  }
  return out;
}

const { tree } = fc.letrec<{ tree: XmlElement; node: XmlNode }>((tie) => ({
  tree: fc.record({
    name: fc.constantFrom(...UNKNOWN_NAMES, "Watermark", "Segment", "Duration"),
    children: fc.array(tie("node"), { maxLength: 3 }).map(withoutAdjacentTexts),
  }),
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, someText, tie("tree")),
}));

/** Child nodes of an opaque element. */
export const opaqueNodes: fc.Arbitrary<XmlNode[]> = fc
  .array(fc.oneof(someText, tree), { maxLength: 3 })
  .map(withoutAdjacentTexts);

/** Unknown elements (and texts) of an object: names outside every schema. */
export const unknownNodes: fc.Arbitrary<XmlNode[]> = fc
  .array(fc.oneof(someText, fc.record({ name: fc.constantFrom(...UNKNOWN_NAMES), children: opaqueNodes })), {
    minLength: 1,
    maxLength: 2,
  })
  .map(withoutAdjacentTexts);

/** Adds an optional `$unknown` to an object arbitrary. */
export function withUnknown<T extends object>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc
    .tuple(arb, fc.option(unknownNodes, { nil: undefined }))
    .map(([value, unknown]) => (unknown === undefined ? value : { ...value, $unknown: unknown }));
}

/** `Input`. */
export const input = withUnknown(
  fc.record({ Manifest: someText, UrlFile: someText, Prefix: someText, Object: someText }, { requiredKeys: [] }),
);

/** `TimeInterval`. */
export const timeInterval = withUnknown(
  fc.record({ Start: wholeSecondDate, End: wholeSecondDate }, { requiredKeys: [] }),
);

/** `Output`. */
export const output = withUnknown(
  fc.record(
    {
      Region: anyText,
      Bucket: anyText,
      Object: someText,
      AuObject: someText,
      SpriteObject: someText,
      StreamExtract: fc.array(withUnknown(fc.record({ Index: anyText, Object: anyText })), {
        minLength: 1,
        maxLength: 2,
      }),
    },
    { requiredKeys: ["Region", "Bucket"] },
  ),
);

const nodeOperationBase = {
  TimeInterval: timeInterval,
  QueueId: someText,
  QueueType: openEnumValue(["SpeedTranscoding"]),
  UserData: someText,
  JobLevel: fc.integer({ min: -5, max: 1_000_000 }),
  CallBackFormat: openEnumValue(["JSON", "XML"]),
  CallBackType: openEnumValue(["Url", "TDMQ", "Kafka"]),
  CallBack: someText,
  CallBackMqConfig: withUnknown(
    fc.record({
      MqRegion: openEnumValue(["sh", "bj", "gz", "cd", "hk"]),
      MqMode: openEnumValue(["Queue", "Topic"]),
      MqName: anyText,
    }),
  ),
  CallBackKafkaConfig: opaqueNodes,
  Output: output,
};

const jobParam = withUnknown(fc.record({ TemplateId: someText }, { requiredKeys: [] }));

/** A create request of either variant. */
export const createJobRequest = fc.oneof(
  withUnknown(
    fc.record(
      {
        Name: anyText,
        Type: fc.constant("Workflow" as const),
        Input: input,
        Operation: withUnknown(
          fc.record({ TimeInterval: timeInterval, WorkflowIds: anyText }, { requiredKeys: ["WorkflowIds"] }),
        ),
      },
      { requiredKeys: ["Name", "Input", "Operation"] },
    ),
  ),
  withUnknown(
    fc.record({
      Name: anyText,
      Type: fc.constant("Job" as const),
      Input: input,
      Operation: withUnknown(
        fc.record(
          { ...nodeOperationBase, Tag: openEnumValue(JOB_TAGS), JobParam: jobParam },
          { requiredKeys: ["Tag", "JobParam"] },
        ),
      ),
    }),
  ),
);

const detailCommon = {
  Code: someText,
  Message: someText,
  Name: anyText,
  JobId: anyText,
  State: openEnumValue(JOB_STATES),
  CreationTime: wholeSecondDate,
  StartTime: wholeSecondDate,
  EndTime: wholeSecondDate,
  Input: input,
};

const detailRequired = ["Name", "JobId", "State", "CreationTime", "Input", "Operation"] as const;

/** A job detail of either variant. */
export const jobsDetail = fc.oneof(
  withUnknown(
    fc.record(
      {
        ...detailCommon,
        Type: fc.constant("Workflow" as const),
        Operation: withUnknown(
          fc.record({ TimeInterval: timeInterval, WorkflowIds: anyText }, { requiredKeys: ["WorkflowIds"] }),
        ),
      },
      { requiredKeys: [...detailRequired] },
    ),
  ),
  withUnknown(
    fc.record(
      {
        ...detailCommon,
        Type: fc.constant("Job" as const),
        Operation: withUnknown(
          fc.record({ ...nodeOperationBase, Tag: openEnumValue(JOB_TAGS), JobParam: jobParam }, { requiredKeys: [] }),
        ),
      },
      { requiredKeys: [...detailRequired, "Type"] },
    ),
  ),
);
