import { isOwnCluster } from "../capacity.js";
import { PASS } from "../filter-result.js";
import type { Filter } from "../types.js";

/** Honours `excludeOwnClusters`: a cooperative that asks for the alliance's capacity may rule out its own. */
export const ownCluster: Filter = (cluster, request) => {
  if (request.constraints.excludeOwnClusters === true && isOwnCluster(cluster, request)) {
    return { ok: false, reason: "cluster belongs to the requester and own clusters are excluded" };
  }
  return PASS;
};
