import { KNOWN_REGIONS } from "../settings/regions.js";
import type { CommandSpec, OptionSpec } from "./types.js";

/**
 * The global flags, valid before or after any command.
 *
 * @example
 * ```ts
 * import { GLOBAL_OPTIONS } from "@cibatch/cli";
 * console.log(GLOBAL_OPTIONS.map((o) => o.flags).join("\n"));
 * ```
 */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--profile <name>",
    description: "profile in ~/.cibatch/config and the credentials file",
    env: "TENCENTCLOUD_PROFILE",
    defaultText: "default",
  },
  {
    flags: "--region <id>",
    description: "region, e.g. ap-beijing",
    env: "CIBATCH_REGION",
    suggestions: KNOWN_REGIONS,
  },
  { flags: "--bucket <name-appid>", description: "bucket, e.g. examplebucket-1250000000", env: "CIBATCH_BUCKET" },
  {
    flags: "--endpoint-url <url>",
    description: "send requests here instead of https://<bucket>.ci.<region>.myqcloud.com",
    env: "CIBATCH_ENDPOINT_URL",
  },
  {
    flags: "-o, --output <format>",
    description: "output format (table on a terminal, json otherwise)",
    choices: ["json", "table", "text", "yaml"],
    env: "CIBATCH_OUTPUT",
  },
  { flags: "--query <jmespath>", description: "JMESPath expression applied to the JSON result before formatting" },
  {
    flags: "--time-format <format>",
    description:
      "times in tables and text: relative (3 min ago), local (TZ), iso-utc, or service (as the service sent them)",
    choices: ["relative", "local", "iso-utc", "service"],
    defaultText: "relative in a table on a terminal, else service",
  },
  {
    flags: "--color <when>",
    description: "colour output (NO_COLOR and FORCE_COLOR are honoured in auto)",
    choices: ["auto", "on", "off", "always", "never"],
    defaultText: "auto",
  },
  { flags: "--no-color", description: "same as --color off" },
  { flags: "--debug", description: "redacted HTTP trace on stderr", env: "CIBATCH_DEBUG" },
  { flags: "--cli-connect-timeout <seconds>", description: "connection timeout, 0 = none", defaultText: "5" },
  { flags: "--cli-read-timeout <seconds>", description: "per-attempt timeout, 0 = none", defaultText: "30" },
  {
    flags: "--cli-total-timeout <seconds>",
    description: "timeout of a whole call with its retries, 0 = none",
    defaultText: "120",
  },
  { flags: "--no-input", description: "never prompt (implied by CI=true)" },
  { flags: "-y, --yes", description: "answer yes to confirmations" },
];

const DURATION = "a duration: 500ms, 5s, 2m, 1h";

/** The keys of `~/.cibatch/config` that `configure set`/`get` take. */
const CONFIG_KEY_NAMES = ["region", "bucket", "endpoint_url", "output", "color"] as const;
/** The keys `configure set` writes to the credentials file. */
const CREDENTIAL_KEY_NAMES = ["secret_id", "secret_key", "token"] as const;

