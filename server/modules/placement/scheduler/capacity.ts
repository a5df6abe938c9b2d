import type { ClusterCandidate, PlacementRequest } from "./types.js";

/**
 * Capacity arithmetic shared by the fit filters, the scorers and the replica assignment, so that all three agree
 * on what "fits" means.
 *
 * Free on the cluster = allocatable - allocated - pending. The offer's free part per resource is
 * `min(cap, freeShare × spare) - usedByAlliance`, where spare = free + usedByAlliance: the capacity the owner is not
 * using itself. Counting the alliance's use inside the share keeps a 50 % offer at 50 % instead of letting guests
 * take half of what remains again and again. A resource with neither a cap nor a share is limited by the cluster.
 *
 * Replicas of this placement that already run on the cluster are counted in `allocated`, `usedByAlliance` and the
 * node shapes; they are credited back, since the decision being made replaces their reservation.
 */

/** Replicas a cluster must be able to take to be worth considering. */
export function minimumReplicasPerCluster(request: PlacementRequest): number {
  return request.mode.kind === "Duplicated" ? request.replicas : 1;
}

/** Whether the requester owns the cluster (its own capacity is not limited by its own offer). */
export function isOwnCluster(cluster: ClusterCandidate, request: PlacementRequest): boolean {
  return cluster.cooperativeId === request.requesterCooperativeId;
}

/** Free amount on the cluster before any credit: allocatable - allocated - pending, at least 0. */
export function rawFree(cluster: ClusterCandidate, resource: string): number {
  const capacity = cluster.capacity[resource];
  if (capacity === undefined) return 0;
  return Math.max(0, capacity.allocatable - capacity.allocated - capacity.pending);
}

/** Free amount of one resource on the cluster for this placement (existing replicas credited back). */
export function clusterFreeAmount(
  cluster: ClusterCandidate,
  request: PlacementRequest,
  resource: string,
): number {
  return rawFree(cluster, resource) + cluster.existingReplicas * (request.perReplica[resource] ?? 0);
}

/** Amount of one resource the offer still admits for this placement; 0 when the cluster has no offer. */
export function offerFreeAmount(
  cluster: ClusterCandidate,
  request: PlacementRequest,
  resource: string,
): number {
  return cluster.offer === undefined
    ? 0
    : offerFree(
        cluster,
        resource,
        rawFree(cluster, resource),
        cluster.existingReplicas * (request.perReplica[resource] ?? 0),
      );
}

/** Offer free part given the cluster's free amount and this placement's credit (see the module comment). */
export function offerFree(cluster: ClusterCandidate, resource: string, free: number, credit: number): number {
  const offer = cluster.offer;
  if (offer === undefined) return 0;
  const used = offer.usedByAlliance[resource] ?? 0;
  const cap = offer.caps?.[resource] ?? Number.POSITIVE_INFINITY;
  const share = offer.freeShare === undefined ? Number.POSITIVE_INFINITY : offer.freeShare * (free + used);
  // Guests other than this placement; clamped in case a report shows less alliance use than our own reservation.
  const usedByOthers = Math.max(0, used - credit);
  return Math.max(0, Math.min(cap, share) - usedByOthers);
}

/** The requested resource that admits the fewest replicas; only used to word a filter's reason. */
export function bindingResource(
  request: PlacementRequest,
  freeOf: (resource: string) => number,
): { resource: string; free: number } {
  let best = { resource: "", free: 0, replicas: Number.POSITIVE_INFINITY };
  for (const resource in request.perReplica) {
    const need = request.perReplica[resource];
    if (need <= 0) continue;
    const free = freeOf(resource);
    const replicas = Math.floor(free / need);
    if (replicas < best.replicas) best = { resource, free, replicas };
  }
  return { resource: best.resource, free: best.free };
}
