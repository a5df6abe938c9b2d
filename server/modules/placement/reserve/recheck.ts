import { FILTER_CHAIN } from "../scheduler/filter-chain.js";
import {
  clusterReplicaLimit,
  forgetCapacityMemo,
  nodeShapeReplicaLimit,
  offerReplicaLimit,
} from "../scheduler/replica-limits.js";
import type { Assignment } from "../scheduler/schedule-result.js";
import type { ClusterCandidate, PlacementRequest, SchedulingContext } from "../scheduler/types.js";

/** The re-check's answer: every assignment still fits, or the first one that does not and why. */
export type RecheckResult = { ok: true } | { ok: false; clusterId: string; reason: string };

/**
 * Re-checks a decision against data read after the chosen clusters were locked: each chosen cluster must still
 * exist, carry the same offer version, pass every scheduler filter, and its offer's free part, its free capacity
 * and its node shapes must still admit the assigned replicas (the scheduler's own `replica-limits.ts`, so "fits"
 * means the same here as when deciding). Pure.
 */
export function recheckAssignments(
  request: PlacementRequest,
  assignments: readonly Assignment[],
  fresh: ReadonlyMap<string, ClusterCandidate>,
  context: SchedulingContext,
): RecheckResult {
  forgetCapacityMemo();
  for (const assignment of assignments) {
    const cluster = fresh.get(assignment.clusterId);
    const fail = (reason: string): RecheckResult => ({ ok: false, clusterId: assignment.clusterId, reason });
    if (!cluster) return fail("cluster is no longer accepted");
    if (cluster.offer?.id !== assignment.offerId || cluster.offer?.version !== assignment.offerVersion)
      return fail("offer changed");
    for (const { name, filter } of FILTER_CHAIN) {
      const result = filter(cluster, request, context);
      if (!result.ok) return fail(`${name}: ${result.reason}`);
    }
    const limit = Math.min(
      request.spread.maxPerCluster ?? Number.POSITIVE_INFINITY,
      offerReplicaLimit(cluster, request),
      clusterReplicaLimit(cluster, request),
      nodeShapeReplicaLimit(cluster, request),
    );
    if (limit < assignment.replicas) return fail(`room for ${limit} of ${assignment.replicas} replicas`);
  }
  return { ok: true };
}
