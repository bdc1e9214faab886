/**
 * The COS/CI regions this version knows. A region outside the list is only warned about (new regions appear),
 * with the closest known name as a suggestion.
 *
 * @internal
 */
export const KNOWN_REGIONS: readonly string[] = [
  "ap-beijing",
  "ap-beijing-1",
  "ap-nanjing",
  "ap-shanghai",
  "ap-guangzhou",
  "ap-chengdu",
  "ap-chongqing",
  "ap-shenzhen-fsi",
  "ap-shanghai-fsi",
  "ap-beijing-fsi",
  "ap-hongkong",
  "ap-singapore",
  "ap-jakarta",
  "ap-seoul",
  "ap-bangkok",
  "ap-tokyo",
  "ap-mumbai",
  "na-siliconvalley",
  "na-ashburn",
  "sa-saopaulo",
  "eu-frankfurt",
];

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known region closest to `region` (edit distance), for "did you mean".
 *
 * @param region - The region given.
 * @returns The closest known region.
 * @example
 * ```ts
 * import { closestRegion } from "./regions.js";
 * closestRegion("ap-beijin"); // "ap-beijing"
 * ```
 * @internal
 */
export function closestRegion(region: string): string {
  let best = KNOWN_REGIONS[0] as string;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of KNOWN_REGIONS) {
    const d = distance(region.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
