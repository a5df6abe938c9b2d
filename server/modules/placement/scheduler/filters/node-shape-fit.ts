import { minimumReplicasPerCluster } from "../capacity.js";
import { nodeShapeReplicaLimit } from "../replica-limits.js";
import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/**
 * Free capacity summed over nodes can hide fragmentation: 8 nodes with 1 CPU free each cannot run a 2 CPU replica.
 * Each replica's cpu and memory must fit on a single node of the free node shape histogram.
 */
export const nodeShapeFit: Filter = (cluster, request) => {
  const needed = minimumReplicasPerCluster(request);
  const fits = nodeShapeReplicaLimit(cluster, request);
  if (fits >= needed) return PASS;
  const cpu = request.perReplica.cpu ?? 0;
  const memory = request.perReplica.memory ?? 0;
  return {
    ok: false,
    reason: `nodes have room for ${fits} replica(s) of ${cpu}m cpu / ${memory} B memory, ${needed} needed`,
  };
};
