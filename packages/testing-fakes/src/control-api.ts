import { utf8Bytes, utf8Text } from "./bytes.js";
import type { FakeCi } from "./create-fake-ci.js";
import { FakeCiError, isFakeCiError } from "./errors.js";
import { faultRuleFromJson, faultRuleToJson } from "./faults.js";
import { isJobState } from "./job-state.js";
import type { FakeReply, FakeRequest } from "./reply.js";
import type { FakeStateSnapshot } from "./snapshot.js";
import { formatTransition } from "./transition.js";

/**
 * The header that carries the control-API token when one is configured.
 *
 * @example
 * ```ts
 * import { CONTROL_TOKEN_HEADER } from "@cibatch/testing-fakes";
 * await fetch("http://127.0.0.1:8080/_fake/reset", { method: "POST", headers: { [CONTROL_TOKEN_HEADER]: "t" } });
 * ```
 */
export const CONTROL_TOKEN_HEADER = "x-fake-control-token";

const EMPTY = new Uint8Array(0);

function json(status: number, value: unknown): FakeReply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
    body: value === undefined ? EMPTY : utf8Bytes(`${JSON.stringify(value)}\n`),
    delivery: { kind: "normal" },
  };
}

function problem(status: number, code: string, message: string): FakeReply {
  return json(status, { error: { code, message } });
}

function parseBody(request: FakeRequest): unknown {
  if (request.body.byteLength === 0) return {};
  try {
    return JSON.parse(utf8Text(request.body));
  } catch (cause) {
    throw new FakeCiError("UsageError", "the control API takes a JSON body", { cause });
  }
}

function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/**
 * @internal The `/_fake/` control API: JSON in and out, unsigned, loopback peers only, optionally
 * guarded by `x-fake-control-token`.
 */
export function createControlApi(
  fake: FakeCi,
  token: string | undefined,
): (request: FakeRequest, path: string, query: URLSearchParams) => Promise<FakeReply> {
  return async (request, path, query) => {
    if (request.fromLoopback === false)
      return problem(403, "Forbidden", "the control API answers loopback clients only");
    if (token !== undefined && request.headers[CONTROL_TOKEN_HEADER] !== token) {
      return problem(401, "Unauthorized", `send the control token in ${CONTROL_TOKEN_HEADER}`);
    }
    const method = request.method;
    const parts = path.split("/").slice(2).map(decodeURIComponent);
    const [resource, id, action] = parts;
    const route = `${method} ${resource ?? ""}${id !== undefined ? "/:id" : ""}${action !== undefined ? `/${action}` : ""}`;
    try {
      switch (route) {
        case "POST reset":
          fake.reset();
          return json(200, { ok: true });
        case "GET state":
          return json(200, fake.state.export());
        case "PUT state":
          fake.state.import(parseBody(request) as FakeStateSnapshot);
          return json(200, { ok: true, jobs: fake.jobs.list().length });
        case "GET keys":
          return json(200, fake.keys.list());
        case "POST keys": {
          const body = parseBody(request) as Parameters<FakeCi["keys"]["add"]>[0];
          // JSON has no Date: the expiry comes as epoch ms or an ISO string.
          const expires = field(body, "expiresAt");
          if (typeof expires === "number" || typeof expires === "string") {
            (body as { expiresAt?: Date }).expiresAt = new Date(expires);
          }
          fake.keys.add(body);
          return json(201, { ok: true, secretId: body.secretId });
        }
        case "DELETE keys/:id":
          return fake.keys.remove(id as string) ? json(200, { ok: true }) : problem(404, "NotFound", `no key ${id}`);
        case "GET faults":
          return json(
            200,
            fake.faults.list().map((rule) => ({ ...faultRuleToJson(rule), id: rule.id, hits: rule.hits })),
          );
        case "POST faults":
          return json(201, { id: fake.faults.add(faultRuleFromJson(parseBody(request))) });
        case "DELETE faults":
          fake.faults.clear();
          return json(200, { ok: true });
        case "DELETE faults/:id":
          return fake.faults.remove(id as string)
            ? json(200, { ok: true })
            : problem(404, "NotFound", `no fault ${id}`);
        case "GET jobs":
          return json(200, fake.jobs.list(query.get("bucket") || undefined));
        case "POST jobs":
          return json(201, fake.jobs.seed(parseBody(request) as Parameters<FakeCi["jobs"]["seed"]>[0]));
        case "GET jobs/:id": {
          const job = fake.jobs.get(id as string, query.get("bucket") || undefined);
          return job ? json(200, job) : problem(404, "NotFound", `no job ${id}`);
        }
        case "POST jobs/:id/advance": {
          const body = parseBody(request);
          const state = field(body, "state");
          if (typeof state !== "string" || !isJobState(state)) {
            return problem(
              400,
              "InvalidArgument",
              "advance needs {state: Submitted|Running|Success|Failed|Pause|Cancel}",
            );
          }
          const detail: { code?: string; message?: string; bucket?: string } = {};
          for (const key of ["code", "message", "bucket"] as const) {
            const v = field(body, key);
            if (typeof v === "string") detail[key] = v;
          }
          return json(200, fake.jobs.advance(id as string, state, detail));
        }
        case "GET transition":
          return json(200, { ...fake.jobs.transition(), text: formatTransition(fake.jobs.transition()) });
        case "PUT transition":
          fake.jobs.setTransition(parseBody(request) as Parameters<FakeCi["jobs"]["setTransition"]>[0]);
          return json(200, fake.jobs.transition());
        case "POST queues/:id/pause":
          fake.jobs.pauseQueue(id as string);
          return json(200, { ok: true });
        case "POST queues/:id/resume":
          fake.jobs.resumeQueue(id as string);
          return json(200, { ok: true });
        case "GET clock":
          return json(200, {
            now: fake.clock.now(),
            iso: new Date(fake.clock.now()).toISOString(),
            kind: fake.clock.kind,
          });
        case "POST clock": {
          const body = parseBody(request);
          const advance = field(body, "advanceMs");
          const set = field(body, "set");
          if (typeof advance === "number") fake.clock.advance(advance);
          else if (typeof set === "number") fake.clock.set(set);
          else if (typeof set === "string" && !Number.isNaN(Date.parse(set))) fake.clock.set(Date.parse(set));
          else return problem(400, "InvalidArgument", "send {advanceMs: number} or {set: epochMs | ISO string}");
          return json(200, {
            now: fake.clock.now(),
            iso: new Date(fake.clock.now()).toISOString(),
            kind: fake.clock.kind,
          });
        }
        case "GET journal": {
          const op = query.get("op") || undefined;
          const since = query.get("since");
          const entries = fake.journal.find(
            (e) => (op === undefined || e.op === op) && (since === null || since === "" || e.seq > Number(since)),
          );
          return json(200, entries);
        }
        case "DELETE journal":
          fake.journal.clear();
          return json(200, { ok: true });
        case "GET config":
          return json(200, fake.config());
        case "PUT config":
          fake.configure(parseBody(request) as Parameters<FakeCi["configure"]>[0]);
          return json(200, fake.config());
        default:
          return problem(
            404,
            "NotFound",
            `no control route ${method} ${path}; see the README of @cibatch/testing-fakes`,
          );
      }
    } catch (error) {
      if (isFakeCiError(error)) {
        const status = error.code === "JobNotFound" ? 404 : error.code === "InvalidTransition" ? 409 : 400;
        return problem(status, error.code, error.message);
      }
      throw error;
    }
  };
}
