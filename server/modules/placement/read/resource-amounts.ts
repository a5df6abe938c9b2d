import type { ResourceAmounts } from "../scheduler/types.js";

/** A resource map as the GraphQL `ResourceAmount` list, sorted by resource name so answers are stable. */
export function resourceAmountList(values: ResourceAmounts): Array<{ resource: string; amount: number }> {
  return Object.entries(values)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([resource, amount]) => ({ resource, amount }));
}
