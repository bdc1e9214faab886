import {
  type Infer,
  type IntegerSchema,
  integer,
  type ObjectSchema,
  type OpaqueSchema,
  type OpenEnumSchema,
  type OptionalSchema,
  object,
  opaque,
  openEnum,
  optional,
  type RepeatedSchema,
  repeated,
  type TextSchema,
  type TimeSchema,
  text,
  time,
} from "../schema.js";

/**
 * The documented job kinds of `Operation/Tag` (api.md §3.3), including the docs' own misspellings
 * `Animatin` and `VoiceSpearte`, plus `ImageInspect` (SDKs). The set is open: any other tag is accepted.
 *
 * @public
 * @example
 * ```ts
 * import { JOB_TAGS } from "@cibatch/xml-model";
 *
 * JOB_TAGS.includes("Transcode"); // true
 * ```
 */
export const JOB_TAGS = [
  "Animation",
  "Animatin",
  "SmartCover",
  "Transcode",
  "Snapshot",
  "SpeechRecognition",
  "Concat",
  "VoiceSeparate",
  "VoiceSpearte",
  "VideoMontage",
  "SDRtoHDR",
  "VideoProcess",
  "SuperResolution",
  "Segment",
  "VideoTag",
  "PicProcess",
  "DigitalWatermark",
  "ExtractDigitalWatermark",
  "MediaInfo",
  "StreamExtract",
  "Tts",
  "NoiseReduction",
  "QualityEstimate",
  "ImageInspect",
] as const;

/**
 * A documented job kind (see {@link JOB_TAGS}).
 *
 * @public
 * @example
 * ```ts
 * import type { KnownJobTag } from "@cibatch/xml-model";
 *
 * const tag: KnownJobTag = "Transcode";
 * ```
 */
export type KnownJobTag = (typeof JOB_TAGS)[number];

/**
 * The six job states (api.md §5.1, §7). `Success`, `Failed` and `Cancel` are terminal.
 *
 * @public
 * @example
 * ```ts
 * import { JOB_STATES } from "@cibatch/xml-model";
 *
 * JOB_STATES.length; // 6
 * ```
 */
export const JOB_STATES: readonly ["Submitted", "Running", "Success", "Failed", "Pause", "Cancel"] = [
  "Submitted",
  "Running",
  "Success",
  "Failed",
  "Pause",
  "Cancel",
];

/**
 * One of the six documented job states.
 *
 * @public
 * @example
 * ```ts
 * import type { JobState } from "@cibatch/xml-model";
 *
 * const done: JobState[] = ["Success", "Failed", "Cancel"];
 * ```
 */
export type JobState = (typeof JOB_STATES)[number];

/**
 * Schema type of {@link InputSchema}: the written-out type that the schema value is checked against.
 *
 * @public
 * @example
 * ```ts
 * import type { InputSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type InputSchemaType = ObjectSchema<{
  /** COS inventory `manifest.json` (a full URL or a key) listing the objects to process. */
  Manifest: OptionalSchema<TextSchema>;
  /** A text file with one COS object URL per line. */
  UrlFile: OptionalSchema<TextSchema>;
  /** Process the objects whose key starts with this prefix. */
  Prefix: OptionalSchema<TextSchema>;
  /** A single object key. */
  Object: OptionalSchema<TextSchema>;
}>;

/**
 * `Input`: which objects to process (api.md §3.2). Empty elements decode as absent.
 *
 * @public
 * @example
 * ```ts
 * import { InputSchema, encode } from "@cibatch/xml-model";
 *
 * encode(InputSchema, { Prefix: "input" }, { root: "Input" }); // "<Input><Prefix>input</Prefix></Input>"
 * ```
 */
export const InputSchema: InputSchemaType = object({
  Manifest: optional(text()),
  UrlFile: optional(text()),
  Prefix: optional(text()),
  Object: optional(text()),
});

/**
 * `Input` of a create request or a job detail.
 *
 * @public
 * @example
 * ```ts
 * import type { JobInput } from "@cibatch/xml-model";
 *
 * const input: JobInput = { Prefix: "media/" };
 * ```
 */
export type JobInput = Infer<InputSchemaType>;

/**
 * Schema type of {@link TimeIntervalSchema}: the written-out type that the schema value is checked against.
 *
 * @public
 * @example
 * ```ts
 * import type { TimeIntervalSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type TimeIntervalSchemaType = ObjectSchema<{
  /** Earliest upload (last-modified) time of the objects; the API's default is `0` (the epoch). */
  Start: OptionalSchema<TimeSchema>;
  /** Latest upload time of the objects; the API's default is now. */
  End: OptionalSchema<TimeSchema>;
}>;

