import type { InputProblem } from "../errors/validation-error.js";
import { describeValue } from "../validation/describe-value.js";

/**
 * A region id: lowercase letters and digits in `-`-separated parts, such as `ap-beijing` or
 * `na-siliconvalley`. The list of regions is open (new ones appear), so only the form is checked.
 *
 * @example
 * ```ts
 * import { REGION_PATTERN } from "./region.js";
 *
 * REGION_PATTERN.test("ap-beijing"); // true
 * ```
 * @internal
 */
export const REGION_PATTERN: RegExp = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/**
 * Checks a region id.
 *
 * @param region - The region as given.
 * @param path - The option's path in problems (default `region`).
 * @returns The problems found (empty when the region is valid).
 *
 * @example
 * ```ts
 * import { regionProblems } from "./region.js";
 *
 * regionProblems("ap-beijing"); // []
 * regionProblems("AP-Beijing"); // [{ path: "region", message: "… lowercase …" }]
 * ```
 * @internal
 */
export function regionProblems(region: unknown, path = "region"): InputProblem[] {
  if (typeof region !== "string" || region === "") {
    return [{ path, message: `is required: a region id such as ap-beijing; got ${describeValue(region)}` }];
  }
  if (region.length > 40 || !REGION_PATTERN.test(region)) {
    const hint = /[A-Z]/.test(region)
      ? "region ids are lowercase"
      : region.includes(".")
        ? "give the region id alone, not a host name"
        : "expected lowercase letters and digits in '-'-separated parts";
    return [{ path, message: `${describeValue(region)} is not a region id such as ap-beijing: ${hint}` }];
  }
  return [];
}
