import { EntitySchema } from "typeorm";
import { createdAtColumn, timestampColumn, uuidPrimary } from "../../db/column-types.js";
import { belongsTo } from "../../db/relations.js";
import type { MemberCluster } from "./member-cluster.entity.js";

/** Why a credential stopped working before its expiry. */
export const CREDENTIAL_REVOCATION_REASONS = ["revoked", "rotated", "reregistered"] as const;
export type CredentialRevocationReason = (typeof CREDENTIAL_REVOCATION_REASONS)[number];

/** A cluster agent's bearer credential (`ahc_...`), stored hashed, valid 24 hours, rotated by the agent. */
export interface ClusterCredential {
  id: string;
  clusterId: string;
  secretHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: CredentialRevocationReason | null;
  createdAt: Date;
  cluster?: MemberCluster;
}

export const ClusterCredentialEntity = new EntitySchema<ClusterCredential>({
  name: "ClusterCredential",
  tableName: "cluster_credential",
  columns: {
    id: uuidPrimary,
    clusterId: { type: "uuid", name: "cluster_id" },
    secretHash: { type: "text", name: "secret_hash" },
    expiresAt: timestampColumn("expires_at"),
    revokedAt: timestampColumn("revoked_at", { nullable: true }),
    revokedReason: { type: "text", name: "revoked_reason", nullable: true },
    createdAt: createdAtColumn,
  },
  uniques: [{ name: "cluster_credential_secret_hash_key", columns: ["secretHash"] }],
  indices: [{ name: "cluster_credential_cluster_idx", columns: ["clusterId"] }],
  checks: [
    {
      name: "cluster_credential_revoked_reason_check",
      expression: "revoked_reason IN ('revoked', 'rotated', 'reregistered')",
    },
  ],
  relations: {
    cluster: belongsTo("MemberCluster", "cluster_id", "cluster_credential_cluster_fkey", "CASCADE"),
  },
});
