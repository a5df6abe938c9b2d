import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { Cooperative } from "../cooperatives/cooperative.entity.js";
import type { Person } from "../people/person.entity.js";
import type { MemberCluster } from "./member-cluster.entity.js";

/**
 * A single-use, expiring token a cooperative admin creates to join one named cluster. Only its hash is stored.
 * The install manifest is fetched with the token as bearer secret, so it never appears in a URL or a log.
 */
export interface ClusterJoinToken {
  id: string;
  cooperativeId: string;
  clusterName: string;
  secretHash: string;
  createdById: string;
  expiresAt: Date;
  usedAt: Date | null;
  /** The cluster that registered with it. */
  clusterId: string | null;
  createdAt: Date;
  cooperative?: Cooperative;
  createdBy?: Person;
  cluster?: MemberCluster;
}

export const ClusterJoinTokenEntity = new EntitySchema<ClusterJoinToken>({
  name: "ClusterJoinToken",
  tableName: "cluster_join_token",
  columns: {
    id: uuidPrimary,
    cooperativeId: { type: "uuid", name: "cooperative_id" },
    clusterName: { type: "text", name: "cluster_name" },
    secretHash: { type: "text", name: "secret_hash" },
    createdById: { type: "uuid", name: "created_by_id" },
    expiresAt: timestampColumn("expires_at"),
    usedAt: timestampColumn("used_at", { nullable: true }),
    clusterId: { type: "uuid", name: "cluster_id", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "cluster_join_token_secret_hash_key", columns: ["secretHash"] }],
  indices: [{ name: "cluster_join_token_cooperative_idx", columns: ["cooperativeId"] }],
  relations: {
    cooperative: belongsTo("Cooperative", "cooperative_id", "cluster_join_token_cooperative_fkey", "CASCADE"),
    createdBy: belongsTo("Person", "created_by_id", "cluster_join_token_created_by_fkey"),
    cluster: belongsTo("MemberCluster", "cluster_id", "cluster_join_token_cluster_fkey", "SET NULL"),
  },
});
