/**
 * The four operations of the `/inventorytriggerjob` family, by their CAM names.
 *
 * @example
 * ```ts
 * import type { OperationName } from "@cibatch/testing-fakes";
 * const op: OperationName = "CreateInventoryTriggerJob";
 * ```
 */
export type OperationName =
  | "CreateInventoryTriggerJob"
  | "DescribeInventoryTriggerJob"
  | "DescribeInventoryTriggerJobs"
  | "CancelInventoryTriggerJob";

/**
 * Every {@link OperationName}.
 *
 * @example
 * ```ts
 * import { OPERATION_NAMES } from "@cibatch/testing-fakes";
 * OPERATION_NAMES.length; // 4
 * ```
 */
export const OPERATION_NAMES: readonly OperationName[] = [
  "CreateInventoryTriggerJob",
  "DescribeInventoryTriggerJob",
  "DescribeInventoryTriggerJobs",
  "CancelInventoryTriggerJob",
];
