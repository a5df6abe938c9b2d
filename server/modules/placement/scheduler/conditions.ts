import type { ClusterCandidate, ConditionStatus } from "./types.js";

/** Status of a condition by type; a condition the cluster never reported counts as `Unknown`. */
export function conditionStatus(cluster: ClusterCandidate, type: string): ConditionStatus {
  for (const condition of cluster.conditions) {
    if (condition.type === type) return condition.status;
  }
  return "Unknown";
}
