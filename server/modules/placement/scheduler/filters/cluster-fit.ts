import { bindingResource, clusterFreeAmount, minimumReplicasPerCluster } from "../capacity.js";
import { clusterReplicaLimit } from "../replica-limits.js";
import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/** The cluster's real free capacity (allocatable - allocated - pending) must hold the replicas needed here. */
export const clusterFit: Filter = (cluster, request) => {
  const needed = minimumReplicasPerCluster(request);
  if (clusterReplicaLimit(cluster, request) >= needed) return PASS;
  const { resource, free } = bindingResource(request, (name) => clusterFreeAmount(cluster, request, name));
  return {
    ok: false,
    reason: `cluster has ${free} ${resource} free, ${needed} replica(s) need ${needed * request.perReplica[resource]}`,
  };
};