const createCommand: CommandSpec = {
  name: "create",
  aliases: ["CreateInventoryTriggerJob"],
  summary: "submit a batch job (workflow or independent node)",
  description:
    "Workflow jobs take --workflow-ids, independent-node jobs take --tag (the type is inferred from which one is given). " +
    "Exactly one input: --prefix, --object, --manifest or --url-file.",
  options: [
    { flags: "--name <name>", description: "job name (required, at most 128 characters)" },
    {
      flags: "--type <type>",
      description: "job type (inferred from --workflow-ids or --tag)",
      choices: ["workflow", "job"],
    },
    { flags: "--prefix <prefix>", description: "input: every object under this key prefix" },
    { flags: "--object <key>", description: "input: one object" },
    { flags: "--manifest <url>", description: "input: a COS inventory manifest.json" },
    { flags: "--url-file <key>", description: "input: a text file listing one object URL per line" },
    { flags: "--start <time>", description: "only objects uploaded at or after this ISO 8601 time" },
    { flags: "--end <time>", description: "only objects uploaded at or before this ISO 8601 time" },
    { flags: "--workflow-ids <ids>", description: "workflow id(s), comma-separated (workflow jobs)" },
    { flags: "--tag <tag>", description: "job kind, e.g. Transcode, Snapshot (independent-node jobs)" },
    { flags: "--template-id <id>", description: "JobParam/TemplateId" },
    {
      flags: "--job-param-xml <file>",
      description: "the JobParam subtree as an XML fragment (file or - for stdin)",
      valueHint: "file",
    },
    { flags: "--output-region <region>", description: "Output/Region" },
    { flags: "--output-bucket <bucket>", description: "Output/Bucket" },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
    { flags: "--output-object <key>", description: "Output/Object (may use ${InputName}, ${ext}, ...)" },
    { flags: "--queue-id <id>", description: "QueueId" },
    { flags: "--queue-type <type>", description: "QueueType, e.g. SpeedTranscoding" },
    { flags: "--job-level <level>", description: "JobLevel: 0, 1 or 2 (higher runs first)", choices: ["0", "1", "2"] },
    { flags: "--user-data <text>", description: "UserData passed through to the callback" },
    { flags: "--callback <url>", description: "callback URL, or no to suppress the queue's callback" },
    { flags: "--callback-format <format>", description: "CallBackFormat", choices: ["json", "xml"] },
    { flags: "--callback-type <type>", description: "CallBackType", choices: ["url", "tdmq"] },
    { flags: "--mq-region <region>", description: "CallBackMqConfig/MqRegion (TDMQ)" },
    { flags: "--mq-mode <mode>", description: "CallBackMqConfig/MqMode (TDMQ)" },
    { flags: "--mq-name <name>", description: "CallBackMqConfig/MqName (TDMQ)" },
    {
      flags: "--cli-input-json <file>",
      description: "the whole request as JSON (file or - for stdin); flags override its fields",
      valueHint: "file",
    },
    {
      flags: "--cli-input-yaml <file>",
      description: "the whole request as YAML (file or - for stdin)",
      valueHint: "file",
    },
    {
      flags: "--generate-skeleton",
      description:
        "print an empty request template for --cli-input-json and exit: a workflow job, or with --type job an independent-node job; fill in the values (empty ones are left out)",
    },
    { flags: "--generate-cli-skeleton", description: "same as --generate-skeleton" },
    { flags: "--dry-run", description: "print the XML body and the signed request (signature redacted); send nothing" },
    {
      flags: "--idempotency-nonce",
      description: "append _<8 random characters> to the name so a retried create is recognisable",
    },
    { flags: "--wait", description: "then wait for the job like jobs wait" },
  ],
  exitCodes: [3, 4, 5, 6, 9, 10],
  examples: [
    "cibatch jobs create --name demo --prefix input/ --workflow-ids w7476ff3564ee45b7b490d64bccaba6cc",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${…} is the CI service's own placeholder syntax
    "cibatch jobs create --name thumbs --object a.mp4 --tag Snapshot --template-id t1460606b9752148c4ab182f55163ba7cd --output-region ap-beijing --output-bucket examplebucket-1250000000 --output-object 'out/${InputName}.jpg' --dry-run",
    "cibatch jobs create --generate-skeleton > job.json && cibatch jobs create --cli-input-json job.json",
  ],
  handler: "jobs-create",
};

