import { clusterReplicaLimit, nodeShapeReplicaLimit, offerReplicaLimit } from "../replica-limits.js";
import { clampScore } from "../score-range.js";
import type { Scorer } from "../types.js";

/** Points per doubling of room: room for exactly the request scores 0, 16 times the request scores 100. */
const POINTS_PER_DOUBLING = 25;

/**
 * Prefers clusters with more free offered room, measured in replicas of this request (the tightest of offer,
 * cluster and node shapes) relative to the replicas asked for, on a log scale so large clusters do not all tie.
 */
export const freeCapacity: Scorer = (cluster, request) => {
  const room = Math.min(
    offerReplicaLimit(cluster, request),
    clusterReplicaLimit(cluster, request),
    nodeShapeReplicaLimit(cluster, request),
  );
  if (room <= 0) return -100;
  return clampScore(POINTS_PER_DOUBLING * Math.log2(room / Math.max(1, request.replicas)));
};
