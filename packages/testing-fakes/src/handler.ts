import { md5 as md5Of } from "@noble/hashes/legacy.js";
import type { AccountRegistry } from "./accounts.js";
import { type AuthErrorStyle, authenticate } from "./auth.js";
import { base64OfBytes, utf8Bytes } from "./bytes.js";
import type { FakeClock } from "./clock.js";
import type { Codec, CreateSpec } from "./codec-types.js";
import { type CorsRule, matchCors } from "./cors.js";
import type { FaultAction, FaultEngine, FaultRuleView } from "./faults.js";
import type { IdGenerator } from "./ids.js";
import { type JobRecord, type JobStore, viewOf } from "./job-store.js";
import type { JournalStore, SignatureVerdict } from "./journal.js";
import { type ListCursors, listJobsPage } from "./list-jobs.js";
import { LIST_PARAMS, parseListQuery } from "./list-params.js";

import type { Delivery, FakeReply, FakeRequest } from "./reply.js";
import { knownParams, type Route, routeRequest } from "./routes.js";
import type { FakeCiSwitches } from "./switches.js";
import { formatHttpDate } from "./time-format.js";
import { resolveVirtualHost } from "./virtual-host.js";

/** @internal Settings the handler reads on every request (they can change at run time). */
export interface HandlerSettings {
  readonly bucket: string;
  readonly region: string;
  readonly switches: FakeCiSwitches;
  readonly authErrors: AuthErrorStyle;
  readonly allowAnySignature: boolean;
  readonly tzOffset: string;
  readonly maxSkewSeconds: number;
  readonly requireContentLength: boolean;
  /** CORS rules; empty: no CORS answers at all. */
  readonly cors: readonly CorsRule[];
}

/** @internal What the handler works with. */
export interface HandlerContext {
  readonly clock: FakeClock;
  readonly ids: IdGenerator;
  readonly store: JobStore;
  readonly cursors: ListCursors;
  readonly faults: FaultEngine;
  readonly journal: JournalStore;
  readonly accounts: AccountRegistry;
  readonly codec: Codec;
  settings(): HandlerSettings;
  /** The `/_fake/` control API, when enabled. */
  readonly control: ((request: FakeRequest, path: string, query: URLSearchParams) => Promise<FakeReply>) | undefined;
}

const JOURNAL_BODY_BYTES = 64 * 1024;
const EMPTY = new Uint8Array(0);
/** Shared by every request without a query string; never mutated. */
const NO_QUERY = new URLSearchParams();
const NORMAL: Delivery = { kind: "normal" };
const utf8 = new TextDecoder("utf-8");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

type ReplacingAction = Extract<
  FaultAction,
  { status: number } | { reset: true } | { hang: true } | { body: string } | { emptyBody: true }
>;

function isReplacing(action: FaultAction): action is ReplacingAction {
  return "status" in action || "reset" in action || "hang" in action || "body" in action || "emptyBody" in action;
}

interface Outcome {
  reply: FakeReply;
  errorCode: string | undefined;
  jobIds: string[];
  handled: boolean;
  verdict: SignatureVerdict;
}

const SKIPPED: SignatureVerdict = { result: "skipped", accepted: false };

/** Characters XML 1.0 cannot hold (XML 1.0 §2.2 Char): C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF. */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_ALL = new RegExp(NOT_XML.source, "gu");

