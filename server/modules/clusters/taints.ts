/** Effects as in Kubernetes: NoSchedule keeps new placements away, NoExecute would also move existing ones. */
export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

/** A taint on a member cluster (OCM's ManagedCluster taints); placement avoids tainted clusters. */
export interface ClusterTaint {
  key: string;
  value: string;
  effect: TaintEffect;
  /** ISO time the taint was added. */
  timeAdded: string;
}

/** Set by the hub while the cluster's lease is lost. */
export const UNREACHABLE_TAINT = "alliance.coop/unreachable";
/** Set by the cooperative or a steward while the cluster is under maintenance. */
export const MAINTENANCE_TAINT = "alliance.coop/maintenance";

/** Adds (or replaces) the taint with `key`; keeps `timeAdded` when an equal taint is already there. */
export function addTaint(
  taints: readonly ClusterTaint[],
  taint: Omit<ClusterTaint, "timeAdded">,
  now: Date,
): ClusterTaint[] {
  const existing = taints.find((candidate) => candidate.key === taint.key);
  if (existing && existing.value === taint.value && existing.effect === taint.effect) return [...taints];
  return [
    ...taints.filter((candidate) => candidate.key !== taint.key),
    { ...taint, timeAdded: now.toISOString() },
  ];
}

/** Removes the taint with `key`, if any. */
export function removeTaint(taints: readonly ClusterTaint[], key: string): ClusterTaint[] {
  return taints.filter((taint) => taint.key !== key);
}

/** Whether a taint with `key` is set. */
export function hasTaint(taints: readonly ClusterTaint[], key: string): boolean {
  return taints.some((taint) => taint.key === key);
}
