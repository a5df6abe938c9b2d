import type { PodFacts } from "../cluster/cluster-source.js";
import { parseResource } from "./quantity.js";

/** Requests of one pod in base units (cpu in millicores), keyed by resource name. */
export type ResourceAmounts = Record<string, number>;

/**
 * The requests the scheduler accounts for a pod: per resource, the larger of the app containers' sum and the
 * largest init container (init containers run one at a time before the app containers), plus pod overhead.
 * Every pod also takes one slot of the node's `pods` resource.
 */
export function effectivePodRequests(pod: PodFacts): ResourceAmounts {
  const amounts: ResourceAmounts = {};
  for (const requests of pod.containerRequests) {
    for (const [resource, quantity] of Object.entries(requests)) {
      amounts[resource] = (amounts[resource] ?? 0) + parseResource(resource, quantity);
    }
  }
  for (const requests of pod.initContainerRequests) {
    for (const [resource, quantity] of Object.entries(requests)) {
      amounts[resource] = Math.max(amounts[resource] ?? 0, parseResource(resource, quantity));
    }
  }
  for (const [resource, quantity] of Object.entries(pod.overhead)) {
    amounts[resource] = (amounts[resource] ?? 0) + parseResource(resource, quantity);
  }
  amounts.pods = 1;
  return amounts;
}

/** Adds `amounts` into `total` in place. */
export function addAmounts(total: ResourceAmounts, amounts: ResourceAmounts): void {
  for (const [resource, value] of Object.entries(amounts)) total[resource] = (total[resource] ?? 0) + value;
}
