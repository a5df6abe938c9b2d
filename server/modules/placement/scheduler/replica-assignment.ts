import type { ClusterCandidate, PlacementRequest } from "./types.js";

/** Replicas per ranking position, and whether the request is fully met. */
export interface AssignmentOutcome {
  satisfied: boolean;
  /** `replicas[position]` belongs to the cluster at that position of the ranking. */
  replicas: Uint32Array;
  requestedReplicas: number;
  placeableReplicas: number;
}

/**
 * Hands out replicas walking the ranking best first (`order` holds indexes into `clusters` and `fits`; `fits` are
 * the replicas each cluster can take with every limit and `maxPerCluster` applied).
 *
 * Duplicated: a cluster is chosen when it takes every replica and its cooperative stays within
 * `maxPerCooperative` (counted in replicas), until `mode.clusters` are chosen.
 * Divided: each cluster takes as many replicas as it fits, its cooperative allows and are still missing.
 *
 * Greedy is enough: each cooperative contributes min(its cap, what its clusters fit) whatever the order, so if
 * any assignment meets the request, this one does.
 */
export function assignReplicas(
  request: PlacementRequest,
  order: Uint32Array,
  clusters: readonly ClusterCandidate[],
  fits: Float64Array,
): AssignmentOutcome {
  const replicas = new Uint32Array(order.length);
  const maxPerCooperative = request.spread.maxPerCooperative ?? Number.POSITIVE_INFINITY;
  const usedByCooperative = new Map<string, number>();
  const mode = request.mode;
  const requestedReplicas =
    mode.kind === "Duplicated" ? request.replicas * Math.max(0, mode.clusters) : request.replicas;
  let remaining = requestedReplicas;

  for (let position = 0; position < order.length && remaining > 0; position++) {
    const index = order[position];
    const cooperativeId = clusters[index].cooperativeId;
    const used = usedByCooperative.get(cooperativeId) ?? 0;
    const cooperativeRoom = maxPerCooperative - used;
    const fit = fits[index];
    let take: number;
    if (mode.kind === "Duplicated") {
      take = fit >= request.replicas && cooperativeRoom >= request.replicas ? request.replicas : 0;
    } else {
      take = Math.max(0, Math.min(fit, remaining, cooperativeRoom));
    }
    if (take <= 0) continue;
    replicas[position] = take;
    usedByCooperative.set(cooperativeId, used + take);
    remaining -= take;
  }

  return {
    satisfied: remaining <= 0,
    replicas,
    requestedReplicas,
    placeableReplicas: requestedReplicas - remaining,
  };
}
