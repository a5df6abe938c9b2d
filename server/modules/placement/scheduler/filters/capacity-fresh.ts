import { conditionStatus } from "../conditions.js";
import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/** Fit decisions need a recent capacity report; a stale one could over-commit the cluster. */
export const capacityFresh: Filter = (cluster) => {
  const fresh = conditionStatus(cluster, "CapacityFresh");
  if (fresh !== "True") return { ok: false, reason: `CapacityFresh is ${fresh}` };
  return PASS;
};
