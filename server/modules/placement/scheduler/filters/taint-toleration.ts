import { PASS } from "../filter-result.js";
import type { ClusterTaint, Filter, SchedulingContext, Toleration } from "../types.js";

function tolerates(toleration: Toleration, taint: ClusterTaint, context: SchedulingContext): boolean {
  if (toleration.effect !== undefined && toleration.effect !== taint.effect) return false;
  if (toleration.key !== undefined && toleration.key !== taint.key) return false;
  // An empty key with Exists tolerates every taint, as in Kubernetes.
  if (toleration.key === undefined && toleration.operator !== "Exists") return false;
  if (toleration.operator !== "Exists" && (toleration.value ?? "") !== (taint.value ?? "")) return false;
  if (toleration.tolerationSeconds !== undefined && taint.timeAdded !== undefined) {
    const expiresAt = taint.timeAdded.getTime() + toleration.tolerationSeconds * 1000;
    if (context.now.getTime() >= expiresAt) return false;
  }
  return true;
}

/**
 * Taints keep clusters out unless tolerated. `NoSelect` always filters; `NoSelectIfNew` only filters clusters
 * where the placement has no replicas yet (running work may stay); `PreferNoSelect` never filters.
 */
export const taintToleration: Filter = (cluster, request, context) => {
  if (cluster.taints.length === 0) return PASS;
  const tolerations = request.constraints.tolerations ?? [];
  for (const taint of cluster.taints) {
    if (taint.effect === "PreferNoSelect") continue;
    if (taint.effect === "NoSelectIfNew" && cluster.existingReplicas > 0) continue;
    if (tolerations.some((toleration) => tolerates(toleration, taint, context))) continue;
    const shown = taint.value === undefined ? taint.key : `${taint.key}=${taint.value}`;
    return { ok: false, reason: `taint ${shown}:${taint.effect} is not tolerated` };
  }
  return PASS;
};