const describeCommand: CommandSpec = {
  name: "describe",
  aliases: ["DescribeInventoryTriggerJob"],
  summary: "show one or more jobs",
  description:
    "One request per id (up to 4 at a time). Ids the service does not know are named on stderr (exit 7); the jobs found are still printed.",
  arguments: [
    { name: "jobId", description: "job ids (b + 32 hex)", required: true, variadic: true, valueHint: "job-id" },
  ],
  exitCodes: [3, 4, 5, 6, 7],
  examples: [
    "cibatch jobs describe b3deffea2f84911ec9cb15254008618d9",
    "cibatch jobs describe b3deffea2f84911ec9cb15254008618d9 --query 'Jobs[0].State' -o text",
  ],
  handler: "jobs-describe",
};

const listCommand: CommandSpec = {
  name: "list",
  aliases: ["DescribeInventoryTriggerJobs"],
  summary: "list jobs, newest first (50 unless --limit or --all)",
  description:
    'Without --type the service\'s default applies (not documented: the fake returns both types). An empty result prints "No jobs found." on stderr (exit 0).',
  options: [
    {
      flags: "--states <states>",
      description: "comma-separated, any case: All, Submitted, Running, Success, Failed, Pause, Cancel",
      suggestions: ["All", "Submitted", "Running", "Success", "Failed", "Pause", "Cancel"],
      commaList: true,
    },
    {
      flags: "--type <type>",
      description: "only workflow or only independent-node jobs",
      choices: ["workflow", "job"],
    },
    { flags: "--name <name>", description: "jobs with this name" },
    { flags: "--workflow-id <id>", description: "jobs that triggered this workflow" },
    { flags: "--job-id <id>", description: "this job", valueHint: "job-id" },
    {
      flags: "--since <time>",
      description:
        "created at or after: a date (2022-06-26, start of that day in TZ), ISO 8601 with an offset, or relative (90m, 12h, 7d)",
    },
    {
      flags: "--until <time>",
      description: "created at or before: a date (start of that day in TZ), ISO 8601 with an offset, or relative",
    },
    { flags: "--order <order>", description: "by creation time", choices: ["asc", "desc"], defaultText: "desc" },
    {
      flags: "--limit <n>",
      description: "show at most n jobs (a note on stderr says when more exist)",
      defaultText: "50",
    },
    { flags: "--all", description: "show every job, following NextToken to the end" },
    { flags: "--max-items <n>", description: "same as --limit" },
    { flags: "--page-size <n>", description: "jobs per request, 1..100", defaultText: "100" },
    { flags: "--starting-token <token>", description: "resume from a NextToken" },
    { flags: "--no-paginate", description: "one request only" },
  ],
  exitCodes: [3, 4, 5, 6],
  examples: [
    "cibatch jobs list --states Running,Submitted -o table",
    "cibatch jobs list --since 7d --query \"Jobs[?State=='Failed'].JobId\" -o text",
  ],
  handler: "jobs-list",
};

const cancelCommand: CommandSpec = {
  name: "cancel",
  aliases: ["CancelInventoryTriggerJob"],
  summary: "cancel jobs (asks first on a terminal unless --yes)",
  arguments: [{ name: "jobId", description: "job ids", required: true, variadic: true, valueHint: "job-id" }],
  options: [{ flags: "--wait", description: "then wait until each job is in state Cancel" }],
  exitCodes: [3, 4, 5, 6, 7],
  examples: ["cibatch jobs cancel b3deffea2f84911ec9cb15254008618d9 --yes"],
  handler: "jobs-cancel",
};

const waitCommand: CommandSpec = {
  name: "wait",
  summary: "block silently until a job reaches a state; the result is the exit status",
  description:
    "Exit 0 when the condition is met, 9 when the job ended Failed or Cancel instead, 8 on timeout, 7 when the job does not exist.",
  arguments: [{ name: "jobId", description: "job id", required: true, valueHint: "job-id" }],
  options: [
    {
      flags: "--until <condition>",
      description: "success: state Success; terminal: any end state; running: Running or later",
      choices: ["success", "terminal", "running"],
      defaultText: "success",
    },
    { flags: "--interval <duration>", description: `time between polls, ${DURATION}`, defaultText: "5s" },
    {
      flags: "--timeout <duration>",
      description: `give up after this long, 0 = never; ${DURATION}`,
      defaultText: "30m",
    },
    { flags: "--print", description: "print the final job" },
  ],
  exitCodes: [3, 4, 5, 6, 7, 8, 9, 130],
  examples: ["cibatch jobs wait b3deffea2f84911ec9cb15254008618d9 --until terminal --timeout 1h && echo done"],
  handler: "jobs-wait",
};

