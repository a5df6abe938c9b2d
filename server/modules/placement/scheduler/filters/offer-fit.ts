import { bindingResource, minimumReplicasPerCluster, offerFreeAmount } from "../capacity.js";
import { offerReplicaLimit } from "../replica-limits.js";
import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/**
 * The offer's free part (caps and share, minus what the alliance already uses) must hold the replicas this
 * cluster would need: all of them in Duplicated mode, one in Divided mode.
 */
export const offerFit: Filter = (cluster, request) => {
  const needed = minimumReplicasPerCluster(request);
  if (offerReplicaLimit(cluster, request) >= needed) return PASS;
  const { resource, free } = bindingResource(request, (name) => offerFreeAmount(cluster, request, name));
  return {
    ok: false,
    reason: `offer ${cluster.offer?.id ?? "(none)"} has ${free} ${resource} free, ${needed} replica(s) need ${needed * request.perReplica[resource]}`,
  };
};