/** Text safe inside an XML element: each character XML forbids shown as `\uXXXX`. */
function xmlSafe(text: string): string {
  if (!NOT_XML.test(text)) return text;
  return text.replace(
    NOT_XML_ALL,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

function decodedOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Where a request target or query value holds a character XML forbids, a description of it; else `undefined`. */
function forbiddenCharacter(path: string, query: URLSearchParams): string | undefined {
  const show = (text: string): string => {
    const c = NOT_XML.exec(text)?.[0] as string;
    return `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`;
  };
  const decodedPath = decodedOrRaw(path);
  if (NOT_XML.test(decodedPath)) return `${show(decodedPath)} in the path`;
  for (const [name, value] of query) {
    if (NOT_XML.test(name)) return `${show(name)} in a query parameter name`;
    if (NOT_XML.test(value)) return `${show(value)} in the query parameter ${xmlSafe(name)}`;
  }
  return undefined;
}

/**
 * The origin-form of an absolute-form request target (`GET http://host/path HTTP/1.1`, as clients send to a
 * proxy): RFC 9112 §3.2.2 says a server must accept it and take the authority from it, not from `Host`.
 */
function originForm(req: FakeRequest): FakeRequest {
  if (req.target.startsWith("/") || !/^https?:\/\//i.test(req.target) || !URL.canParse(req.target)) return req;
  const url = new URL(req.target);
  const target = `${url.pathname}${url.search}`;
  const headers = { ...req.headers, host: url.host };
  // Built without object spread: spreading would call a lazy `signal` getter.
  return Object.create(req, {
    target: { value: target, enumerable: true },
    headers: { value: headers, enumerable: true },
  }) as FakeRequest;
}

/** @internal Builds the request handler shared by `fake.fetch` and the listener. */
export function createHandler(ctx: HandlerContext): (request: FakeRequest) => Promise<FakeReply> {
  let dateSecond = Number.NaN;
  let dateText = "";
  const httpDate = (now: number): string => {
    const second = Math.floor(now / 1000);
    if (second !== dateSecond) {
      dateSecond = second;
      dateText = formatHttpDate(now);
    }
    return dateText;
  };
  // The `<Resource>` of each request's error answers, by request id, while the request is served.
  const resources = new Map<string, string>();
  const baseHeaders = (now: number, requestId: string): Record<string, string> => ({
    "content-type": "application/xml",
    server: "tencent-ci",
    date: httpDate(now),
    "x-ci-request-id": requestId,
  });

  const xmlReply = (status: number, xml: string, now: number, requestId: string): FakeReply => ({
    status,
    headers: baseHeaders(now, requestId),
    body: utf8Bytes(xml),
    delivery: NORMAL,
  });

  const errorReply = (
    status: number,
    code: string,
    message: string,
    now: number,
    requestId: string,
    extra: Record<string, string> = {},
  ): FakeReply => {
    const traceId = ctx.ids.traceId();
    const resource = xmlSafe(resources.get(requestId) ?? "");
    return {
      status,
      headers: { ...baseHeaders(now, requestId), "x-ci-trace-id": traceId, ...extra },
      body: utf8Bytes(ctx.codec.encodeError({ code, message: xmlSafe(message), resource, requestId, traceId })),
      delivery: NORMAL,
    };
  };

  const faultReply = (action: ReplacingAction, now: number, requestId: string, base?: FakeReply): FakeReply => {
    if ("reset" in action)
      return { ...(base ?? errorReply(500, "InternalError", "", now, requestId)), delivery: { kind: "reset" } };
    if ("hang" in action)
      return { ...(base ?? errorReply(500, "InternalError", "", now, requestId)), delivery: { kind: "hang" } };
    if ("body" in action) {
      return {
        status: action.status ?? 200,
        headers: { ...baseHeaders(now, requestId), "content-type": action.contentType },
        body: utf8Bytes(action.body),
        delivery: NORMAL,
      };
    }
    if ("emptyBody" in action) {
      const headers = baseHeaders(now, requestId);
      return { status: action.status ?? 200, headers, body: EMPTY, delivery: NORMAL };
    }
    return errorReply(
      action.status,
      action.code,
      action.message ?? `fault injected by the fake (${action.code})`,
      now,
      requestId,
      action.retryAfter !== undefined ? { "retry-after": String(action.retryAfter) } : {},
    );
  };

  const render = (job: JobRecord) => viewOf(job);

  // Host resolution per distinct Host header (bounded), with whether it makes a parseable URL.
  const hosts = new Map<
    string,
    { resolution: ReturnType<typeof resolveVirtualHost>; parseable: boolean; defaults: string }
  >();
  const hostEntry = (header: string | undefined, settings: HandlerSettings) => {
    const key = header ?? "";
    const defaults = `${settings.bucket} ${settings.region}`;
    let entry = hosts.get(key);
    if (entry?.defaults !== defaults) {
      if (hosts.size >= 1000) hosts.clear();
      entry = {
        resolution: resolveVirtualHost(header, settings),
        parseable: URL.canParse(`http://${header ?? "127.0.0.1"}/`),
        defaults,
      };
      hosts.set(key, entry);
    }
    return entry;
  };
  const hostOf = (header: string | undefined, settings: HandlerSettings) => hostEntry(header, settings).resolution;

  // Polling describes of one job dominate real use (wait/watch loops): their XML is rendered once per job
  // state and reused with the new request id. Keyed by record object, so a state import never hits stale XML.
  const REQUEST_ID_SLOT = "cibatch-fake-request-id-slot";
  const describeCache = new WeakMap<JobRecord, { key: string; xml: string }>();
  const describeOne = (job: JobRecord, requestId: string, tzOffset: string): string => {
    const key = `${job.state}|${job.code}|${job.message}|${job.startTime}|${job.endTime}|${tzOffset}`;
    let cached = describeCache.get(job);
    if (cached?.key !== key) {
      cached = { key, xml: ctx.codec.encodeDescribe(REQUEST_ID_SLOT, [render(job)], [], tzOffset) };
      describeCache.set(job, cached);
    }
    return cached.xml.replace(REQUEST_ID_SLOT, requestId);
  };

  function operate(
    route: Route,
    req: FakeRequest,
    query: URLSearchParams,
    bucket: string,
    create: () => ReturnType<Codec["decodeCreate"]> | undefined,
    now: number,
    requestId: string,
    settings: HandlerSettings,
  ): { reply: FakeReply; errorCode?: string; jobIds: string[] } {
    const fail = (status: number, code: string, message: string, jobIds: string[] = []) => ({
      reply: errorReply(status, code, message, now, requestId),
      errorCode: code,
      jobIds,
    });
    const { switches, tzOffset } = settings;
    switch (route.op) {
      case "CreateInventoryTriggerJob": {
        if (req.body.byteLength === 0)
          return fail(400, "MissingContent", "the create request needs an XML <Request> body");
        const decoded = create() as NonNullable<ReturnType<typeof create>>;
        if (!decoded.ok) return fail(400, decoded.code, decoded.message);
        const problems = ctx.codec.validateCreate(decoded.spec, switches.create);
        if (problems.length > 0) return fail(400, "InvalidArgument", problems.join("; "));
        const job = ctx.store.create(bucket, decoded.spec);
        return {
          reply: xmlReply(200, ctx.codec.encodeCreated(requestId, render(job), tzOffset), now, requestId),
          jobIds: [job.jobId],
        };
      }
      case "DescribeInventoryTriggerJob": {
        const ids = [...new Set(route.ids)];
        if (ids.length > 1 && switches.describe.multiId === "reject") {
          return fail(400, "InvalidArgument", "describe one job id at a time (describe.multiId is reject)");
        }
        const found: JobRecord[] = [];
        const missing: string[] = [];
        for (const id of ids) {
          const job = ctx.store.find(id, bucket);
          if (!job) {
            missing.push(id);
            continue;
          }
          ctx.store.settle(job, now);
          ctx.store.noteDescribe(job, now);
          found.push(job);
        }
        const jobIds = found.map((j) => j.jobId);
        if (missing.length > 0 && switches.unknownJob !== "nonexist-node") {
          return fail(
            switches.unknownJob.status,
            switches.unknownJob.code,
            `job not exist: ${missing.join(",")}`,
            jobIds,
          );
        }
        const single = found.length === 1 && missing.length === 0 ? found[0] : undefined;
        const xml = single
          ? describeOne(single, requestId, tzOffset)
          : ctx.codec.encodeDescribe(requestId, found.map(render), missing, tzOffset);
        return { reply: xmlReply(200, xml, now, requestId), jobIds };
      }
      case "DescribeInventoryTriggerJobs": {
        const parsed = parseListQuery(query);
        if (!parsed.ok) return fail(400, "InvalidArgument", parsed.message);
        const jobs = ctx.store.all(bucket);
        for (const job of jobs) ctx.store.settle(job, now);
        const page = listJobsPage(jobs, parsed.filter, ctx.cursors, {
          defaultType: switches.list.defaultType,
          workflowIdsOf: (job) => ctx.codec.workflowIdsOf(job.operation),
        });
        if (!page.ok) return fail(400, "InvalidArgument", page.message);
        const token = page.nextToken ?? (switches.list.endSignal === "empty" ? "" : undefined);
        const xml = ctx.codec.encodeList(requestId, page.jobs.map(render), token, tzOffset);
        return { reply: xmlReply(200, xml, now, requestId), jobIds: page.jobs.map((j) => j.jobId) };
      }
      case "CancelInventoryTriggerJob": {
        if (!route.hasCancelParam && switches.cancel.requireQuery) {
          return fail(400, "InvalidArgument", "to cancel a job send PUT /inventorytriggerjob/<jobId>?cancel");
        }
        const job = ctx.store.find(route.id, bucket);
        if (!job) {
          const u = switches.unknownJob;
          return u === "nonexist-node"
            ? fail(400, "InvalidArgument", `job not exist: ${route.id}`)
            : fail(u.status, u.code, `job not exist: ${route.id}`);
        }
        ctx.store.settle(job, now);
        const mode = switches.cancel.mode;
        const result = ctx.store.cancel(job, now, mode === "immediate" ? undefined : mode.afterDescribes);
        if (result === "finished" && switches.cancel.onFinished === "reject") {
          return fail(
            400,
            "InvalidArgument",
            `job ${job.jobId} is already ${job.state}; only Submitted, Running or Pause jobs can be cancelled`,
            [job.jobId],
          );
        }
        const headers = baseHeaders(now, requestId);
        delete headers["content-type"];
        return { reply: { status: 200, headers, body: EMPTY, delivery: NORMAL }, jobIds: [job.jobId] };
      }
    }
  }

  const preflight = (req: FakeRequest, origin: string, rules: readonly CorsRule[]): FakeReply => {
    const now = ctx.clock.now();
    const requestId = ctx.ids.requestId(now);
    const method = (req.headers["access-control-request-method"] as string).trim().toUpperCase();
    const verdict = matchCors(rules, origin, method, req.headers["access-control-request-headers"], true);
    resources.set(requestId, `${req.headers.host ?? ""}${req.target.split("?")[0]}`);
    const reply: FakeReply = verdict.ok
      ? { status: 200, headers: { ...baseHeaders(now, requestId), ...verdict.headers }, body: EMPTY, delivery: NORMAL }
      : errorReply(403, "AccessForbidden", verdict.message, now, requestId);
    resources.delete(requestId);
    if (verdict.ok) delete (reply.headers as Record<string, string>)["content-type"];
    const q = req.target.indexOf("?");
    ctx.journal.record({
      seq: ctx.journal.nextSeq(),
      time: now,
      op: undefined,
      handled: true,
      method: "OPTIONS",
      path: q < 0 ? req.target : req.target.slice(0, q),
      query: {},
      unknownParams: [],
      headers: req.headers,
      body: "",
      bodyBytes: 0,
      bucket: undefined,
      signature: SKIPPED,
      fault: undefined,
      status: reply.status,
      errorCode: verdict.ok ? undefined : "AccessForbidden",
      requestId,
      jobIds: [],
    });
    return reply;
  };

  return async function handle(input: FakeRequest): Promise<FakeReply> {
    const req = originForm(input);
    const origin = req.headers.origin;
    const { cors } = ctx.settings();
    if (
      origin !== undefined &&
      cors.length > 0 &&
      req.method.toUpperCase() === "OPTIONS" &&
      req.headers["access-control-request-method"] !== undefined
    ) {
      return preflight(req, origin, cors);
    }
    let reply: FakeReply;
    try {
      reply = await serveRequest(req);
    } catch (error) {
      // Never a rejected promise, never a non-XML answer: an unexpected failure is the service's 500.
      const now = ctx.clock.now();
      reply = errorReply(
        500,
        "InternalError",
        `the fake could not answer: ${String(error)}`,
        now,
        ctx.ids.requestId(now),
      );
    }
    if (origin === undefined || cors.length === 0) return reply;
    const verdict = matchCors(cors, origin, req.method.toUpperCase(), undefined, false);
    return verdict.ok ? { ...reply, headers: { ...reply.headers, ...verdict.headers } } : reply;
  };

  async function serveRequest(req: FakeRequest): Promise<FakeReply> {
    const arrival = ctx.clock.now();
    const q = req.target.indexOf("?");
    const path = q < 0 ? req.target : req.target.slice(0, q);
    const query = q < 0 ? NO_QUERY : new URLSearchParams(req.target.slice(q + 1));
    if (ctx.control && (path === "/_fake" || path.startsWith("/_fake/"))) return ctx.control(req, path, query);

    const settings = ctx.settings();
    const method = req.method.toUpperCase();
    const route = routeRequest(method, path, query);
    const host = hostOf(req.headers.host, settings);
    const bucket = host.ok ? host.bucket : undefined;

    let decodedCreate: ReturnType<Codec["decodeCreate"]> | undefined;
    const create = (): ReturnType<Codec["decodeCreate"]> | undefined => {
      if (route?.op !== "CreateInventoryTriggerJob" || req.bodyTooLarge || req.body.byteLength === 0) return undefined;
      if (decodedCreate === undefined) {
        let text: string | undefined;
        try {
          text = strictUtf8.decode(req.body);
        } catch {
          decodedCreate = { ok: false, code: "InvalidContent", message: "the request body is not valid UTF-8" };
        }
        if (text !== undefined) decodedCreate = ctx.codec.decodeCreate(text);
      }
      return decodedCreate;
    };
    const nameOf = (): string | undefined => {
      const d = create();
      return d?.ok ? (d.spec as CreateSpec).name : undefined;
    };

    const fault: FaultRuleView | undefined = ctx.faults.pick({ op: route?.op, method, path, bucket, name: nameOf });
    const action = fault?.action;
    const phase = fault?.when ?? "before";
    const now = action && "skewMs" in action ? arrival + action.skewMs : arrival;
    const requestId = ctx.ids.requestId(now);
    resources.set(requestId, `${req.headers.host ?? ""}${path}`);

    let outcome: Outcome;
    try {
      if (action && "latencyMs" in action && phase === "before") await ctx.clock.sleep(action.latencyMs, req.signal);
      if (action && isReplacing(action) && phase === "before") {
        const reply = faultReply(action, now, requestId);
        outcome = {
          reply,
          errorCode: "code" in action ? action.code : undefined,
          jobIds: [],
          handled: route !== undefined,
          verdict: SKIPPED,
        };
      } else {
        outcome = await serve(route, req, path, query, host, bucket, create, now, requestId, settings);
        if (action && phase === "after") {
          if ("latencyMs" in action) await ctx.clock.sleep(action.latencyMs, req.signal);
          if (isReplacing(action)) {
            const reply = faultReply(action, now, requestId, outcome.reply);
            outcome = { ...outcome, reply, errorCode: "code" in action ? action.code : outcome.errorCode };
          }
        }
        if (action && "truncateBody" in action) {
          outcome.reply = { ...outcome.reply, delivery: { kind: "truncate", bytes: action.truncateBody } };
        } else if (action && "slowBody" in action) {
          outcome.reply = { ...outcome.reply, delivery: { kind: "slow", ...action.slowBody } };
        }
      }
    } catch (error) {
      if (!req.signal?.aborted) {
        resources.delete(requestId);
        throw error;
      }
      // The client went away during a latency fault: nobody to answer.
      outcome = {
        reply: { status: 0, headers: {}, body: EMPTY, delivery: { kind: "reset" } },
        errorCode: undefined,
        jobIds: [],
        handled: route !== undefined,
        verdict: SKIPPED,
      };
    }

    const known = knownParams(route?.op, LIST_PARAMS);
    const reply = outcome.reply;
    const silent = reply.delivery.kind === "reset" || reply.delivery.kind === "hang";
    ctx.journal.record({
      seq: ctx.journal.nextSeq(),
      time: arrival,
      op: route?.op,
      handled: outcome.handled,
      method,
      path,
      query: query === NO_QUERY ? {} : Object.fromEntries(query),
      unknownParams: query === NO_QUERY ? [] : [...new Set(query.keys())].filter((k) => !known.includes(k)),
      headers: req.headers,
      body: utf8.decode(req.body.subarray(0, JOURNAL_BODY_BYTES)),
      bodyBytes: req.body.byteLength,
      bucket,
      signature: outcome.verdict,
      fault: fault?.id,
      status: silent ? 0 : reply.status,
      errorCode: outcome.errorCode,
      requestId,
      jobIds: outcome.jobIds,
    });
    resources.delete(requestId);
    return reply;
  }

  async function serve(
    route: Route | undefined,
    req: FakeRequest,
    path: string,
    query: URLSearchParams,
    host: ReturnType<typeof resolveVirtualHost>,
    bucket: string | undefined,
    create: () => ReturnType<Codec["decodeCreate"]> | undefined,
    now: number,
    requestId: string,
    settings: HandlerSettings,
  ): Promise<Outcome> {
    const early = (status: number, code: string, message: string, handled: boolean, verdict = SKIPPED): Outcome => ({
      reply: errorReply(status, code, message, now, requestId),
      errorCode: code,
      jobIds: [],
      handled,
      verdict,
    });
    if (req.bodyTooLarge) {
      return early(413, "InvalidContent", "the request body is larger than the fake's body limit", route !== undefined);
    }
    if (
      req.contentLengthMissing === true &&
      settings.requireContentLength &&
      (req.method === "POST" || req.method === "PUT")
    ) {
      return early(
        411,
        "MissingContentLength",
        "a POST or PUT needs a Content-Length header (send Content-Length: 0 for no body)",
        route !== undefined,
      );
    }
    const hostHeader = req.headers.host ?? "127.0.0.1";
    const url = `http://${hostHeader}${req.target}`;
    if (!hostEntry(req.headers.host, settings).parseable || !req.target.startsWith("/")) {
      return early(
        400,
        "InvalidHost",
        `the Host header ${JSON.stringify(hostHeader)} is not a host`,
        route !== undefined,
      );
    }
    const forbidden = forbiddenCharacter(path, query);
    if (forbidden !== undefined) {
      return early(
        400,
        "InvalidArgument",
        `the request has ${forbidden}: job ids, nextToken and other parameters cannot hold characters XML forbids`,
        route !== undefined,
      );
    }
    // The verdict is computed for every request, routed or not, so the journal can explain any signature.
    const auth = await authenticate({
      method: req.method,
      url,
      headers: req.headers,
      bucket: bucket ?? settings.bucket,
      now,
      accounts: ctx.accounts,
      style: settings.authErrors,
      allowAny: settings.allowAnySignature,
      maxSkewSeconds: settings.maxSkewSeconds,
    });
    if (!route)
      return early(404, "InvalidUrl", `no such API: ${req.method.toUpperCase()} ${path}`, false, auth.verdict);
    if (!host.ok || bucket === undefined) {
      return early(400, "InvalidHost", host.ok ? "bad Host" : host.message, true, auth.verdict);
    }
    if (auth.error) return early(auth.error.status, auth.error.code, auth.error.message, true, auth.verdict);

    const md5 = req.headers["content-md5"];
    if (md5 !== undefined && base64OfBytes(md5Of(req.body)) !== md5.trim()) {
      return early(
        400,
        "InvalidContent",
        "Content-MD5 does not match the body (base64 of the body's MD5 expected)",
        true,
        auth.verdict,
      );
    }
    const done = operate(route, req, query, bucket, create, now, requestId, settings);
    return { reply: done.reply, errorCode: done.errorCode, jobIds: done.jobIds, handled: true, verdict: auth.verdict };
  }
}