const watchCommand: CommandSpec = {
  name: "watch",
  summary: "follow a job until it ends (a live line on a terminal, one line per change otherwise)",
  description: "Ctrl-C stops watching; the job keeps running (exit 130).",
  arguments: [{ name: "jobId", description: "job id", required: true, valueHint: "job-id" }],
  options: [
    { flags: "--interval <duration>", description: `time between polls, ${DURATION}`, defaultText: "3s" },
    { flags: "--timeout <duration>", description: `give up after this long, 0 = never; ${DURATION}`, defaultText: "0" },
    { flags: "--exit-status", description: "exit 9 when the job ends Failed or Cancel" },
  ],
  exitCodes: [3, 4, 5, 6, 7, 8, 9, 130],
  examples: ["cibatch jobs watch b3deffea2f84911ec9cb15254008618d9 --exit-status"],
  handler: "jobs-watch",
};

/**
 * Every command of `cibatch`, as data. `--help`, the completion scripts and the reference page are
 * generated from it.
 *
 * @example
 * ```ts
 * import { COMMANDS } from "@cibatch/cli";
 * console.log(COMMANDS.map((c) => c.name)); // ["jobs", "configure", "sign", "fake", "completion", "help"]
 * ```
 */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "jobs",
    summary: "create, describe, list, cancel, wait for and watch batch jobs",
    subcommands: [createCommand, describeCommand, listCommand, cancelCommand, waitCommand, watchCommand],
  },
  {
    name: "configure",
    summary: "set up a profile: region, bucket, output format and keys (asks on a terminal)",
    description:
      "Without a subcommand, asks for the profile's region, bucket, output format, SecretId and SecretKey (Enter keeps the value shown). Settings go to ~/.cibatch/config (CIBATCH_CONFIG_FILE), keys to ~/.tencentcloud/credentials (TENCENTCLOUD_CREDENTIALS_FILE), both mode 0600. --profile picks the section.",
    exitCodes: [3, 12],
    examples: ["cibatch configure", "cibatch configure --profile prod", "cibatch configure set region ap-guangzhou"],
    handler: "configure",
    subcommands: [
      {
        name: "list",
        summary: "show each setting and where it came from (secrets masked)",
        exitCodes: [3],
        handler: "configure-list",
      },
      {
        name: "set",
        summary: "set one key of the profile (an empty value removes it)",
        arguments: [
          {
            name: "key",
            description: "the key",
            required: true,
            choices: [...CONFIG_KEY_NAMES, ...CREDENTIAL_KEY_NAMES],
          },
          { name: "value", description: "the value", required: true },
        ],
        exitCodes: [3],
        examples: [
          "cibatch configure set bucket examplebucket-1250000000",
          "cibatch --profile prod configure set output json",
        ],
        handler: "configure-set",
      },
      {
        name: "get",
        summary: "print one key of the profile as the files set it (the SecretId masked, never the SecretKey)",
        arguments: [
          { name: "key", description: "the key", required: true, choices: [...CONFIG_KEY_NAMES, "secret_id"] },
        ],
        exitCodes: [3],
        examples: ["cibatch configure get region"],
        handler: "configure-get",
      },
    ],
  },
  {
    name: "sign",
    summary: "print every step of a request signature (for SignatureDoesNotMatch)",
    description:
      "Prints KeyTime, HeaderList, UrlParamList, HttpString, StringToSign and Authorization. Works offline; never prints the SecretKey or the SignKey.",
    options: [
      { flags: "--method <method>", description: "HTTP method", defaultText: "GET" },
      {
        flags: "--path <path>",
        description: "request path (decoded or %-encoded)",
        defaultText: "/inventorytriggerjob",
      },
      {
        flags: "--param <k=v>",
        description: "query parameter (repeatable; k alone for a value-less one such as cancel)",
        repeatable: true,
      },
      { flags: "--header <K: v>", description: "request header (repeatable)", repeatable: true },
      { flags: "--url <url>", description: "the whole URL instead of --path and --param (Host taken from it)" },
      { flags: "--key-time <start;end>", description: "Unix seconds; default now-60 … now+900" },
      { flags: "--sign-header <name>", description: "sign only these headers (repeatable)", repeatable: true },
      { flags: "--sign-param <name>", description: "sign only these parameters (repeatable)", repeatable: true },
      {
        flags: "--check <authorization>",
        description: "recompute a captured Authorization with its KeyTime and lists; report what differs",
      },
    ],
    exitCodes: [3],
    examples: [
      'cibatch sign --method GET --path /inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9 --header "Host: examplebucket-1250000000.ci.ap-beijing.myqcloud.com" --key-time "1497530202;1497610202"',
    ],
    handler: "sign",
  },
  {
    name: "fake",
    summary: "run the embedded fake CI service with the demo data",
    description:
      "Prints its URL and a JSON line on stdout and the demo credentials on stderr, then serves until Ctrl-C.",
    options: [
      { flags: "--host <host>", description: "address to bind", defaultText: "127.0.0.1" },
      { flags: "--port <port>", description: "port (0 = a free one)", defaultText: "0" },
      {
        flags: "--account <bucket-appid:id:key>",
        description: "accept these credentials (repeatable; default: the demo account)",
        repeatable: true,
      },
      {
        flags: "--jobs <file|demo|none>",
        description: "jobs to start with",
        defaultText: "demo",
        valueHint: "file",
        suggestions: ["demo", "none"],
      },
      { flags: "--seed <file|demo|none>", description: "deprecated name of --jobs", valueHint: "file" },
      {
        flags: "--state <file>",
        description: "load state from file at start, write it back on change",
        valueHint: "file",
      },
      { flags: "--random-seed <n>", description: "seed of ids and fault dice" },
      {
        flags: "--clock <clock>",
        description: "real, or manual (moved through the control API)",
        choices: ["real", "manual"],
        defaultText: "real",
      },
      {
        flags: "--transition <mode>",
        description: "immediate | manual | afterMs:<n> | afterDescribes:<n>",
        defaultText: "afterDescribes:2",
      },
      {
        flags: "--auth-errors <style>",
        description: "error table for signature failures",
        choices: ["cos", "ci"],
        defaultText: "cos",
      },
      { flags: "--allow-any-signature", description: "accept any signature" },
      { flags: "--control-token <token>", description: "require x-fake-control-token on /_fake/" },
    ],
    examples: ["cibatch fake --port 9000 --transition afterMs:500"],
    handler: "fake",
  },
  {
    name: "completion",
    summary: "print a shell completion script",
    arguments: [{ name: "shell", description: "bash, zsh or fish", required: true, choices: ["bash", "zsh", "fish"] }],
    examples: [
      'eval "$(cibatch completion bash)"',
      "cibatch completion fish > ~/.config/fish/completions/cibatch.fish",
    ],
    handler: "completion",
  },
  {
    name: "help",
    summary: "help on a command, or the exit-code table (cibatch help exit-codes)",
    arguments: [
      {
        name: "topic",
        description: "a command (jobs list, sign, ...) or exit-codes",
        required: false,
        variadic: true,
        choices: ["exit-codes", "jobs", "configure", "sign", "fake", "completion"],
      },
    ],
    examples: ["cibatch help exit-codes", "cibatch help jobs list"],
    handler: "help",
  },
];
