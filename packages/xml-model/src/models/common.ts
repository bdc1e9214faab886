import {
  type Infer,
  type IntegerSchema,
  integer,
  type ObjectSchema,
  type OpenEnumSchema,
  type OptionalSchema,
  object,
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
 * The job kinds of `Operation/Tag` that the independent-node create page lists in its tag table, including
 * its own misspellings `Animatin` and `VoiceSpearte` (see {@link DOCUMENTED_JOB_TAGS}), plus `Animation` and
 * `ImageInspect`, which the SDKs send. The set is open: any other tag is accepted.
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
 * The tags the independent-node create page lists in its `Operation.Tag` table, word for word (so `Animatin`, not
 * `Animation`). The `Output` rule of {@link validateCreateJobRequest} applies to these only.
 *
 * @public
 * @example
 * ```ts
 * import { DOCUMENTED_JOB_TAGS } from "@cibatch/xml-model";
 *
 * DOCUMENTED_JOB_TAGS.includes("ImageInspect"); // false: an SDK-only tag
 * ```
 */
export const DOCUMENTED_JOB_TAGS: readonly KnownJobTag[] = JOB_TAGS.filter(
  (tag) => tag !== "Animation" && tag !== "ImageInspect",
);

/**
 * A known job kind (see {@link JOB_TAGS}).
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
 * The six job states of the list page's `states` parameter. `Success`, `Failed` and `Cancel` are terminal.
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
  /** A single object's URL (the Java SDK writes it; the batch-job pages do not list it). */
  Url: OptionalSchema<TextSchema>;
}>;

/**
 * `Input`: which objects to process: `Manifest`, `UrlFile`, `Prefix` or `Object` (the create pages' `Input` table),
 * and `Url` (Java SDK). Empty elements decode as absent.
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
  Url: optional(text()),
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
  /** A length of time (Java SDK; the batch-job pages do not list it), kept as text. */
  Duration: OptionalSchema<TextSchema>;
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
  Duration: optional(text()),
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
  /** Bass track key (voice separation; Go SDK). */
  BassObject: OptionalSchema<TextSchema>;
  /** Drum track key (voice separation; Go SDK). */
  DrumObject: OptionalSchema<TextSchema>;
  /** Extracted streams (`StreamExtract`, required for that Tag); absent when there are none. */
  StreamExtract: OptionalSchema<RepeatedSchema<StreamExtractSchemaType>>;
  /** Whether to overwrite an existing result, as text (Go SDK). */
  Force: OptionalSchema<TextSchema>;
}>;

/**
 * `Operation/Output` of an independent-node job: the create page's `Output` table plus `BassObject`, `DrumObject`
 * and `Force` (Go SDK). `StreamExtract` is repeated; its key is absent when there is none.
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
  BassObject: optional(text()),
  DrumObject: optional(text()),
  StreamExtract: optional(repeated(StreamExtractSchema)),
  Force: optional(text()),
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
 * Schema type of {@link CallBackKafkaConfigSchema}.
 *
 * @public
 */
export type CallBackKafkaConfigSchemaType = ObjectSchema<{
  /** Kafka instance region. */
  Region: OptionalSchema<TextSchema>;
  /** Kafka instance id. */
  InstanceId: OptionalSchema<TextSchema>;
  /** Kafka topic. */
  Topic: OptionalSchema<TextSchema>;
}>;

/**
 * `Operation/CallBackKafkaConfig`: Kafka callback settings, as the Java SDK writes them (the batch-job pages do not
 * list them).
 *
 * @public
 * @example
 * ```ts
 * import { CallBackKafkaConfigSchema, encode } from "@cibatch/xml-model";
 *
 * encode(CallBackKafkaConfigSchema, { Region: "ap-chongqing", InstanceId: "ckafka-1", Topic: "jobs" }, { root: "CallBackKafkaConfig" });
 * ```
 */
export const CallBackKafkaConfigSchema: CallBackKafkaConfigSchemaType = object({
  Region: optional(text()),
  InstanceId: optional(text()),
  Topic: optional(text()),
});

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
  /**
   * Queue id (`p` + 32 hex). The independent-node create page marks it required, the SDKs leave it out (and the
   * service accepts that): it is optional here, so both decode, and {@link @cibatch/xml-model!validateCreateJobRequest} warns when it
   * is missing.
   */
  QueueId: OptionalSchema<TextSchema>;
  /** Queue type (SDK-only), e.g. `SpeedTranscoding`. */
  QueueType: OptionalSchema<OpenEnumSchema<"SpeedTranscoding">>;
  /** Free text passed through to the job's callback. */
  UserData: OptionalSchema<TextSchema>;
  /**
   * Priority `0`, `1` or `2` (higher first); `0` is written, not dropped. The create page types it String with
   * those three values, the Go SDK `int`, the Java SDK `String`: the digits decode to a number either way, and a
   * value that is not an integer is kept as received with a warning.
   */
  JobLevel: OptionalSchema<IntegerSchema>;
  /** Callback body format: `JSON` or `XML` (open set). */
  CallBackFormat: OptionalSchema<OpenEnumSchema<"JSON" | "XML">>;
  /** Callback channel: `Url`, `TDMQ` or `Kafka` (open set). */
  CallBackType: OptionalSchema<OpenEnumSchema<"Url" | "TDMQ" | "Kafka">>;
  /** Callback URL. */
  CallBack: OptionalSchema<TextSchema>;
  /** TDMQ callback settings (when `CallBackType` is `TDMQ`). */
  CallBackMqConfig: OptionalSchema<CallBackMqConfigSchemaType>;
  /** Kafka callback settings (Java SDK). */
  CallBackKafkaConfig: OptionalSchema<CallBackKafkaConfigSchemaType>;
  /** Whether to transcode free of charge, as text (Go SDK). */
  FreeTranscode: OptionalSchema<TextSchema>;
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
    CallBackKafkaConfig: optional(CallBackKafkaConfigSchema),
    FreeTranscode: optional(text()),
  };
}

/** @internal */
export function jobTag(): OpenEnumSchema<KnownJobTag> {
  return openEnum(JOB_TAGS);
}
