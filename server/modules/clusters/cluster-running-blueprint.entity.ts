import { EntitySchema } from "typeorm";
import { belongsTo } from "../../db/relations.js";
import type { MemberCluster } from "./member-cluster.entity.js";

/**
 * A blueprint version a cluster's agent last reported running (labels `blueprint.alliance-hub/name` and
 * `blueprint.alliance-hub/version`). The set of a cluster is replaced with each status report that carries it and
 * emptied when the cluster is denied or revoked. Plain name and version, not a reference: a cluster may run a
 * version the hub does not list (yet).
 */
export interface ClusterRunningBlueprint {
  clusterId: string;
  name: string;
  version: string;
  cluster?: MemberCluster;
}

export const ClusterRunningBlueprintEntity = new EntitySchema<ClusterRunningBlueprint>({
  name: "ClusterRunningBlueprint",
  tableName: "cluster_running_blueprint",
  columns: {
    clusterId: { type: "uuid", name: "cluster_id", primary: true },
    name: { type: "text", primary: true },
    version: { type: "text", primary: true },
  },
  // The blueprint page counts clusters per name (and version).
  indices: [{ name: "cluster_running_blueprint_name_idx", columns: ["name", "version"] }],
  relations: {
    cluster: belongsTo("MemberCluster", "cluster_id", "cluster_running_blueprint_cluster_fkey", "CASCADE"),
  },
});