/**
 * `Operation/TimeInterval`: filter on the objects' upload time. An empty `<TimeInterval/>` decodes to `{}`
 * (no filter).
 *
 * @public
 * @example
 * ```ts
 * import { TimeIntervalSchema, decode } from "@cibatch/xml-model";
 *
 * decode(TimeIntervalSchema, "<TimeInterval/>", { root: "TimeInterval" }); // {}
 * ```
 */
export const TimeIntervalSchema: TimeIntervalSchemaType = object({
  Start: optional(time()),
  End: optional(time()),
});

/**
 * `Operation/TimeInterval` value.
 *
 * @public
 * @example
 * ```ts
 * import type { TimeInterval } from "@cibatch/xml-model";
 *
 * const interval: TimeInterval = { Start: new Date("2022-02-01T04:00:00Z") };
 * ```
 */
export type TimeInterval = Infer<TimeIntervalSchemaType>;

/**
 * Schema type of {@link StreamExtractSchema}: the written-out type that the schema value is checked against.
 *
 * @public
 * @example
 * ```ts
 * import type { StreamExtractSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type StreamExtractSchemaType = ObjectSchema<{
  /** Stream index, as reported by MediaInfo. */
  Index: TextSchema;
  /** Output key of this stream. */
  Object: TextSchema;
}>;

/**
 * `Output/StreamExtract`: one extracted stream (`Index` from MediaInfo, output key `Object`).
 *
 * @public
 * @example
 * ```ts
 * import { StreamExtractSchema } from "@cibatch/xml-model";
 *
 * console.log(StreamExtractSchema.kind); // "object"
 * ```
 */
export const StreamExtractSchema: StreamExtractSchemaType = object({ Index: text(), Object: text() });

/**
 * Schema type of {@link OutputSchema}: the written-out type that the schema value is checked against.
 *
 * @public
 * @example
 * ```ts
 * import type { OutputSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type OutputSchemaType = ObjectSchema<{
  /** Region of the output bucket, e.g. `ap-chongqing`. */
  Region: TextSchema;
  /** Output bucket, `<BucketName>-<APPID>`. */
  Bucket: TextSchema;
  /** Result key; may use `${InventoryTriggerJobId}`, `${InputName}`, `${ext}`, `${Number}`. */
  Object: OptionalSchema<TextSchema>;
  /** Audio result key (`VoiceSeparate`). */
  AuObject: OptionalSchema<TextSchema>;
  /** Sprite image key, jpg only (`Snapshot`). */
  SpriteObject: OptionalSchema<TextSchema>;
  /** Extracted streams (`StreamExtract`, required for that Tag); absent when there are none. */
  StreamExtract: OptionalSchema<RepeatedSchema<StreamExtractSchemaType>>;
}>;

/**
 * `Operation/Output` of an independent-node job (api.md §3.1). `StreamExtract` is repeated; its key is
 * absent when there is none.
 *
 * @public
 * @example
 * ```ts
 * import { OutputSchema, encode } from "@cibatch/xml-model";
 *
 * encode(OutputSchema, { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out.mp4" }, { root: "Output" });
 * ```
 */
export const OutputSchema: OutputSchemaType = object({
  Region: text(),
  Bucket: text(),
  Object: optional(text()),
  AuObject: optional(text()),
  SpriteObject: optional(text()),
  StreamExtract: optional(repeated(StreamExtractSchema)),
});

/**
 * `Operation/Output` value.
 *
 * @public
 * @example
 * ```ts
 * import type { JobOutput } from "@cibatch/xml-model";
 *
 * const output: JobOutput = { Region: "ap-chongqing", Bucket: "test-1234567890", Object: "out/${InputName}.mp4" };
 * ```
 */
export type JobOutput = Infer<OutputSchemaType>;

/**
 * Schema type of {@link CallBackMqConfigSchema}: the written-out type that the schema value is checked against.
 *
 * @public
 * @example
 * ```ts
 * import type { CallBackMqConfigSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type CallBackMqConfigSchemaType = ObjectSchema<{
  /** TDMQ region: `sh`, `bj`, `gz`, `cd` or `hk` (open set). */
  MqRegion: OpenEnumSchema<"sh" | "bj" | "gz" | "cd" | "hk">;
  /** TDMQ mode: `Queue` or `Topic` (open set). */
  MqMode: OpenEnumSchema<"Queue" | "Topic">;
  /** TDMQ queue or topic name. */
  MqName: TextSchema;
}>;

/**
 * `Operation/CallBackMqConfig` (required when `CallBackType` is `TDMQ`).
 *
 * @public
 * @example
 * ```ts
 * import { CallBackMqConfigSchema } from "@cibatch/xml-model";
 *
 * console.log([...CallBackMqConfigSchema.byName.keys()]); // ["MqRegion", "MqMode", "MqName"]
 * ```
 */
