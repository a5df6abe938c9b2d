import { conditionStatus } from "../conditions.js";
import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/** Only clusters the alliance accepted and whose lease is current (Available=True) can take work. */
export const acceptedAvailable: Filter = (cluster) => {
  if (!cluster.accepted) return { ok: false, reason: "cluster is not accepted by the alliance" };
  const available = conditionStatus(cluster, "Available");
  if (available !== "True") return { ok: false, reason: `Available is ${available}` };
  return PASS;
};
