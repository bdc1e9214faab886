import type { FakeJobView, JobInputValue, JobOperationValue } from "./job-types.js";
import type { FakeCiSwitches } from "./switches.js";

/** @internal What a create request asks for. */
export interface CreateSpec {
  readonly name: string;
  readonly type: string | undefined;
  readonly input: JobInputValue;
  readonly operation: JobOperationValue;
}

/** @internal A problem with a request, answered as a 400. */
export interface RequestProblem {
  readonly code: "InvalidContent" | "InvalidArgument";
  readonly message: string;
}

/** @internal Everything XML the fake does, behind one seam (implemented with @cibatch/xml-model). */
export interface Codec {
  decodeCreate(
    xml: string,
  ): { readonly ok: true; readonly spec: CreateSpec } | ({ readonly ok: false } & RequestProblem);
  /** Problems of a decoded create request under the create switches, first the most important. */
  validateCreate(spec: CreateSpec, rules: FakeCiSwitches["create"]): string[];
  encodeCreated(requestId: string, job: FakeJobView, tzOffset: string): string;
  encodeDescribe(
    requestId: string,
    jobs: readonly FakeJobView[],
    nonExist: readonly string[],
    tzOffset: string,
  ): string;
  encodeList(requestId: string, jobs: readonly FakeJobView[], nextToken: string | undefined, tzOffset: string): string;
  encodeError(error: { code: string; message: string; resource: string; requestId: string; traceId: string }): string;
  workflowIdsOf(operation: JobOperationValue): readonly string[];
  queueIdOf(operation: JobOperationValue): string | undefined;
}