export const CallBackMqConfigSchema: CallBackMqConfigSchemaType = object({
  MqRegion: openEnum(["sh", "bj", "gz", "cd", "hk"]),
  MqMode: openEnum(["Queue", "Topic"]),
  MqName: text(),
});

/**
 * Schema type of {@link JobParamSchema}: the written-out type that the schema value is checked against.
 *
 * @public
 * @example
 * ```ts
 * import type { JobParamSchemaType } from "@cibatch/xml-model";
 * ```
 */
export type JobParamSchemaType = ObjectSchema<{
  /** The job template id (`t` + 33 hex); used first when present. */
  TemplateId: OptionalSchema<TextSchema>;
}>;

/**
 * `Operation/JobParam`: an opaque subtree (api.md §3.4) with a typed `TemplateId`. Every other child
 * (`Transcode`, `Watermark`, `Segment`...) is kept losslessly in `$unknown` and written back unchanged.
 *
 * @public
 * @example
 * ```ts
 * import { JobParamSchema, decode } from "@cibatch/xml-model";
 *
 * const param = decode(JobParamSchema, "<JobParam><TemplateId>t1</TemplateId><Segment><Duration>5</Duration></Segment></JobParam>", { root: "JobParam" });
 * param.TemplateId; // "t1"
 * param.$unknown; // [{ name: "Segment", children: [{ name: "Duration", children: ["5"] }] }]
 * ```
 */
export const JobParamSchema: JobParamSchemaType = object({ TemplateId: optional(text()) });

/**
 * `Operation/JobParam` value.
 *
 * @public
 * @example
 * ```ts
 * import type { JobParam } from "@cibatch/xml-model";
 *
 * const param: JobParam = { TemplateId: "t1460606b9752148c4ab182f55163ba7cd" };
 * ```
 */
export type JobParam = Infer<JobParamSchemaType>;

/**
 * The schema types of the `Operation` children an independent-node (`Job`) job shares between its create
 * request and its detail: everything but `Tag`, `JobParam` and `Output`, in the order the Go SDK writes them.
 *
 * @public
 * @example
 * ```ts
 * import type { NodeOperationFieldsBase } from "@cibatch/xml-model";
 *
 * type QueueIdSchema = NodeOperationFieldsBase["QueueId"];
 * ```
 */
export type NodeOperationFieldsBase = {
  /** Filter on the objects' upload time (takes effect with `Input.Prefix`); an empty element means no filter. */
  TimeInterval: OptionalSchema<TimeIntervalSchemaType>;
  /** Queue id (`p` + 32 hex); optional (api.md §12.10). */
  QueueId: OptionalSchema<TextSchema>;
  /** Queue type (SDK-only), e.g. `SpeedTranscoding`. */
  QueueType: OptionalSchema<OpenEnumSchema<"SpeedTranscoding">>;
  /** Free text passed through to the job's callback. */
  UserData: OptionalSchema<TextSchema>;
  /** Priority `0`, `1` or `2` (higher first); `0` is written, not dropped. */
  JobLevel: OptionalSchema<IntegerSchema>;
  /** Callback body format: `JSON` or `XML` (open set). */
  CallBackFormat: OptionalSchema<OpenEnumSchema<"JSON" | "XML">>;
  /** Callback channel: `Url`, `TDMQ` or `Kafka` (open set). */
  CallBackType: OptionalSchema<OpenEnumSchema<"Url" | "TDMQ" | "Kafka">>;
  /** Callback URL. */
  CallBack: OptionalSchema<TextSchema>;
  /** TDMQ callback settings (when `CallBackType` is `TDMQ`). */
  CallBackMqConfig: OptionalSchema<CallBackMqConfigSchemaType>;
  /** Kafka callback settings (SDK-only), kept losslessly. */
  CallBackKafkaConfig: OptionalSchema<OpaqueSchema>;
};

/** @internal */
export function nodeOperationFieldsBase(): NodeOperationFieldsBase {
  return {
    TimeInterval: optional(TimeIntervalSchema),
    QueueId: optional(text()),
    QueueType: optional(openEnum(["SpeedTranscoding"])),
    UserData: optional(text()),
    JobLevel: optional(integer()),
    CallBackFormat: optional(openEnum(["JSON", "XML"])),
    CallBackType: optional(openEnum(["Url", "TDMQ", "Kafka"])),
    CallBack: optional(text()),
    CallBackMqConfig: optional(CallBackMqConfigSchema),
    CallBackKafkaConfig: optional(opaque()),
  };
}

/** @internal */
export function jobTag(): OpenEnumSchema<KnownJobTag> {
  return openEnum(JOB_TAGS);
}
