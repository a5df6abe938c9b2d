import { isOwnCluster } from "../capacity.js";
import type { Scorer } from "../types.js";

/** With `preferOwnClusters`, the requester's own clusters are used first and the alliance covers the rest. */
export const preferOwn: Scorer = (cluster, request) =>
  request.constraints.preferOwnClusters === true && isOwnCluster(cluster, request) ? 100 : 0;
