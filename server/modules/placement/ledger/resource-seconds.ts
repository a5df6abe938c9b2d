import type { ResourceAmounts } from "../scheduler/types.js";

const GIBIBYTE = 1024 ** 3;

/**
 * How much one unit of each resource held for one second counts, in CPU-core-second equivalents. The ledger needs
 * one number per record so that giving memory and taking CPU can be compared.
 * - cpu (millicores): 1 core-second = 1.
 * - memory (bytes): 1 GiB-second = 0.25, because common machine shapes pair 1 core with 4 GiB, so a balanced
 *   share of a machine counts its CPU and memory equally.
 * - storage:<class> (bytes): 1 GiB-second = 0.01; disk is cheap per GiB next to RAM.
 * - gpu:<model> (devices): 1 device-second = 20; a GPU costs roughly twenty cores.
 * - pods and unknown resources: 0; a pod's cost is its cpu and memory, and an unknown resource is not accounted
 *   until the alliance agrees on a weight.
 */
export const CORE_SECONDS_PER_UNIT_SECOND = {
  cpu: 1 / 1000,
  memory: 0.25 / GIBIBYTE,
  storage: 0.01 / GIBIBYTE,
  gpu: 20,
} as const;

/** Core-second equivalents of one base unit of `resource` for one second. */
export function resourceWeight(resource: string): number {
  if (resource === "cpu") return CORE_SECONDS_PER_UNIT_SECOND.cpu;
  if (resource === "memory") return CORE_SECONDS_PER_UNIT_SECOND.memory;
  if (resource.startsWith("storage:")) return CORE_SECONDS_PER_UNIT_SECOND.storage;
  if (resource.startsWith("gpu:")) return CORE_SECONDS_PER_UNIT_SECOND.gpu;
  return 0;
}

function seconds(from: Date, to: Date): number {
  return Math.max(0, (to.getTime() - from.getTime()) / 1000);
}

/** Weighted resource-seconds (core-second equivalents) of holding `reservation` from `from` to `to`; 0 if reversed. */
export function resourceSeconds(reservation: ResourceAmounts, from: Date, to: Date): number {
  const duration = seconds(from, to);
  let total = 0;
  for (const resource in reservation) total += reservation[resource] * resourceWeight(resource) * duration;
  return total;
}

/**
 * Per-resource usage in the units a monthly statement shows: core-seconds for cpu, GiB-seconds for memory and
 * storage, device-seconds for GPUs, pod-seconds for pods, base-unit-seconds otherwise.
 */
export function resourceUnitSeconds(reservation: ResourceAmounts, from: Date, to: Date): ResourceAmounts {
  const duration = seconds(from, to);
  const usage: ResourceAmounts = {};
  for (const resource in reservation) {
    const perUnit =
      resource === "cpu"
        ? 1 / 1000
        : resource === "memory" || resource.startsWith("storage:")
          ? 1 / GIBIBYTE
          : 1;
    usage[resource] = reservation[resource] * perUnit * duration;
  }
  return usage;
}
