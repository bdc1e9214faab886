import type { OperationName } from "./operations.js";

/**
 * A matched CI route.
 *
 * @example
 * ```ts
 * import { routeRequest } from "@cibatch/testing-fakes";
 * routeRequest("GET", "/inventorytriggerjob/b1,b2", new URLSearchParams());
 * // { op: "DescribeInventoryTriggerJob", ids: ["b1", "b2"] }
 * ```
 */
export type Route =
  | {
      /** `POST /inventorytriggerjob`. */
      readonly op: "CreateInventoryTriggerJob";
    }
  | {
      /** `GET /inventorytriggerjob`. */
      readonly op: "DescribeInventoryTriggerJobs";
    }
  | {
      /** `GET /inventorytriggerjob/<id>[,<id>…]`. */
      readonly op: "DescribeInventoryTriggerJob";
      /** The ids asked for, in order. */
      readonly ids: readonly string[];
    }
  | {
      /** `PUT /inventorytriggerjob/<id>?cancel`. */
      readonly op: "CancelInventoryTriggerJob";
      /** The job id. */
      readonly id: string;
      /** Whether the query has `cancel` (with any value). */
      readonly hasCancelParam: boolean;
    };

const BASE = "/inventorytriggerjob";

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Matches a method and raw path against the four routes of the API; `undefined` for anything else
 * (the fake answers `404 InvalidUrl`).
 *
 * @param method - upper-case HTTP method
 * @param path - raw path (percent-encoding kept), without the query
 * @param query - decoded query parameters
 * @example
 * ```ts
 * import { routeRequest } from "@cibatch/testing-fakes";
 * routeRequest("PUT", "/inventorytriggerjob/b3deffea2f84911ec9cb15254008618d9", new URLSearchParams("cancel="))?.op;
 * // "CancelInventoryTriggerJob"
 * ```
 */
export function routeRequest(method: string, path: string, query: URLSearchParams): Route | undefined {
  if (path === BASE) {
    if (method === "POST") return { op: "CreateInventoryTriggerJob" };
    if (method === "GET") return { op: "DescribeInventoryTriggerJobs" };
    return undefined;
  }
  if (!path.startsWith(`${BASE}/`)) return undefined;
  const rest = path.slice(BASE.length + 1);
  if (rest === "" || rest.includes("/")) return undefined;
  const ids = decode(rest);
  if (ids === undefined || ids === "") return undefined;
  if (method === "GET") return { op: "DescribeInventoryTriggerJob", ids: ids.split(",") };
  if (method === "PUT") return { op: "CancelInventoryTriggerJob", id: ids, hasCancelParam: query.has("cancel") };
  return undefined;
}

/** @internal Query names each operation documents (anything else is recorded as unknown). */
export function knownParams(op: OperationName | undefined, listParams: readonly string[]): readonly string[] {
  if (op === "DescribeInventoryTriggerJobs") return listParams;
  if (op === "CancelInventoryTriggerJob") return ["cancel"];
  return [];
}
